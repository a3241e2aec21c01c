"""The trace: steps carry spans and events; the memory state at any step is right and reachable at random."""

import json

from whiteboard.cli import main
from whiteboard.sim.memory import MAIN_STACK_BYTES, STACK_TOP
from whiteboard.sim.run import run_source
from whiteboard.sim.trace import Trace

GROWTH = """\
struct Classroom {
    seats: Vec<u32>,
    tag: u8,
}

fn main() {
    let mut room = Classroom { seats: Vec::new(), tag: 7 };
    for seat in 0..5 {
        room.seats.push(seat);
    }
    let name = String::from("hi");
    println!("{} {} {}", room.seats.len(), room.tag, name);
}
"""


def events_of(trace, kind):
    return [ev for step in trace.steps for ev in step.events if ev.kind == kind]


def test_vec_growth_is_recorded_as_rustc_grows_it():
    trace = run_source(GROWTH, "growth.rs", record=True).trace
    allocated = events_of(trace, "heap_allocated")
    grown = events_of(trace, "heap_reallocated")
    # The first push allocates 4 u32s (16 bytes); the fifth moves them to a block of 8 (vec_growth.json).
    assert (allocated[0].capacity, allocated[0].size) == (4, 16)
    assert [(g.old_capacity, g.new_capacity) for g in grown] == [(4, 8)]
    assert grown[0].new_addr != grown[0].old_addr
    assert [e for e in grown[0].elems] == [("scalar", str(i)) for i in range(4)]
    # The String copies its literal to the heap: 2 bytes, exactly.
    assert any(a.what == "String buffer" and a.size == 2 for a in allocated)


def test_state_shows_slots_at_their_offsets_and_heap_contents():
    trace = run_source(GROWTH, "growth.rs", record=True).trace
    last_push = max(i for i, s in enumerate(trace.steps) if "push" in s.label)
    state = trace.state_at(last_push)
    frame = next(iter(state.frames.values()))
    room = next(s for s in frame.slots.values() if s.name == "room")
    assert (room.size, room.align, room.ty) == (32, 8, "Classroom")  # Vec 24 + u8, padded to 32
    kind, name, fields = room.value
    assert (kind, name) == ("struct", "Classroom")
    assert {f[0]: f[1] for f in fields} == {"seats": 0, "tag": 24}  # rustc keeps the Vec first
    seats = dict((f[0], f[2]) for f in fields)["seats"]
    assert seats[0] == "vec" and seats[2:4] == (8, 5)
    block = state.blocks[seats[4]]
    assert block.capacity == 8 and block.elems == [("scalar", str(i)) for i in range(5)]
    assert STACK_TOP - MAIN_STACK_BYTES < frame.addr < STACK_TOP


def test_any_step_is_reachable_in_any_order_and_agrees_with_a_straight_replay():
    source = (
        "fn main() {\n    let mut v: Vec<u64> = Vec::new();\n    for i in 0..3000 {\n        v.push(i);\n    }\n}\n"
    )
    trace = run_source(source, "big.rs", record=True).trace
    assert len(trace) > 3000 and len(trace._checkpoints) > 3  # checkpoints were taken while recording
    jumps = [len(trace) - 1, 5, 2999, 1024, 700]
    scattered = {k: trace.state_at(k) for k in jumps}
    # The same steps replayed from the very first event, with no checkpoint at all.
    straight = Trace(trace.steps, source=source, path="big.rs", exit_code=0, stdout="", stderr="")
    for k in sorted(jumps):
        a, b = scattered[k], straight.state_at(k)
        assert [list(f.slots.values()) for f in a.frames.values()] == [
            list(f.slots.values()) for f in b.frames.values()
        ]
        assert {i: (x.addr, x.capacity, x.elems) for i, x in a.blocks.items()} == {
            i: (x.addr, x.capacity, x.elems) for i, x in b.blocks.items()
        }
    # And the state is right, not only consistent: after the last push the buffer holds 0..3000.
    last_push = max(i for i, s in enumerate(trace.steps) if "push" in s.label)
    (block,) = [b for b in trace.state_at(last_push).blocks.values() if not b.freed]
    assert block.elems == [("scalar", str(i)) for i in range(3000)] and block.capacity == 4096


def test_drops_are_events_in_rustc_order():
    source = (
        'struct D(&\'static str);\nimpl Drop for D {\n    fn drop(&mut self) {\n        println!("{}", self.0);\n'
        '    }\n}\nfn main() {\n    let a = D("a");\n    let b = D("b");\n}\n'
    )
    result = run_source(source, "d.rs", record=True)
    assert result.stdout == "b\na\n"
    dropped = [ev.name for ev in events_of(result.trace, "value_dropped")]
    assert dropped == ["b", "a"]


def test_stack_overflow_is_recorded_and_collapsed():
    result = run_source("fn foo() {\n    foo();\n}\nfn main() {\n    foo();\n}\n", "o.rs", record=True)
    assert result.exit_code == 134
    collapsed = events_of(result.trace, "frames_collapsed")
    overflow = events_of(result.trace, "stack_overflowed")
    assert collapsed and overflow
    # 16-byte frames (return address + saved frame pointer) fill the 8 MiB stack: about half a million calls.
    assert overflow[0].limit_bytes == MAIN_STACK_BYTES
    assert 500_000 < collapsed[0].count + overflow[0].depth < MAIN_STACK_BYTES // 16


def test_trace_json_is_documented_shape(tmp_path, capsys):
    path = tmp_path / "g.rs"
    path.write_text(GROWTH)
    assert main(["trace", str(path), "--json", "--states"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "rust-memory-whiteboard/trace" and data["version"] == 1
    assert data["stdout"] == "5 7 hi\n"
    kinds = {ev["kind"] for step in data["steps"] for ev in step["events"]}
    assert {
        "frame_pushed",
        "value_bound",
        "heap_allocated",
        "heap_reallocated",
        "value_dropped",
        "heap_freed",
        "output",
        "frame_popped",
    } <= kinds
    assert all(len(step["span"]) == 4 and "state" in step for step in data["steps"])


def test_a_terabyte_vec_is_a_record_not_memory():
    source = 'fn main() {\n    let v: Vec<u8> = Vec::with_capacity(1 << 40);\n    println!("{}", v.capacity());\n}\n'
    result = run_source(source, "big.rs", record=True)
    assert result.stdout == "1099511627776\n"
    (block,) = events_of(result.trace, "heap_allocated")
    assert block.size == 1 << 40 and block.addr > 0x7000_0000_0000  # served by mmap, high in the address space
    assert events_of(result.trace, "heap_freed")[0].block_id == block.block_id


def test_capacity_overflow_panics_like_std():
    source = 'fn main() {\n    let v: Vec<u64> = Vec::with_capacity(usize::MAX);\n    println!("{}", v.len());\n}\n'
    result = run_source(source, "cap.rs")
    assert result.exit_code == 101 and "capacity overflow" in result.stderr


def test_clone_is_an_event_and_copies_the_heap_data():
    source = 'fn main() {\n    let a = String::from("abc");\n    let b = a.clone();\n    println!("{a}{b}");\n}\n'
    trace = run_source(source, "c.rs", record=True).trace
    (cloned,) = events_of(trace, "value_cloned")
    assert cloned.ty == "String"
    buffers = [ev for ev in events_of(trace, "heap_allocated") if ev.what == "String buffer"]
    assert len(buffers) == 2 and buffers[0].addr != buffers[1].addr and buffers[1].capacity == 3


def test_checkpointed_states_of_a_deep_recursion_agree_with_a_straight_replay():
    source = (
        'fn down(n: u64) -> u64 {\n    let s = String::from("x");\n    if n == 1500 {\n        return 0;\n    }\n'
        '    down(n + 1) + s.len() as u64\n}\n\nfn main() {\n    println!("{}", down(0));\n}\n'
    )
    result = run_source(source, "deep.rs", record=True)
    assert result.stdout == "1500\n"
    trace = result.trace
    straight = Trace(trace.steps, source=source, path="deep.rs", exit_code=0, stdout="", stderr="")
    for k in (len(trace) - 1, len(trace) // 2, len(trace) // 3, 4000, 7):
        a, b = trace.state_at(k), straight.state_at(k)
        assert {f: [(s.name, s.addr, s.value) for s in fr.slots.values()] for f, fr in a.frames.items()} == {
            f: [(s.name, s.addr, s.value) for s in fr.slots.values()] for f, fr in b.frames.items()
        }
        assert {i: (x.addr, x.freed, x.elems) for i, x in a.blocks.items()} == {
            i: (x.addr, x.freed, x.elems) for i, x in b.blocks.items()
        }
