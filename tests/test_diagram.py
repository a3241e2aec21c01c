"""The layout layer (memory state → Diagram), checked on real runs: facts a student would check on the picture."""

import pytest

from whiteboard.diagram.build import DiagramOptions, build_diagram
from whiteboard.diagram.formats import addr
from whiteboard.diagram.metrics import text_width
from whiteboard.diagram.primitives import Arrow, Label, Rect
from whiteboard.sim import events as E
from whiteboard.sim.run import run_source
from whiteboard.sim.trace import FrameState, MemoryState, SlotState

PUSHES = """
fn main() {
    let mut v: Vec<u32> = Vec::new();
    v.push(1); v.push(2); v.push(3); v.push(4);
    v.push(5);
    let n = v.len();
    println!("{}", n);
}
"""

MOVES = """
fn total(v: Vec<u32>) -> u32 { let mut s = 0; for x in &v { s += *x; } s }
fn main() {
    let v = vec![1, 2, 3];
    let w = v;
    let t = total(w);
    println!("{}", t);
}
"""

MIXED = """
use std::rc::Rc;
#[derive(Debug)]
struct Point { x: i32, y: u8 }
#[derive(Debug)]
struct Student { name: String, scores: Vec<u32>, age: u8 }
fn main() {
    let p = Point { x: 1, y: 2 };
    let mut v: Vec<u32> = Vec::new();
    v.push(1); v.push(2); v.push(3); v.push(4); v.push(5);
    let b = Box::new(7u64);
    let r = &v;
    let s = String::from("héllo");
    let lit: &str = "Hello World!";
    let tail = &lit[6..];
    let none: Option<Box<u64>> = None;
    let some: Option<u32> = Some(3);
    let mut x = 5;
    let m = &mut x;
    *m += 1;
    let rc = Rc::new(5u32);
    let rc2 = Rc::clone(&rc);
    let class = vec![Student { name: String::from("Ann"), scores: vec![90, 85], age: 20 }];
    let arr = [1u8, 2, 3];
    let tup = (1u8, 2u32);
    println!("{:?} {} {} {} {} {} {:?} {:?} {} {} {:?} {:?} {:?}", p, r.len(), b, s, lit, tail, none, some, x, rc2,
        class, arr, tup);
}
"""

RECURSION = "fn foo() { foo(); }\nfn main() { foo(); }\n"

USE_AFTER_MOVE = """
fn main() {
    let v = vec![1, 2, 3];
    let w = v;
    println!("{} {}", v.len(), w.len());
}
"""

PANIC = """
fn main() {
    let v = vec![1, 2, 3];
    let i = 7;
    println!("{}", v[i]);
}
"""

HUGE = """
fn main() {
    let big: Vec<u8> = Vec::with_capacity(1 << 40);
    println!("{}", big.len());
}
"""


def run(src):
    result = run_source(src, "main.rs", record=True)
    assert result.trace is not None, result.stderr
    return result.trace


def step_of(trace, label_start: str, nth: int = 0) -> int:
    found = [s.index for s in trace.steps if s.label.startswith(label_start)]
    return found[nth]


def by_key(diagram, prefix: str) -> list:
    return [p for k, p in diagram.items.items() if k.startswith(prefix)]


def slot_id(state, name: str) -> int:
    for frame in state.frames.values():
        for slot in frame.slots.values():
            if slot.name == name:
                return slot.slot_id
    raise KeyError(name)


def labels_overlapping(labels) -> list:
    labels = sorted(labels, key=lambda lab: lab.y)
    out = []
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            if b.y >= a.y + a.h - 0.5:
                break
            if a.x < b.x + b.w - 0.5 and b.x < a.x + a.w - 0.5:
                out.append((a.key, a.text, b.key, b.text))
    return out


# ------------------------------------------------------------------------------------------------ heap blocks


def test_vec_pushed_five_times_has_eight_cells_five_used():
    trace = run(PUSHES)
    k = step_of(trace, "v.push(5)")
    state = trace.state_at(k)
    live = [b for b in state.blocks.values() if not b.freed]
    assert [b.capacity for b in live] == [8]
    d = build_diagram(trace, k)
    cells = [d.items[f"cell:{live[0].block_id}:{i}"] for i in range(8)]
    assert [c.style for c in cells] == ["cell.used"] * 5 + ["cell.spare"] * 3
    assert f"cell:{live[0].block_id}:8" not in d.items
    assert [d.items[f"cell:{live[0].block_id}:{i}:text"].text for i in range(5)] == ["1", "2", "3", "4", "5"]


def test_realloc_frees_the_old_block_then_shows_free_space_and_the_arrow_follows():
    trace = run(PUSHES)
    k = step_of(trace, "v.push(5)")
    state = trace.state_at(k)
    old = next(b for b in state.blocks.values() if b.freed)
    new = next(b for b in state.blocks.values() if not b.freed)
    assert old.capacity == 4
    d = build_diagram(trace, k)
    assert d.items[f"block:{old.block_id}"].style == "block.freed"
    assert "freed" in d.items[f"block:{old.block_id}:title"].text
    assert d.items[f"block:{new.block_id}"].style == "block"

    v = slot_id(state, "v")
    arrow = d.items[f"arrow:val:slot:{v}/ptr"]
    assert arrow.kind == "own" and arrow.target == f"block:{new.block_id}"
    bx, by, bw, bh = d.anchors[f"block:{new.block_id}"]
    assert arrow.x2 == pytest.approx(bx) and by <= arrow.y2 <= by + bh and arrow.end_side == "left"

    later = build_diagram(trace, k + 1)
    assert f"block:{old.block_id}" not in later.items
    free = later.items[f"free:{addr(old.chunk_addr)}"]
    assert free.style == "free"
    assert "32 B" in later.items[f"free:{addr(old.chunk_addr)}:text"].text


def test_heap_blocks_are_stacked_in_address_order_lowest_lowest():
    trace = run(MIXED)
    k = step_of(trace, "println!")
    state = trace.state_at(k)
    d = build_diagram(trace, k)
    blocks = sorted((b for b in state.blocks.values() if b.chunk_addr < 0x7000_0000_0000), key=lambda b: b.addr)
    ys = [d.anchors[f"block:{b.block_id}"][1] for b in blocks]
    assert ys == sorted(ys, reverse=True)  # a higher address is drawn higher up (smaller y)


def test_string_buffer_draws_utf8_bytes_and_rc_its_counts():
    trace = run(MIXED)
    k = step_of(trace, "println!")
    state = trace.state_at(k)
    d = build_diagram(trace, k)
    buf = next(b for b in state.blocks.values() if b.elems and b.elems[0] == ("text", "héllo"))
    cells = [d.items[f"cell:{buf.block_id}:{i}"] for i in range(6)]
    assert all(c.style == "cell.used" for c in cells)  # 'é' takes two bytes
    assert d.items[f"cell:{buf.block_id}:1:text"].text == "é"
    assert d.items[f"cell:{buf.block_id}:1:text"].w == pytest.approx(2 * cells[0].w)
    rc = next(b for b in state.blocks.values() if b.what.startswith("Rc"))
    assert d.items[f"block:{rc.block_id}:counts:text"].text == "strong 2 · weak 1"


def test_a_terabyte_with_capacity_is_cheap():
    trace = run(HUGE)
    k = step_of(trace, "let big")
    state = trace.state_at(k)
    d = build_diagram(trace, k, state=state)  # (a drawing of the block, not 2^40 cells: checked below)
    (block,) = state.blocks.values()
    cells = [key for key in d.items if key.startswith(f"cell:{block.block_id}:") and key.count(":") == 2]
    assert len(cells) <= 16
    more = d.items[f"block:{block.block_id}:more"].text
    assert "1,099,511,627,760 more spare" in more


# ---------------------------------------------------------------------------------------------------- values


def test_moved_from_local_shows_moved():
    trace = run(MOVES)
    k = step_of(trace, "let w = v")
    state = trace.state_at(k)
    v = slot_id(state, "v")
    d = build_diagram(trace, k)
    assert d.items[f"val:slot:{v}"].style == "value.moved"
    text = d.items[f"val:slot:{v}:text"]
    assert text.text == "moved" and text.style == "text.moved"
    assert f"arrow:val:slot:{v}/ptr" not in d.items  # a moved-from Vec points nowhere


def test_option_niche_note_versus_tag():
    trace = run(MIXED)
    k = step_of(trace, "println!")
    state = trace.state_at(k)
    d = build_diagram(trace, k)
    none, some = slot_id(state, "none"), slot_id(state, "some")
    assert "niche" in d.items[f"val:slot:{none}/niche:text"].text
    assert "null pointer" in d.items[f"val:slot:{none}/niche:text"].text
    assert d.items[f"val:slot:{some}/tag:text"].text == "tag 1"
    assert f"val:slot:{some}/niche" not in d.items and f"val:slot:{none}/tag" not in d.items


def test_vec_parts_and_struct_fields_are_drawn():
    trace = run(MIXED)
    k = step_of(trace, "println!")
    state = trace.state_at(k)
    d = build_diagram(trace, k)
    v, p = slot_id(state, "v"), slot_id(state, "p")
    assert d.items[f"val:slot:{v}/len:text"].text == "len 5"
    assert d.items[f"val:slot:{v}/cap:text"].text == "cap 8"
    assert d.items[f"val:slot:{v}/ptr:text"].text == "ptr ●"
    assert d.items[f"val:slot:{p}:title"].text == "Point"
    assert d.items[f"val:slot:{p}/x:text"].text == "1" and d.items[f"val:slot:{p}/y:text"].text == "2"
    fx, fy = d.items[f"val:slot:{p}/x"], d.items[f"val:slot:{p}/y"]
    assert fx.y < fy.y  # fields in declaration order, top to bottom


def test_empty_vec_has_a_dangling_pointer_and_no_arrow():
    trace = run(PUSHES)
    k = step_of(trace, "let mut v")
    v = slot_id(trace.state_at(k), "v")
    d = build_diagram(trace, k)
    assert d.items[f"val:slot:{v}/ptr:text"].text == "ptr dangling (0x4)"
    assert f"arrow:val:slot:{v}/ptr" not in d.items


# ---------------------------------------------------------------------------------------------------- arrows


def test_arrow_kinds_and_sides():
    trace = run(MIXED)
    k = step_of(trace, "println!")
    state = trace.state_at(k)
    d = build_diagram(trace, k)
    ids = {n: slot_id(state, n) for n in ("v", "b", "r", "m", "x", "lit", "tail", "rc", "class")}
    own = d.items[f"arrow:val:slot:{ids['b']}"]
    assert own.kind == "own" and own.start_side == "right" and own.end_side == "left"
    shared = d.items[f"arrow:val:slot:{ids['r']}"]
    assert shared.kind == "shared" and shared.target == f"slot:{ids['v']}"
    assert shared.start_side == "left" and shared.end_side == "left"  # a loop left of the stack
    mut = d.items[f"arrow:val:slot:{ids['m']}"]
    assert mut.kind == "mut" and mut.target == f"slot:{ids['x']}"
    lit = d.items[f"arrow:val:slot:{ids['lit']}/ptr"]
    assert lit.kind == "static" and lit.target.startswith("static:") and lit.end_side == "left"
    tail = d.items[f"arrow:val:slot:{ids['tail']}/ptr"]
    assert tail.target == lit.target and tail.x2 > lit.x2  # into the middle of the literal
    assert d.items[f"arrow:val:slot:{ids['rc']}"].kind == "own"
    # heap → heap: a Student's name buffer, leaving the cell's right side and entering the block's right side
    cls = next(b for b in state.blocks.values() if b.what == "Vec<Student> buffer")
    inner = d.items[f"arrow:cell:{cls.block_id}:0/name/ptr"]
    assert inner.start_side == "right" and inner.end_side == "right" and inner.target.startswith("block:")
    bx, _, bw, _ = d.anchors[inner.target]
    assert inner.x2 == pytest.approx(bx + bw)


def test_overlapping_arrows_get_distinct_lanes():
    trace = run(MIXED)
    k = step_of(trace, "println!")
    d = build_diagram(trace, k)
    arrows = [a for a in d.items.values() if isinstance(a, Arrow) and not a.key.startswith("legend")]
    left = [a for a in arrows if a.start_side == "left" and a.end_side == "left"]
    for i, a in enumerate(left):
        for b in left[i + 1 :]:
            if min(a.y1, a.y2) < max(b.y1, b.y2) and min(b.y1, b.y2) < max(a.y1, a.y2):
                assert a.bend != b.bend


def test_stack_to_heap_arrows_run_in_the_gutter_and_loops_outside_the_columns():
    trace = run(MIXED)
    k = step_of(trace, "println!")
    d = build_diagram(trace, k)
    stack = d.items["region:stack"]
    heap = d.items["region:heap"]
    arrows = [a for a in d.items.values() if isinstance(a, Arrow) and not a.key.startswith("legend")]
    for a in arrows:
        if a.start_side == "right" and a.end_side == "left":
            assert stack.x + stack.w < a.lane < heap.x, a.key
        elif a.start_side == "left" and a.end_side == "left":
            assert a.lane < stack.x, a.key
        elif a.start_side == "right" and a.end_side == "right":
            assert a.lane > heap.x + heap.w, a.key


def test_a_long_linked_list_is_folded():
    src = """
struct Node { val: u32, next: Option<Box<Node>> }
fn main() {
    let mut head: Option<Box<Node>> = None;
    let mut i = 0;
    while i < 300 { head = Some(Box::new(Node { val: i, next: head })); i += 1; }
    println!("{}", head.is_some());
}
"""
    trace = run(src)
    k = step_of(trace, "println!")
    d = build_diagram(trace, k)  # (how long it takes is benchmarks/bench_canvas.py's business, not a test's)
    drawn = [key for key in d.items if key.startswith("block:") and key.count(":") == 1]
    assert 10 <= len(drawn) <= 30
    folds = [p for key, p in d.items.items() if key.startswith("fold:") and key.endswith(":text")]
    assert sum(int(p.text.split()[1].replace(",", "")) for p in folds) == 300 - len(drawn)
    head = slot_id(trace.state_at(k), "head")
    assert d.items[f"arrow:val:slot:{head}/0"].target in drawn  # the list's head is drawn, not folded


def test_dangling_pointers_end_in_a_cross_not_at_a_live_block():
    trace = run(PUSHES)
    state = MemoryState()
    frame = FrameState(1, "main", 0x7FFF_FFFF_E000, 32, 0)
    frame.slots[2] = SlotState(2, 1, "b", "Box<u64>", 0x7FFF_FFFF_E000, 8, 8, ("ptr", 0x5555_5555_A010, "Box", 99))
    state.frames[1] = frame
    d = build_diagram(trace, 0, state=state)
    arrow = d.items["arrow:val:slot:2"]
    assert arrow.kind == "dangling" and arrow.target == ""


def test_a_str_borrowed_from_a_string_points_into_its_heap_buffer():
    """`&owned`, `&owned[1..3]` and a `&str` parameter point at the String's live buffer (a shared borrow), not at
    freed memory: rustc accepts the program and the bytes are there."""
    src = """
fn count_bytes(text: &str) -> usize {
    text.len()
}
fn main() {
    let owned = String::from("hello");
    let s: &str = &owned;
    let t = &owned[1..3];
    let n = count_bytes(&owned);
    println!("{} {} {}", s, t, n);
}
"""
    trace = run(src)
    k = next(i for i, st in enumerate(trace.steps) if st.label == "text.len()")
    state = trace.state_at(k)
    d = build_diagram(trace, k)
    buffer = next(b for b in state.blocks.values())
    for name in ("s", "t", "text"):
        arrow = d.items[f"arrow:val:slot:{slot_id(state, name)}/ptr"]
        assert arrow.kind == "shared" and arrow.target.startswith(
            (f"block:{buffer.block_id}", f"cell:{buffer.block_id}:")
        )
    t_arrow = d.items[f"arrow:val:slot:{slot_id(state, 't')}/ptr"]
    assert t_arrow.target == f"cell:{buffer.block_id}:1"  # `[1..3]` starts at the buffer's second byte


# ----------------------------------------------------------------------------------------------------- stack


def test_main_keeps_its_geometry_when_a_callee_frame_is_pushed():
    trace = run(MOVES)
    k = step_of(trace, "call total")
    before, after = build_diagram(trace, k - 1), build_diagram(trace, k)
    main = next(iter(trace.state_at(k).frames.values()))
    keys = [
        key
        for key, p in before.items.items()
        if isinstance(p, Rect | Label)
        and any(key.startswith(f"slot:{s}") or key.startswith(f"val:slot:{s}") for s in main.slots)
    ]
    assert keys
    for key in keys:
        a, b = before.items[key], after.items[key]
        assert (a.x, a.y, a.w, a.h) == (b.x, b.y, b.w, b.h), key
    callee = [f for f in trace.state_at(k).frames.values() if f.function == "total"][0]
    assert after.anchors[f"frame:{callee.frame_id}"][1] < after.anchors[f"frame:{main.frame_id}"][1]  # on top


def test_locals_are_listed_bottom_to_top_in_binding_order():
    trace = run(MIXED)
    k = step_of(trace, "println!")
    state = trace.state_at(k)
    d = build_diagram(trace, k)
    ys = [d.anchors[f"slot:{s}"][1] for f in state.frames.values() for s in f.slots]
    assert ys == sorted(ys, reverse=True)


def test_recursion_overflow_shows_collapsed_frames_and_the_banner():
    trace = run(RECURSION)
    last = len(trace.steps) - 1
    collapsed = [ev for s in trace.steps for ev in s.events if isinstance(ev, E.FramesCollapsed)]
    assert collapsed
    d = build_diagram(trace, last)
    texts = [p.text for p in d.items.values() if isinstance(p, Label)]
    assert any(f"{collapsed[0].count:,} more frames of foo" in t for t in texts)
    assert any(t.startswith("stack overflow: 8 MiB used") for t in texts)
    assert any("has overflowed its stack" in t for t in texts)
    assert d.items["limit"].style == "limit"
    assert d.items["banner"].y < d.items["limit"].y  # the banner sits above the limit line
    assert len(by_key(d, "frame:")) < 200  # a deep stack is folded, not drawn frame by frame


def test_compile_error_draws_an_error_card():
    trace = run(USE_AFTER_MOVE)
    d = build_diagram(trace, 0)
    card = [p for p in d.items.values() if isinstance(p, Label) and "E0382" in p.text]
    assert card and card[0].style == "text.error"
    assert any(isinstance(p, Label) and p.text.startswith("at line 5, column") for p in d.items.values())


def test_panic_draws_a_card():
    trace = run(PANIC)
    d = build_diagram(trace, len(trace.steps) - 1)
    assert d.items["panic"].style == "panic"
    text = " ".join(p.text for p in by_key(d, "panic:line:"))
    assert "thread 'main' panicked" in text and "index out of bounds" in text


def test_a_refused_edit_is_drawn_over_the_memory_that_compiled():
    """The program that moves `v` before printing it does not compile; the memory of the one without the move (the
    step the edit was made on) stays, with rustc's error in a card and a red outline round `v`, the local it names."""
    from whiteboard.diagram.refusal import Refusal, concerned_keys

    refused = run_source(USE_AFTER_MOVE, "main.rs", record=True)
    first = refused.diagnostics[0]
    assert (first.code, first.message) == ("E0382", "borrow of moved value: `v`")
    compiled = run(USE_AFTER_MOVE.replace("    let w = v;\n", "    let w = v.clone();\n"))
    k = step_of(compiled, "println!")
    state = compiled.state_at(k)
    keys = concerned_keys(state, first.message, "frame:0")
    assert keys == (f"slot:{slot_id(state, 'v')}",)
    assert concerned_keys(state, "mismatched types", "val:slot:7/items") == ("slot:7",)
    v, w = (f"slot:{slot_id(state, n)}" for n in ("v", "w"))
    assert concerned_keys(state, "cannot borrow `*w` as mutable, as it is behind a `&` reference") == (w,)
    assert concerned_keys(state, "cannot borrow `v[_]` as mutable because `w.len` is borrowed") == (v, w)
    assert concerned_keys(state, "mismatched types", "cell:3:1") == ("cell:3:1",)
    refusal = Refusal("“Move `v` into `w`”", first.code, first.message, *first.primary_span[:2], keys)
    d = build_diagram(compiled, k, refusal=refusal)
    card = " ".join(p.text for p in by_key(d, "refusal:line:"))
    assert "Rust refuses “Move `v` into `w`”" in card and "error[E0382]: borrow of moved value: `v`" in card
    assert "line 5, column 23" in card and "Why:" in card and "undo it" in card
    # the card is in the stack column, above the frames; the outline encloses v's row, and only v's
    frame = d.items[f"frame:{next(iter(state.frames))}"]
    region, slot = d.items["region:stack"], d.items[keys[0]]
    assert region.y < d.items["refusal"].y and d.items["refusal"].y + d.items["refusal"].h < frame.y
    ring = d.items[f"refusal:{keys[0]}"]
    assert ring.style == "refused"
    assert (
        ring.x < slot.x and ring.y < slot.y and ring.x + ring.w > slot.x + slot.w and ring.y + ring.h > slot.y + slot.h
    )
    assert [p.key for p in d.items.values() if isinstance(p, Rect) and p.style == "refused"] == [ring.key]
    labels = [p for p in d.items.values() if isinstance(p, Label)]
    assert all(text_width(lab.text, lab.size) <= lab.w + 0.5 for lab in labels)
    # the same step without a refusal has none of it
    assert not by_key(build_diagram(compiled, k), "refusal")


# ------------------------------------------------------------------------------------------------ byte view


def test_byte_view_shows_padding_and_vec_field_order():
    trace = run(MIXED)
    k = step_of(trace, "println!")
    state = trace.state_at(k)
    d = build_diagram(trace, k, DiagramOptions(byte_view=True))
    p, v = slot_id(state, "p"), slot_id(state, "v")
    styles = [d.items[f"bytes:slot:{p}:{i}"].style for i in range(8)]
    assert f"bytes:slot:{p}:8" not in d.items  # Point { x: i32, y: u8 } is 8 bytes
    assert len(set(styles[0:4])) == 1 and styles[0] != "byte.pad" and styles[4] not in (styles[0], "byte.pad")
    assert styles[5:] == ["byte.pad"] * 3
    assert d.items[f"bytes:slot:{p}:span:5"].text == "pad"
    vstyles = [d.items[f"bytes:slot:{v}:{i}"].style for i in range(24)]
    assert "byte.pad" not in vstyles
    assert [d.items[f"bytes:slot:{v}:span:{o}"].text for o in (0, 8, 16)] == ["cap", "ptr", "len"]


# ------------------------------------------------------------------------------------------ the whole picture


PROGRAMS = [PUSHES, MOVES, MIXED, RECURSION, USE_AFTER_MOVE, PANIC, HUGE]
OPTIONS = [DiagramOptions(), DiagramOptions(addresses=False), DiagramOptions(byte_view=True, allocator=True)]


@pytest.mark.parametrize("src", PROGRAMS)
def test_every_label_fits_and_none_overlap_on_every_step(src):
    trace = run(src)
    for options in OPTIONS:
        for k in range(len(trace.steps)):
            d = build_diagram(trace, k, options)
            labels = [p for p in d.items.values() if isinstance(p, Label)]
            for lab in labels:
                assert text_width(lab.text, lab.size) <= lab.w + 0.5, (k, lab.key, lab.text)
            assert not labels_overlapping(labels), (k, labels_overlapping(labels)[:3])


@pytest.mark.parametrize("src", [MIXED, RECURSION])
def test_bounds_enclose_everything_and_groups_have_anchors(src):
    trace = run(src)
    k = len(trace.steps) - 2
    d = build_diagram(trace, k, DiagramOptions(byte_view=True, allocator=True))
    bx, by, bw, bh = d.bounds
    for p in d.items.values():
        if isinstance(p, Arrow):
            xs, ys = (p.x1, p.x2), (p.y1, p.y2)
        else:
            xs, ys = (p.x, p.x + p.w), (p.y, p.y + p.h)
        assert bx <= min(xs) and max(xs) <= bx + bw and by <= min(ys) and max(ys) <= by + bh, p.key
        for g in p.groups:
            if g.split(":")[0] in ("frame", "slot", "block", "cell", "static") or g.startswith("val:slot:"):
                assert g in d.anchors, g


def test_legend_never_moves():
    trace = run(MIXED)
    a, b = build_diagram(trace, 0), build_diagram(trace, len(trace.steps) - 2)
    legend_a = {k: p for k, p in a.items.items() if k.startswith("legend")}
    legend_b = {k: p for k, p in b.items.items() if k.startswith("legend")}
    assert legend_a == legend_b and all(p.y > 0 for p in legend_a.values() if isinstance(p, Rect))


def test_a_thousand_locals_build_quickly():
    lets = "\n".join(f"    let a{i}: u64 = {i};" for i in range(1000))
    trace = run(f'fn main() {{\n{lets}\n    println!("{{}}", a999);\n}}\n')
    k = len(trace.steps) - 3
    state = trace.state_at(k)
    assert sum(len(f.slots) for f in state.frames.values()) == 1000
    build_diagram(trace, k, state=state)  # warm the type caches
    d = build_diagram(trace, k, state=state)  # (its time is measured by benchmarks/bench_canvas.py)
    assert len(by_key(d, "val:slot:")) >= 1000


def test_byte_view_shows_the_niche_of_none_not_unused_bytes():
    src = """
fn main() {
    let a: Option<Box<u64>> = None;
    let b: Option<u32> = Some(7);
    println!("{} {:?}", a.is_none(), b);
}
"""
    trace = run(src)
    k = step_of(trace, "println!")
    state = trace.state_at(k)
    d = build_diagram(trace, k, DiagramOptions(byte_view=True))
    a, b = slot_id(state, "a"), slot_id(state, "b")
    # Option<Box<u64>> is 8 bytes (layout.json): all of them the pointer, whose 0 means None.
    assert [d.items[f"bytes:slot:{a}:{i}"].style for i in range(8)].count("byte.pad") == 0
    assert "niche" in d.items[f"bytes:slot:{a}:span:0"].text
    # Option<u32> is 8 bytes: a 4-byte tag at offset 0, the u32 at offset 4.
    assert d.items[f"bytes:slot:{b}:span:0"].text == "tag"
    assert f"bytes:slot:{b}:8" not in d.items


# ---------------------------------------------------------------------------------------------- drop callouts


def test_a_callout_goes_above_unless_that_covers_text_or_leaves_the_screen():
    from whiteboard.diagram.callout import callout_spot

    target, size, screen, gap = (100.0, 100.0, 40.0, 30.0), (120.0, 40.0), (0.0, 0.0, 1000.0, 1000.0), 10.0
    assert callout_spot(target, size, screen, [], gap) == (100.0, 50.0, 120.0, 40.0)  # above, left-aligned
    name_above = (100.0, 70.0, 20.0, 20.0)
    assert callout_spot(target, size, screen, [name_above], gap) == (150.0, 95.0, 120.0, 40.0)  # then right
    right_text = (150.0, 90.0, 300.0, 50.0)
    assert callout_spot(target, size, screen, [name_above, right_text], gap) == (100.0, 140.0, 120.0, 40.0)  # below
    # at the top edge of the screen, above would be cut off
    assert callout_spot((100.0, 20.0, 40.0, 30.0), size, screen, [], gap)[1] >= 0.0
    # the target's own text is not in the way: the outline already shows it
    own = (105.0, 105.0, 30.0, 20.0)
    assert callout_spot(target, size, screen, [own], gap) == (100.0, 50.0, 120.0, 40.0)
    # everything covered: the least covered spot
    big = [(0.0, 0.0, 1000.0, 95.0), (145.0, 0.0, 900.0, 1000.0), (0.0, 135.0, 1000.0, 900.0)]
    wide = (-100.0, 0.0, 1100.0, 1000.0)
    assert callout_spot(target, size, wide, big, gap) == (-30.0, 95.0, 120.0, 40.0)  # left: the one free spot
    assert callout_spot(target, size, screen, big, gap) == (150.0, 95.0, 120.0, 40.0)  # (left is off screen)

    # a target taller than the screen (a long frame): no spot beside it is on screen, so the callout slides on
    spot = callout_spot((100.0, -500.0, 40.0, 2000.0), size, screen, [], gap)
    assert 0.0 <= spot[0] and spot[0] + spot[2] <= 1000.0 and 0.0 <= spot[1] and spot[1] + spot[3] <= 1000.0
    # a grid index of the boxes gives the same answers as the plain list
    from whiteboard.diagram.callout import TextIndex

    for texts in ([], [name_above], [name_above, right_text], big, [own]):
        for where in (target, (100.0, 20.0, 40.0, 30.0), (900.0, 900.0, 90.0, 90.0)):
            assert callout_spot(where, size, wide, TextIndex(texts), gap) == callout_spot(where, size, wide, texts, gap)


def test_text_boxes_are_where_the_ink_is():
    from whiteboard.diagram.callout import text_boxes

    labels = [
        Label("a", 0.0, 0.0, 500.0, 20.0, "i32", "text", 14.0, "left"),
        Label("b", 0.0, 30.0, 500.0, 20.0, "i32", "text", 14.0, "right"),
        Label("c", 0.0, 60.0, 500.0, 20.0, "", "text", 14.0, "left"),
    ]
    width = text_width("i32", 14.0)
    assert text_boxes(labels) == [(0.0, 0.0, width, 20.0), (500.0 - width, 30.0, width, 20.0)]
