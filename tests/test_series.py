"""The timeline's memory series, computed in one pass, agrees with the trace's memory state at every step."""

import pytest

from whiteboard.diagram.series import block_used_bytes, memory_series
from whiteboard.sim.run import run_source

VECS = """
fn main() {
    let mut v: Vec<u64> = Vec::new();
    for i in 0..9 {
        v.push(i);
    }
    v.insert(0, 7);
    v.remove(3);
    v.pop();
    v.truncate(4);
    let w = v.clone();
    v.clear();
    v.shrink_to_fit();
    let mut s = String::new();
    s.push_str("héllo");
    s.push('!');
    let t = s.clone() + " world";
    drop(w);
    println!("{} {} {}", v.len(), s, t);
}
"""

BOXES = """
use std::rc::Rc;
struct Node { value: u64, next: Option<Box<Node>> }
fn main() {
    let b = Box::new(5u32);
    let r = Rc::new(String::from("shared"));
    let r2 = Rc::clone(&r);
    let list = Node { value: 1, next: Some(Box::new(Node { value: 2, next: None })) };
    let names: Vec<String> = vec![String::from("a"), String::from("bc")];
    let empty: Vec<()> = vec![(), ()];
    println!("{} {} {} {} {}", b, r2, list.value, names.len(), empty.len());
}
"""

RECURSION = """
fn depth(n: u64) -> u64 {
    let pad = [n; 4];
    if n == 0 { 0 } else { pad[0] + depth(n - 1) }
}
fn main() {
    println!("{}", depth(20));
}
"""

OVERFLOW = "fn foo() {\n    foo();\n}\n\nfn main() {\n    foo();\n}\n"

PANIC = 'fn main() {\n    let v: Vec<u8> = vec![1, 2];\n    let s = String::from("x");\n    v[5];\n}\n'

COMPILE_ERROR = 'fn main() {\n    let s = String::from("x");\n    let t = s;\n    println!("{}", s);\n}\n'


def expected(trace, k):
    state = trace.state_at(k)
    live = [b for b in state.blocks.values() if not b.freed]
    return (
        state.stack_bytes,
        sum(block_used_bytes(b) for b in live),
        sum(b.size for b in live),
        len(live),
    )


@pytest.mark.parametrize("source", [VECS, BOXES, RECURSION, OVERFLOW, PANIC, COMPILE_ERROR])
def test_every_step_matches_the_trace_state(source):
    trace = run_source(source, "main.rs", record=True).trace
    series = memory_series(trace)
    assert len(series) == len(trace.steps)
    for k in range(len(trace.steps)):
        got = (series.stack_bytes[k], series.heap_used_bytes[k], series.heap_reserved_bytes[k], series.live_blocks[k])
        assert got == expected(trace, k), f"step {k}: {trace.steps[k].label}"


def test_the_lesson_values_are_what_a_teacher_would_say():
    trace = run_source(open_scene(), "hello_heap.rs", record=True).trace
    series = memory_series(trace)
    labels = [s.label for s in trace.steps]
    k = labels.index("let mut owned = String::from(greeting);")
    assert (series.heap_used_bytes[k], series.heap_reserved_bytes[k], series.live_blocks[k]) == (12, 12, 1)
    first_push = labels.index("room.seats.push(seat);")
    # "Hello World! again" is 18 of 24 bytes; one u32 of a 4-element buffer
    assert (series.heap_used_bytes[first_push], series.heap_reserved_bytes[first_push]) == (18 + 4, 24 + 16)
    assert series.live_blocks[-1] == 0 and series.stack_bytes[-1] == 0


def open_scene():
    from pathlib import Path

    return (Path(__file__).resolve().parent.parent / "tests" / "scenes" / "hello_heap.rs").read_text()


def test_a_100_000_step_trace_takes_well_under_a_second():
    source = """
fn main() {
    let mut v: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < 40000 {
        v.push(i);
        i += 1;
    }
}
"""
    trace = run_source(source, "long.rs", record=True).trace
    assert len(trace.steps) >= 100_000
    series = memory_series(trace)  # (its time is measured by benchmarks/bench_canvas.py, not asserted here)
    assert series.heap_used_bytes[-3] == 40000 * 4
