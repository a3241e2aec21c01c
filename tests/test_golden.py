"""Golden images: renderings of known boards compared with accepted baselines, with a tolerance (tests/golden.py
says how to accept new ones). They catch what geometry tests cannot: a wrong colour, a missing hatch, a shifted
font, an arrow head drawn backwards."""

from pathlib import Path

import pytest
from golden import assert_image_matches

from whiteboard.canvas.render import render_image
from whiteboard.diagram.build import DiagramOptions, build_diagram
from whiteboard.sim.run import run_source

ROOT = Path(__file__).resolve().parent.parent

DEMO = """\
struct Point { x: i32, y: u8 }
fn main() {
    let p = Point { x: 1, y: 2 };
    let mut v: Vec<u32> = Vec::new();
    v.push(1); v.push(2); v.push(3); v.push(4); v.push(5);
    let b = Box::new(7u64);
    let r = &v;
    let s = String::from("hi");
    let o: Option<Box<u64>> = None;
    println!("{}", r.len() + p.x as usize + *b as usize + s.len() + o.is_none() as usize);
}
"""

CASES = {
    # name: (source, step (negative counts from the end), theme, options)
    "hello_heap_light": ((ROOT / "tests" / "scenes" / "hello_heap.rs").read_text(), 12, "light", {}),
    "demo_realloc_dark": (DEMO, 7, "dark", {}),
    "demo_bytes_allocator": (DEMO, 12, "light", {"byte_view": True, "allocator": True}),
    "overflow_projector": ((ROOT / "tests/programs/overflow/infinite_recursion.rs").read_text(), -1, "projector", {}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_rendering_matches_baseline(name):
    source, step, theme, options = CASES[name]
    trace = run_source(source, "main.rs", record=True).trace
    index = step if step >= 0 else len(trace) + step
    image = render_image(build_diagram(trace, index, DiagramOptions(**options)), theme)
    assert_image_matches(image, name)
