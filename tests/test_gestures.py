"""Gestures as program edits (whiteboard/document/gestures.py), judged by facts: the program each gesture writes is
what rustfmt would write, rustc's verdict on it is the simulator's verdict (same error code, or the same output
when run), and the board then shows what the gesture meant (a new local of the item's size, a longer Vec …)."""

from __future__ import annotations

import pytest

from tests.gesture_board import RUSTC, RUSTFMT, GestureBoard, rustc_verdict, rustfmt_clean
from whiteboard.document import code_places as C
from whiteboard.document import gestures as G
from whiteboard.document import palette as P
from whiteboard.model.layout import LayoutEngine

BASE = """\
struct Holder {
    items: Vec<i32>,
}

fn main() {
    let mut v: Vec<i32> = Vec::new();
    let n = 5;
    let mut h = Holder { items: Vec::new() };
    let mut s = String::from("hi");
    let mut o: Option<i32> = None;
    let mut b = Box::new(1);
    println!("{} {} {}", v.len(), v.capacity(), n);
    println!("{} {}", h.items.capacity(), s);
    println!("{:?} {}", o, b);
}
"""
LAST_LET = 11  # `let mut b = …`: gestures happen with every local in place


def board_at_last_let(source: str = BASE) -> GestureBoard:
    board = GestureBoard(source)
    board.go_to_line(LAST_LET)
    return board


def judged(board: GestureBoard, expect_error: str | None = None) -> None:
    """The facts every gesture must meet: rustfmt-clean text, and rustc's verdict equal to the simulator's."""
    if RUSTFMT:
        clean, formatted = rustfmt_clean(board.source)
        assert clean, f"rustfmt would write:\n{formatted}\nnot:\n{board.source}"
    if expect_error is None:
        assert board.result.exit_code == 0, board.result.stderr
    else:
        assert board.errors()[:1] == [expect_error], board.result.stderr
    if RUSTC:
        ok, codes, stdout = rustc_verdict(board.source)
        if expect_error is None:
            assert ok, codes
            assert stdout == board.result.stdout
        else:
            assert not ok and codes[0] == expect_error


def new_line(board: GestureBoard, edit: G.Edit) -> str:
    return board.source.split("\n")[edit.line - 1].strip()


# -------------------------------------------------------------------------------------------------- palette on frames

FRAME_ITEMS = [k for k in (i.key for i in P.palette_items("i32", {})) if k not in ("ref", "refmut", "call", "block")]


@pytest.mark.parametrize("key", FRAME_ITEMS + ["struct:Holder"])
def test_an_item_dropped_on_a_frame_is_a_new_local_of_its_size(key):
    board = board_at_last_let()
    item = board.items()[key]
    edit = board.drop(key, board.frame_key())
    judged(board)
    assert new_line(board, edit).startswith("let ")
    assert board.trace.steps[board.step].span[0] == edit.line  # the board lands on the new statement
    name = new_line(board, edit).removeprefix("let ").removeprefix("mut ").split(":")[0].split(" ")[0]
    slot = board.slot(name)
    assert slot is not None and slot.ty == item.type_text
    size, _align = P.size_and_align(item.type_text, board.trace.layouts)
    assert slot.size == size


def test_palette_sizes_are_rustcs():
    """Each item's size and alignment against the oracle's measurements (tests/oracle, rustc 1.95)."""
    engine = LayoutEngine()
    facts = {i.key: P.size_and_align(i.type_text, engine) for i in P.palette_items("i32", {}) if i.type_text}
    assert facts["i32"] == (4, 4) and facts["u8"] == (1, 1) and facts["char"] == (4, 4) and facts["bool"] == (1, 1)
    assert facts["Vec"] == (24, 8) and facts["String"] == (24, 8) and facts["str"] == (16, 8)
    assert facts["Option"] == (8, 4) and facts["Box"] == (8, 8) and facts["array"] == (12, 4)
    assert P.size_and_align("Option<Box<i32>>", engine) == (8, 8)  # the niche
    assert P.size_and_align("Option<String>", engine) == (24, 8)


def test_new_locals_get_fresh_names():
    board = board_at_last_let()
    board.drop("Vec", board.frame_key())
    edit = board.drop("Vec", board.frame_key())
    assert new_line(board, edit) == "let mut v3: Vec<i32> = Vec::new();"  # v and v2 are taken
    judged(board)


def test_a_reference_dropped_on_a_frame_is_refused_with_what_to_do():
    board = board_at_last_let()
    with pytest.raises(G.GestureError, match="drop `&T` on a value"):
        board.drop("ref", board.frame_key())


def test_a_call_and_a_block_on_a_frame():
    board = board_at_last_let()
    edit = board.drop("call", board.frame_key())
    assert new_line(board, edit) == "helper();" and "\nfn helper() {}\n" in board.source
    judged(board)
    assert [f.function for f in board.state.frames.values()][-1] in ("main", "helper")
    edit = board.drop("block", board.frame_key())
    assert new_line(board, edit) == "let inner: i32 = 0;"
    judged(board)
    assert board.slot("inner") is not None


# --------------------------------------------------------------------------------------------------- drops on values

VALUE_DROPS = [
    ("i32", "v", "v.push(1);", None),
    ("i32", "h.items", "h.items.push(1);", None),
    ("char", "s", "s.push('a');", None),
    ("str", "s", 's.push_str("hello");', None),
    ("i32", "o", "o = Some(1);", None),
    ("i32", "b", "b = Box::new(1);", None),
    ("ref", "v", "let r = &v;", None),
    ("refmut", "v", "let r = &mut v;", None),
    ("u64", "v", "v.push(1u64);", "E0308"),  # what was dropped is a u64: Rust says so
    ("i32", "n", "n = 6;", "E0384"),  # n is not mut
]


@pytest.mark.parametrize(("item", "place", "line", "error"), VALUE_DROPS)
def test_an_item_dropped_on_a_value(item, place, line, error):
    board = board_at_last_let()
    edit = board.drop(item, board.key(place))
    assert new_line(board, edit) == line
    judged(board, error)


def test_pushes_grow_the_vec_as_rustc_does():
    board = board_at_last_let()
    caps = []
    for _ in range(5):
        board.drop("i32", board.key("v"))
        view = board.slot("v").value
        caps.append((view[3], view[2]))  # (len, cap) on the board right after the push
    assert caps == [(1, 4), (2, 4), (3, 4), (4, 4), (5, 8)]
    assert [ln.strip() for ln in board.source.splitlines() if "v.push" in ln] == [f"v.push({k});" for k in range(1, 6)]
    judged(board)


def test_assigning_to_an_immutable_local_offers_mut_and_the_fix_compiles():
    board = board_at_last_let()
    board.drop("i32", board.key("n"))
    assert board.errors() == ["E0384"]
    fix = G.make_mutable(board.source, "main", "n")
    board.apply(fix)
    judged(board)
    assert "let mut n = 5;" in board.source


def test_a_value_dropped_on_an_element_assigns_it():
    board = GestureBoard(BASE.replace("Vec::new();\n    let n", "vec![1, 2, 3];\n    let n", 1))
    board.go_to_line(LAST_LET)
    edit = board.drop("i32", board.key("v[1]"))
    assert new_line(board, edit) == "v[1] = 1;"
    judged(board)


# -------------------------------------------------------------------------------------------- moving, cloning, bins


def test_a_local_dragged_onto_the_frame_moves_and_the_old_name_is_moved_out():
    board = board_at_last_let(BASE.replace("v.len(), v.capacity()", "0, 0"))
    edit = board.move(board.key("v"), board.frame_key())
    assert new_line(board, edit) == "let v2 = v;"
    judged(board)
    assert board.slot("v").value == ("moved",)


def test_using_a_moved_value_is_e0382():
    board = board_at_last_let()
    board.move(board.key("s"), board.frame_key())
    judged(board, "E0382")


def test_ctrl_drag_clones_into_a_new_buffer():
    board = board_at_last_let()
    board.drop("i32", board.key("v"))
    blocks = len(board.state.blocks)
    edit = board.move(board.key("v"), board.frame_key(), clone=True)
    assert new_line(board, edit) == "let v2 = v.clone();"
    judged(board)
    assert len(board.state.blocks) == blocks + 1


def test_a_value_dragged_onto_another_place_is_assigned_and_the_old_value_dropped():
    source = BASE.replace(
        'let mut s = String::from("hi");', 'let mut s = String::from("hi");\n    let t = String::from("yo");'
    )
    board = GestureBoard(source)
    board.go_to_line(LAST_LET + 1)
    edit = board.move(board.key("t"), board.key("s"))
    assert new_line(board, edit) == "s = t;"
    judged(board)
    kinds = [ev.kind for ev in board.trace.steps[board.step].events]
    assert "heap_freed" in kinds  # "hi"'s buffer, dropped by the assignment


def test_the_bin_drops_a_value_and_frees_its_buffer():
    board = board_at_last_let(BASE.replace(", s)", ", 0)"))
    edit = board.bin(board.key("s"))
    assert new_line(board, edit) == "drop(s);"
    judged(board)
    assert "heap_freed" in [ev.kind for ev in board.trace.steps[board.step].events]


# --------------------------------------------------------------------------------------------------- context actions

BORROWED = """\
fn main() {
    let mut v = vec![1, 2, 3];
    let r = &v;
    println!("{}", r.len());
}
"""

TWO_MUT = """\
fn main() {
    let mut v = vec![1, 2, 3];
    let a = &mut v;
    a.push(4);
}
"""


def test_pushing_to_a_borrowed_vec_is_e0502():
    board = GestureBoard(BORROWED)
    board.go_to_line(3)
    edit = board.drop("i32", board.key("v"))
    assert new_line(board, edit) == "v.push(4);"
    judged(board, "E0502")


def test_two_mutable_borrows_are_e0499():
    board = GestureBoard(TWO_MUT)
    board.go_to_line(3)
    edit = board.action(board.key("v"), "borrow_mut")
    assert new_line(board, edit) == "let r = &mut v;"
    judged(board, "E0499")


VEC3 = BASE.replace("Vec::new();\n    let n", "vec![1, 2, 3];\n    let n", 1)


@pytest.mark.parametrize(
    ("action", "line"),
    [
        ("push", "v.push(4);"),
        ("pop", "v.pop();"),
        ("insert", "v.insert(0, 0);"),
        ("remove", "v.remove(0);"),
        ("clear", "v.clear();"),
        ("reserve", "v.reserve(8);"),
        ("shrink_to_fit", "v.shrink_to_fit();"),
        ("clone", "let v2 = v.clone();"),
        ("borrow", "let r = &v;"),
        ("return", "return;"),
    ],
)
def test_vec_actions_match_rustc(action, line):
    board = GestureBoard(VEC3)
    board.go_to_line(LAST_LET)
    edit = board.action(board.key("v"), action)
    assert new_line(board, edit) == line
    judged(board)


@pytest.mark.parametrize(
    ("place", "action", "line"),
    [
        ("s", "push_str", 's.push_str("hello");'),
        ("s", "pop", "s.pop();"),
        ("s", "clear", "s.clear();"),
        ("s", "reserve", "s.reserve(8);"),
        ("o", "some", "o = Some(0);"),
        ("o", "take", "let taken = o.take();"),
        ("b", "new_box", "b = Box::new(0);"),
    ],
)
def test_string_option_box_actions_match_rustc(place, action, line):
    board = board_at_last_let()
    edit = board.action(board.key(place), action)
    assert new_line(board, edit) == line
    judged(board)


def test_the_menu_offers_what_the_type_can_do():
    board = board_at_last_let()
    vec_actions = [a for a, _ in G.actions_for(board.target(board.key("v")))]
    assert vec_actions[:7] == ["push", "pop", "insert", "remove", "clear", "reserve", "shrink_to_fit"]
    assert "take" in [a for a, _ in G.actions_for(board.target(board.key("o")))]
    string_actions = [a for a, _ in G.actions_for(board.target(board.key("s")))]
    assert string_actions[:4] == ["push_str", "push_char", "pop", "clear"]
    assert "end_scope" not in [a for a, _ in G.actions_for(board.target(board.key("h.items")))]  # a field


def test_ending_a_scope_drops_the_local_there():
    board = GestureBoard(BASE.replace(", s)", ", 0)"))
    board.go_to_line(9)  # just after `let mut s`
    edit = board.action(board.key("s"), "end_scope")
    judged(board)
    text = board.source
    assert '    {\n        let mut s = String::from("hi");\n' in text
    assert board.trace.steps[board.step].label == "end of scope"
    assert "heap_freed" in [ev.kind for ev in board.trace.steps[board.step].events]
    assert edit.line == board.trace.steps[board.step].span[0]


def test_ending_a_scope_that_would_end_other_locals_used_later_is_refused():
    board = board_at_last_let()
    with pytest.raises(G.GestureError, match="would end `b`, `o` too"):
        board.action(board.key("s"), "end_scope")


@pytest.mark.parametrize(("unit", "config"), [("  ", "tab_spaces=2"), ("\t", "hard_tabs=true")])
def test_new_code_follows_the_programs_own_indentation(unit, config):
    """A program indented with two spaces (or tabs) gets new lines, struct fields, opened blocks and ended scopes
    indented its way: rustfmt configured that way leaves the result unchanged."""
    source = 'fn main() {\n    let mut s = String::from("hi");\n    s.push(\'!\');\n    println!("{}", s);\n}\n'
    board = GestureBoard(source.replace("    ", unit))
    board.go_to_line(2)
    board.drop("Vec", board.frame_key())
    board.apply(G.add_struct(board.source, "Holder", [("items", "Vec<i32>"), ("n", "u8")]))
    board.go_to_line(next(i for i, ln in enumerate(board.source.split("\n"), 1) if "s.push" in ln))
    board.action(board.key("v"), "end_scope")
    board.drop("call", board.frame_key())
    text = board.source
    assert f"\n{unit}items: Vec<i32>,\n{unit}n: u8,\n" in text
    assert f"\n{unit}{{\n{unit * 2}let mut v: Vec<i32> = Vec::new();\n{unit * 2}s.push('!');\n{unit}}}\n" in text
    assert all(len(ln) - len(ln.lstrip()) in (0, len(unit), 2 * len(unit)) for ln in text.splitlines()), text
    assert board.result.exit_code == 0, board.result.stderr
    if RUSTFMT:
        clean, formatted = rustfmt_clean(text, config)
        assert clean, f"rustfmt ({config}) would write:\n{formatted}\nnot:\n{text}"
    if RUSTC:
        assert rustc_verdict(text)[0]


@pytest.mark.parametrize(
    "source",
    [
        'fn main() {\n    let s = "first\n  second";\n    println!("{}", s);\n}\n',
        'fn main() {\n    let s = "a\n\tb";\n    println!("{}", s);\n}\n',
        '/*\n  A lesson.\n*/\nfn main() {\n    let n = 1;\n    println!("{}", n);\n}\n',
        '/**\n Docs.\n */\nfn main() {\n    let n = 1;\n    println!("{}", n);\n}\n',
        'fn main() {\n    let n = 1\n      + 2;\n    println!("{}", n);\n}\n',
    ],
)
def test_the_indentation_is_read_from_code_not_from_strings_or_comments(source):
    assert C.indent_unit(source) == "    "
    board = GestureBoard(source)
    board.go_to_line(next(i for i, ln in enumerate(source.split("\n"), 1) if "println" in ln))
    board.apply(G.add_struct(board.source, "Pair", [("a", "u8")]))
    assert "struct Pair {\n    a: u8,\n}\n" in board.source


def test_ending_a_scope_leaves_a_multi_line_strings_text_alone():
    source = 'fn main() {\n    let n = 1;\n    let s = String::from("one\ntwo");\n    println!("{}", s.len());\n'
    board = GestureBoard(source + '    println!("{}", n);\n}\n')
    board.go_to_line(5)
    board.action(board.key("s"), "end_scope")
    assert '        let s = String::from("one\ntwo");\n' in board.source  # `two` not indented: the same 7 bytes
    assert board.trace.stdout == "7\n1\n"
    if RUSTC:  # (not rustfmt: it would break the call over lines whatever the gesture wrote)
        assert rustc_verdict(board.source)[::2] == (True, "7\n1\n")


def test_a_new_struct_goes_above_a_block_doc_comment_not_between_it_and_its_item():
    source = "/** A helper. */\nfn helper() {}\n\nfn main() {\n    helper();\n}\n"
    text = G.add_struct(source, "Pair", [("a", "u8")]).program
    assert text.startswith("struct Pair {\n    a: u8,\n}\n\n/** A helper. */\nfn helper() {}\n"), text


def test_an_empty_body_is_opened_in_the_programs_indentation():
    board = GestureBoard('fn helper() {}\n\nfn main() {\n  let n = 1;\n  helper();\n  println!("{}", n);\n}\n')
    board.step = next(
        k
        for k in range(len(board.trace))
        if any(f.function == "helper" for f in board.trace.state_at(k).frames.values())
    )
    board.drop("i32", board.frame_key("helper"))
    assert board.source.startswith("fn helper() {\n  let n: i32 = 0;\n}\n"), board.source
    assert board.result.exit_code == 0, board.result.stderr


SHADOWED = """\
fn main() {
    let mut x = vec![1];
    x.push(2);
    let x = 5;
    println!("{}", x);
}
"""


def test_a_shadowed_local_cannot_be_named_so_gestures_on_it_say_so():
    """After `let x = 5;` the Vec called `x` still lives (its buffer too) but `x` now means the number: a push,
    a move, a bin or an edit of the old one would silently act on the new one, so each is refused, saying why."""
    board = GestureBoard(SHADOWED)
    board.go_to_line(3)
    old_key = board.key("x")
    assert not board.target(old_key).shadowed  # before the second `let`, `x` is the Vec
    board.go_to_line(5)
    old = board.target(old_key)
    assert old.shadowed and old.ty == "Vec<i32>" and not board.target(board.key("x")).shadowed
    cell = f"cell:{old.view[4]}:0"
    for make in (
        lambda: G.drop_item(board.source, board.items()["i32"], old, board.anchor(old)),
        lambda: G.apply_action(board.source, old, "clear", board.anchor(old)),
        lambda: G.drop_value(board.source, old, board.anchor(old)),
        lambda: G.move_value(board.source, old, board.target(board.frame_key()), board.anchor(old), True),
        lambda: G.set_literal(board.source, board.target(cell), "7", 5),
        lambda: G.rename(board.source, old, "items", 5),
    ):
        with pytest.raises(G.GestureError, match="This `x` is shadowed: a later `let x` took its name"):
            make()
    new = board.target(board.key("x"))
    assert new_line(board, board.apply(G.apply_action(board.source, new, "clone", board.anchor(new)))).endswith(
        "= x.clone();"
    )


# ----------------------------------------------------------------------------------------------- editing in place


def test_double_click_edits_the_literal_that_gave_the_value():
    board = board_at_last_let(
        BASE.replace("let n = 5;", "let n = 5;\n    let p = Holder2 { a: 7 };").replace(
            "struct Holder {", "struct Holder2 {\n    a: u8,\n}\n\nstruct Holder {"
        )
    )
    assert board.result.exit_code == 0, board.result.stderr
    board.go_to_line(LAST_LET + 5)
    board.apply(G.set_literal(board.source, board.target(board.key("n")), "42"))
    board.apply(G.set_literal(board.source, board.target(board.key("p.a")), "9"))
    judged(board)
    assert "let n = 42;" in board.source and "Holder2 { a: 9 }" in board.source
    with pytest.raises(G.GestureError, match="not a whole number"):
        G.set_literal(board.source, board.target(board.key("n")), "hello")
    with pytest.raises(G.GestureError, match="computation"):
        G.set_literal(board.source, board.target(board.key("v")), "1")


def test_vec_macro_elements_are_literals_too():
    board = GestureBoard(VEC3)
    board.go_to_line(LAST_LET)
    board.apply(G.set_literal(board.source, board.target(board.key("v[2]")), "30"))
    assert "vec![1, 2, 30]" in board.source
    judged(board)


def test_renaming_a_local_renames_its_uses():
    board = board_at_last_let()
    board.apply(G.rename(board.source, board.target(board.key("v")), "numbers"))
    assert "numbers.len(), numbers.capacity()" in board.source and "let mut numbers: Vec<i32>" in board.source
    judged(board)
    with pytest.raises(G.GestureError, match="already uses"):
        G.rename(board.source, board.target(board.key("n")), "numbers")
    with pytest.raises(G.GestureError, match="not a Rust name"):
        G.rename(board.source, board.target(board.key("n")), "fn")


def test_renaming_keeps_field_shorthand_and_format_arguments_right():
    source = """\
struct Holder {
    items: Vec<i32>,
}

fn main() {
    let items = vec![1];
    println!("{items:?}");
    let h = Holder { items };
    println!("{}", h.items.len());
    let items = 5;
    println!("{items}");
}
"""
    board = GestureBoard(source)
    board.go_to_line(6)
    target = board.target(board.key("items"))
    board.apply(G.rename(board.source, target, "numbers", board.anchor(target).line))
    assert "let h = Holder { items: numbers };" in board.source  # the field keeps its name
    assert 'println!("{items}");' in board.source  # the shadowing `items` is another variable
    assert "let items = 5;" in board.source
    assert "let numbers = vec![1];" in board.source
    judged(board)


def test_defining_a_struct_puts_it_in_the_palette_with_its_size():
    board = GestureBoard("fn main() {}\n")
    board.apply(G.add_struct(board.source, "Pair", [("a", "u8"), ("b", "u32")]))
    assert board.source == "struct Pair {\n    a: u8,\n    b: u32,\n}\n\nfn main() {}\n"
    judged(board)
    item = board.items()["struct:Pair"]
    assert P.size_and_align(item.type_text, board.trace.layouts) == (8, 4)  # u32 first, then u8, padded
    with pytest.raises(G.GestureError, match="already exists"):
        G.add_struct(board.source, "Pair", [])


# ---------------------------------------------------------------------------------------------- the seed lesson

SEED_TYPED = """\
struct Holder {
    items: Vec<i32>,
}

fn main() {
    let mut holder = Holder { items: Vec::new() };
    holder.items.push(1);
    holder.items.push(2);
    holder.items.push(3);
    holder.items.push(4);
    holder.items.push(5);
}
"""


def test_the_seed_lesson_built_by_gestures_is_the_typed_program():
    board = GestureBoard("fn main() {}\n")
    board.apply(G.add_struct(board.source, "Holder", [("items", "Vec<i32>")]))
    board.drop("struct:Holder", board.frame_key())
    for _ in range(5):
        board.drop("i32", board.key("holder.items"))
    assert board.source == SEED_TYPED
    judged(board)
    typed = GestureBoard(SEED_TYPED)
    assert [s.label for s in typed.trace.steps] == [s.label for s in board.trace.steps]
    view = board.slot("holder").value[2][0][2]  # the items field
    assert (view[3], view[2]) == (5, 8)  # pushed past its capacity of 4: moved to a buffer of 8


# ------------------------------------------------------------------------ where new code goes (review findings)


def drop_on_frame_at(source: str, line: int, item: str = "i32", function: str = "main", nth: int = 0):
    board = GestureBoard(source)
    steps = [s.index for s in board.trace.steps if s.span[0] == line]
    board.step = steps[nth]
    edit = board.drop(item, board.frame_key(function))
    return board, edit


def test_a_one_line_body_with_statements_is_refused_not_wiped():
    source = 'fn main() { println!("hi"); }\n'
    board = GestureBoard(source)
    with pytest.raises(G.GestureError, match="one line"):
        board.drop("i32", board.frame_key())
    assert board.source == source


def test_a_tail_match_of_a_function_returning_a_value_keeps_its_place():
    source = """\
fn pick(o: Option<i32>) -> i32 {
    match o {
        Some(x) => x,
        None => 0,
    }
}

fn main() {
    let p = pick(Some(3));
    println!("{}", p);
}
"""
    board, edit = drop_on_frame_at(source, 2, function="pick")
    assert new_line(board, edit) == "let n: i32 = 0;" and edit.line == 2  # before the tail, the function's value
    judged(board)


def test_a_comment_after_a_tail_is_not_taken_for_the_tail():
    source = (
        "fn f() -> i32 {\n    let a = 1;\n    a\n    // the value of a\n}\n\n"
        'fn main() {\n    let x = f();\n    println!("{}", x);\n}\n'
    )
    board = GestureBoard(source)
    board.step = next(s.index for s in board.trace.steps if s.label == "end of scope")
    edit = board.drop("i32", board.frame_key("f"))
    assert edit.line == 3
    judged(board)


def test_after_a_break_the_new_line_goes_where_it_runs():
    source = """\
fn main() {
    let mut v = vec![1, 2];
    loop {
        v.push(3);
        if v.len() > 3 {
            break;
        }
    }
    println!("{}", v.len());
}
"""
    board = GestureBoard(source)
    board.go_to_line(6)
    edit = board.drop("i32", board.frame_key())
    lines = board.source.splitlines()
    assert lines[edit.line - 2] == "    }" and lines[edit.line - 1] == "    let n: i32 = 0;"  # after the loop
    judged(board)


def test_the_first_line_of_a_loop_body_runs_right_after_its_header():
    source = "fn main() {\n    let mut v: Vec<i32> = Vec::new();\n    for i in 0..3 {\n        v.push(i);\n    }\n}\n"
    board, edit = drop_on_frame_at(source, 3, nth=1)  # the header's step of the first iteration
    assert board.source.splitlines()[3] == "        let n: i32 = 0;" and edit.line == 4
    judged(board)


def test_the_landing_is_in_the_same_iteration():
    source = "fn main() {\n    let mut v: Vec<i32> = Vec::new();\n    for i in 0..3 {\n        v.push(i);\n    }\n}\n"
    board, edit = drop_on_frame_at(source, 4, nth=1)  # after the second push
    pushes = [s for s in board.trace.steps[: board.step] if s.label == "v.push(i);"]
    assert len(pushes) == 2 and board.trace.steps[board.step].span[0] == edit.line


def test_a_closed_inner_binding_is_not_the_one_edited():
    source = """\
fn main() {
    let n = 1;
    {
        let n = 5;
        println!("{}", n);
    }
    println!("{}", n);
}
"""
    board = GestureBoard(source)
    board.go_to_line(7)
    target = board.target(board.key("n"))
    found = G.literal_of(board.source, target, 7)
    assert found is not None and found[2] == "1"


def test_making_one_name_of_a_tuple_pattern_mutable():
    source = 'fn main() {\n    let (a, b) = (1, 2);\n    b = 5;\n    println!("{} {}", a, b);\n}\n'
    edit = G.make_mutable(source, "main", "b", 3)
    assert "let (a, mut b) = (1, 2);" in edit.program
    board = GestureBoard(edit.program)
    judged(board)


def test_ending_a_scope_from_inside_a_loop_closes_after_the_loop():
    source = """\
fn main() {
    let v = vec![1, 2];
    for i in 0..2 {
        println!("{}", i);
    }
    println!("done");
}
"""
    board = GestureBoard(source)
    board.go_to_line(4)
    board.action(board.key("v"), "end_scope")
    assert "    {\n        let v = vec![1, 2];\n        for i in 0..2 {\n" in board.source
    assert '        }\n    }\n    println!("done");' in board.source
    judged(board)


def test_gestures_on_self_use_a_name_not_the_keyword():
    source = """\
#[derive(Clone)]
struct Counter {
    n: i32,
}

impl Counter {
    fn bump(&mut self) {
        self.n += 1;
    }
}

fn main() {
    let mut c = Counter { n: 0 };
    c.bump();
    println!("{}", c.n);
}
"""
    board = GestureBoard(source)
    board.step = next(s.index for s in board.trace.steps if s.label == "self.n += 1;")
    self_key = board.key("self")
    edit = board.action(self_key, "clone")
    assert new_line(board, edit) == "let this = self.clone();"
    judged(board)


def test_a_struct_goes_after_inner_attributes():
    source = "#![allow(unused)]\n\nfn main() {}\n"
    edit = G.add_struct(source, "Pair", [("a", "u8")])
    assert edit.program.startswith("#![allow(unused)]\n\nstruct Pair {")
    judged(GestureBoard(edit.program))


@pytest.mark.parametrize(
    ("key", "ty", "size"), [("array", "[u8; 3]", 3), ("tuple", "(u8, bool)", 2), ("Box", "Box<u8>", 8)]
)
def test_generic_items_keep_the_element_type_chosen(key, ty, size):
    board = board_at_last_let()
    board.element = "u8"
    edit = board.drop(key, board.frame_key())
    name = new_line(board, edit).split(":")[0].removeprefix("let ").removeprefix("mut ")
    slot = board.slot(name)
    assert slot.ty == ty and slot.size == size
    judged(board)


def test_a_value_dropped_on_a_mutable_reference_is_written_through_it():
    source = 'fn main() {\n    let mut n = 5;\n    let r = &mut n;\n    println!("{}", r);\n}\n'
    board = GestureBoard(source)
    board.go_to_line(3)
    edit = board.drop("i32", board.key("r"))
    assert new_line(board, edit) == "*r = 1;"
    judged(board)


@pytest.mark.parametrize(
    ("literal", "view", "same"),
    [("5", "5", True), ("5u8", "5", True), ("1_000", "1000", True), ("1.0", "1.0", True), ("2.5f32", "2.5", True),
     ("'a'", "'a'", True), ("true", "true", True), ("5", "7", False), ("1.0", "1.5", False)],
)  # fmt: skip
def test_a_literal_is_known_to_show_on_the_board_or_not(literal, view, same):
    assert G.literal_shows(literal, ("scalar", view)) is same
