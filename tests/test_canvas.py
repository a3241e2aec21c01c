"""The canvas: stepping, scrubbing and animations, driven deterministically (start, pause, setCurrentTime)."""

import pytest

from whiteboard.canvas.board_view import BoardView
from whiteboard.diagram.build import build_diagram
from whiteboard.diagram.primitives import Arrow
from whiteboard.sim.run import run_source

PUSHES = """
fn main() {
    let mut v: Vec<u32> = Vec::new();
    v.push(10);
    v.push(20);
    v.push(30);
    v.push(40);
    v.push(50);
    let s = String::from("hi");
    let t = s;
    println!("{} {}", v.len(), t);
}
"""


@pytest.fixture
def view(qtbot):
    board = BoardView()
    qtbot.addWidget(board)
    board.resize(1280, 800)
    board.set_trace(run_source(PUSHES, "main.rs", record=True).trace)
    yield board
    board.finish_animation()


def _step_of(trace, kind):
    return next(k for k, step in enumerate(trace.steps) if any(ev.kind == kind for ev in step.events))


def _geometry(item):
    if hasattr(item, "ends"):
        return tuple(round(v, 3) for v in item.ends)
    return (round(item.x(), 3), round(item.y(), 3), round(item.w, 3), round(item.h, 3))


def _prim_geometry(prim):
    if isinstance(prim, Arrow):
        return tuple(round(v, 3) for v in (prim.x1, prim.y1, prim.x2, prim.y2))
    return tuple(round(v, 3) for v in (prim.x, prim.y, prim.w, prim.h))


def assert_scene_shows(view, index):
    """The scene holds exactly the diagram of step `index`: the same keys, each at its geometry, fully opaque."""
    diagram = build_diagram(view.trace, index)
    items = view.board_scene.items_by_key
    assert set(items) == set(diagram.items)
    for key, prim in diagram.items.items():
        assert _geometry(items[key]) == _prim_geometry(prim), key
        assert items[key].opacity() == 1.0, key


def drive(view, fraction):
    """Hold the running animation at `fraction` of its duration."""
    animation = view.transition.animation
    animation.pause()
    animation.setCurrentTime(round(animation.duration() * fraction))


def test_forward_step_animates_and_lands_on_the_next_step(view):
    view.show_step(1)
    assert view.is_animating()
    drive(view, 1.0)
    view.finish_animation()
    assert not view.is_animating()
    assert_scene_shows(view, 1)


def test_every_step_forward_then_back_lands_exactly(view):
    trace = view.trace
    for k in range(1, len(trace)):
        view.show_step(k)
        drive(view, 0.5)  # mid-way must not break anything
        view.finish_animation()
        assert_scene_shows(view, k)
    for k in range(len(trace) - 2, -1, -1):
        view.show_step(k)
        assert view.is_animating()
        view.finish_animation()
        assert_scene_shows(view, k)


def test_scrubbing_jumps_without_animation(view):
    last = len(view.trace) - 1
    view.show_step(last)
    assert not view.is_animating()
    assert_scene_shows(view, last)
    view.show_step(2, animate=False)
    assert not view.is_animating()
    assert_scene_shows(view, 2)


def test_realloc_carries_elements_from_the_old_buffer_to_the_new(view):
    trace = view.trace
    k = _step_of(trace, "heap_reallocated")
    ev = next(ev for ev in trace.steps[k].events if ev.kind == "heap_reallocated")
    assert (ev.old_capacity, ev.new_capacity) == (4, 8)  # rustc's growth for u32 (vec_growth.json)
    before, after = build_diagram(trace, k - 1), build_diagram(trace, k)
    old_cell = before.anchors[f"cell:{ev.old_block_id}:0"]
    new_cell = after.anchors[f"cell:{ev.new_block_id}:0"]
    view.show_step(k - 1, animate=False)
    view.show_step(k)
    plan = view.transition.plan
    carried = [t for t in plan.tracks if t.carry is not None and t.key.startswith(f"cell:{ev.new_block_id}:0")]
    assert carried, "the first element is carried across"
    track = carried[0]
    item = view.board_scene.items_by_key[track.key]
    # At the start of its window the element sits where the old buffer had it; at the end, in the new buffer.
    drive(view, track.t0 + 0.001)
    prim = track.new
    assert abs(item.x() - (prim.x + old_cell[0] - new_cell[0])) < 2.0
    drive(view, (track.t0 + track.t1) / 2)
    assert min(prim.x, prim.x + old_cell[0] - new_cell[0]) - 1 <= item.x()
    assert item.x() <= max(prim.x, prim.x + old_cell[0] - new_cell[0]) + 1
    drive(view, 1.0)
    assert abs(item.x() - prim.x) < 0.01 and abs(item.y() - prim.y) < 0.01
    # The old buffer goes away after the new one appeared: its beat comes later.
    old_block = next(t for t in plan.tracks if t.key == f"block:{ev.old_block_id}")
    new_block = next(t for t in plan.tracks if t.key == f"block:{ev.new_block_id}")
    assert new_block.t1 <= old_block.t0
    view.finish_animation()


def test_pointer_swings_after_the_elements_moved(view):
    trace = view.trace
    k = _step_of(trace, "heap_reallocated")
    view.show_step(k - 1, animate=False)
    view.show_step(k)
    plan = view.transition.plan
    arrows = [t for t in plan.tracks if isinstance(t.new, Arrow) and t.old is not None]
    carries = [t for t in plan.tracks if t.carry is not None]
    assert arrows and carries
    assert min(a.t0 for a in arrows) >= max(c.t1 for c in carries) - 1e-9
    view.finish_animation()


def test_move_leaves_the_source_marked_moved(view):
    trace = view.trace
    k = next(k for k, s in enumerate(trace.steps) if s.label.startswith("let t = s"))
    view.show_step(k - 1, animate=False)
    view.show_step(k)
    view.finish_animation()
    labels = [item.prim.text for item in view.board_scene.items_by_key.values() if hasattr(item.prim, "text")]
    assert "moved" in labels


def test_drops_flash_in_rustc_order(view):
    trace = view.trace
    k = len(trace) - 2  # end of main's scope: t, s (moved, not dropped), v
    events = trace.steps[k].events
    dropped = [ev.name for ev in events if ev.kind == "value_dropped"]
    assert dropped[:2] == ["t", "v"]  # reverse order of declaration; the moved-from `s` is not dropped
    view.show_step(k - 1, animate=False)
    view.show_step(k)
    flashes = sorted((t.f0, t.key) for t in view.transition.plan.tracks if t.flash == "drop")
    slots = {ev.name: ev.root[1] for ev in events if ev.kind == "value_dropped" and ev.root}
    order = [key for _, key in flashes]
    first_t = next(i for i, key in enumerate(order) if f"slot:{slots['t']}" in key)
    first_v = next(i for i, key in enumerate(order) if f"slot:{slots['v']}" in key)
    assert first_t < first_v
    view.finish_animation()


def test_speed_scales_duration_and_instant_does_not_animate(view):
    view.set_speed(1.0)
    view.show_step(1)
    normal = view.transition.animation.duration()
    view.finish_animation()
    view.show_step(0, animate=False)
    view.set_speed(4.0)
    view.show_step(1)
    assert abs(view.transition.animation.duration() - normal / 4) <= 1
    view.finish_animation()
    view.set_speed(None)
    view.show_step(2)
    assert not view.is_animating()
    assert_scene_shows(view, 2)


def test_zoom_and_fit(view):
    z = view.transform().m11()
    view.zoom_in()
    assert view.transform().m11() == pytest.approx(z * 1.2)
    view.zoom_out()
    view.zoom_out()
    assert view.transform().m11() == pytest.approx(z / 1.2)
    view.fit_to_window()
    x, y, w, h = view.board_scene.diagram.bounds
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(x, y) and visible.contains(x + w, y + h)


def test_themes_change_the_background(view):
    from PySide6.QtGui import QColor

    from whiteboard.canvas.themes import THEME_NAMES, get_theme

    seen = set()
    for name in THEME_NAMES:
        view.set_theme(name)
        colour = view.board_scene.backgroundBrush().color()
        assert colour == QColor(get_theme(name).background)
        seen.add(colour.name())
    assert len(seen) == len(THEME_NAMES)


def test_a_new_pointer_grows_from_its_source_to_its_target(view):
    trace = view.trace
    k = _step_of(trace, "heap_allocated")  # the first push: the Vec's pointer appears
    view.show_step(k - 1, animate=False)
    view.show_step(k)
    track = next(t for t in view.transition.plan.tracks if isinstance(t.new, Arrow) and t.old is None)
    item = view.board_scene.items_by_key[track.key]
    seen = []
    for f in (track.t0, (track.t0 + track.t1) / 2, track.t1):
        drive(view, f)
        seen.append(item.progress)
    assert seen[0] == 0.0 and 0.0 < seen[1] < 1.0 and seen[2] == 1.0
    view.finish_animation()
    assert item.progress == 1.0
