"""Memory state → Diagram: the whole board for one step, in plain floats (no Qt).

Everything grows upward from a floor at y = 0 (scene y grows downward, so content has negative y): the stack in the
left column, static data at the bottom of the right column with the heap above it, the legend below the floor. So
what exists keeps its place from step to step and the canvas can animate between two diagrams by key.
"""

from __future__ import annotations

from dataclasses import dataclass

from whiteboard.diagram import formats as F
from whiteboard.diagram.cards import layout_cards, overflow_event
from whiteboard.diagram.heap import layout_heap
from whiteboard.diagram.legend import layout_legend
from whiteboard.diagram.metrics import SIZE_REGION, SIZE_SMALL, line_height, text_width
from whiteboard.diagram.primitives import Arrow, Diagram, Label, Rect
from whiteboard.diagram.refusal import Refusal, outline_concerned
from whiteboard.diagram.routes import assign_lanes, control_points, route
from whiteboard.diagram.sink import Sink
from whiteboard.diagram.stack import layout_stack
from whiteboard.diagram.statics import layout_statics
from whiteboard.diagram.typeinfo import TypeInfo
from whiteboard.sim.memory import HEAP_BASE, MAIN_STACK_BYTES, STACK_TOP

GUTTER = 160.0  # between the columns: the stack → heap arrows run here
REGION_PAD = 12.0  # a region's background reaches this far around its content
REGION_GAP = 24.0  # between the heap and static data regions
LH_REGION = line_height(SIZE_REGION)
LH_SMALL = line_height(SIZE_SMALL)
HEADER_H = LH_REGION + LH_SMALL + 12
MARGIN = 16.0  # around everything, for arrow heads and line widths
LANE_MARGIN = 14.0  # from a region's edge to the first arrow lane beside it


@dataclass(frozen=True)
class DiagramOptions:
    addresses: bool = True  # address · size · offset line under each local, addresses on blocks/statics
    byte_view: bool = False  # each local also drawn as its bytes (padding visible)
    allocator: bool = False  # malloc chunk headers and free-space sizes shown


def build_diagram(
    trace, index: int, options: DiagramOptions = DiagramOptions(), state=None, refusal: Refusal | None = None
) -> Diagram:
    """The diagram of step `index` of `trace` (`state` defaults to `trace.state_at(index)`); `refusal`: an edit
    Rust refused, shown over this memory (see `diagram.refusal`)."""
    if state is None:
        state = trace.state_at(index)
    info = TypeInfo.of(getattr(trace, "layouts", None))
    sink = Sink()

    stack = layout_stack(state, options, info, sink, 0.0)
    stack_top = layout_cards(trace, index, state, sink, stack.x, stack.w, stack.top, refusal)
    rx = stack.x + stack.w + GUTTER
    statics = layout_statics(trace, state, options, info, sink, rx, -4.0)
    heap_floor = statics.top - REGION_GAP - REGION_PAD
    roots = [slot.value for frame in stack.frames for slot in frame.slots.values()]
    roots += [s.value for s in state.statics.values()]
    heap = layout_heap(state, options, info, sink, rx, heap_floor, roots)
    if refusal is not None:
        outline_concerned(refusal, sink)  # drawn over the locals and blocks it names
    right_w = max(heap.w, statics.w)
    header_y = min(stack_top, heap.top) - REGION_PAD - HEADER_H

    regions = Sink()
    _region(regions, "stack", stack.x, header_y, stack.w, 0.0 - REGION_PAD)
    _region(regions, "heap", rx, header_y, right_w, heap_floor)
    _region(regions, "static", rx, statics.top, right_w, -REGION_PAD)
    used = f"{F.nbytes(_stack_used(trace, index, state))} of {F.nbytes(MAIN_STACK_BYTES)}"
    _header(regions, "stack", "STACK", f"{F.addr(STACK_TOP)} ↓ · {used}", stack.x, header_y, stack.w)
    heap_info = f"{F.addr(HEAP_BASE)} ↑ · {F.nbytes(state.heap_bytes)} in use"
    _header(regions, "heap", "HEAP", heap_info, rx, header_y, right_w)
    _header(regions, "static", "STATIC DATA", "read-only, in the binary", rx, statics.top + 4, right_w)

    routes = route(sink.sources, stack, heap, statics)
    gutter = (stack.x + stack.w + REGION_PAD + LANE_MARGIN, rx - REGION_PAD - LANE_MARGIN)
    arrows = assign_lanes(routes, gutter, stack.x - REGION_PAD - LANE_MARGIN, rx + right_w + REGION_PAD + LANE_MARGIN)
    arrows += layout_legend(sink, stack.x)

    items: dict = {}
    for prim in (*regions.items, *sink.items, *arrows):
        items[prim.key] = prim
    if len(items) != len(regions.items) + len(sink.items) + len(arrows):
        _raise_duplicate((*regions.items, *sink.items, *arrows))
    # Every rect and label lies inside a region's background or the legend, so those and the arrows bound it all.
    outer = [p for p in regions.items if isinstance(p, Rect)] + [items["legend"]]
    cards = [items[k] for k in ("banner", "limit") if k in items]
    return Diagram(items, _bounds([*outer, *cards, *arrows]), sink.anchors)


def _stack_used(trace, index, state) -> int:
    """The frames' bytes; once overflowed, what the overflow counted (the runtime's frames below main included)."""
    if state.overflowed:
        ev = overflow_event(trace, index)
        if ev is not None:
            return ev.used_bytes
    if not state.frames:
        return 0
    # Frames are contiguous, so their bytes are an address difference: no walk over a deep recursion's frames.
    oldest = next(iter(state.frames.values()))
    low = min([next(reversed(state.frames.values())).addr] + [c.lowest_addr for c in state.collapsed])
    return oldest.addr + oldest.size - low


def _region(sink: Sink, name: str, x: float, top: float, w: float, bottom: float) -> None:
    key = f"region:{name}"
    sink.rect(
        key,
        x - REGION_PAD,
        top - REGION_PAD,
        w + 2 * REGION_PAD,
        bottom - top + 2 * REGION_PAD,
        f"region.{name}",
        (key,),
        10.0,
    )


def _header(sink: Sink, name: str, title: str, detail: str, x: float, y: float, w: float) -> None:
    key = f"region:{name}"
    sink.label(
        key + ":title",
        x,
        y,
        text_width(title, SIZE_REGION),
        LH_REGION,
        title,
        "text.region",
        SIZE_REGION,
        "left",
        True,
        (key,),
    )
    sink.label(key + ":info", x, y + LH_REGION, w, LH_SMALL, detail, "text.dim", SIZE_SMALL, "left", False, (key,))


def _bounds(prims) -> tuple:
    x0 = y0 = float("inf")
    x1 = y1 = float("-inf")
    for p in prims:
        if isinstance(p, Arrow):
            if p.lane is not None:
                pts = ((p.x1, p.y1), (p.x2, p.y2), (p.lane, p.y1))
            else:
                pts = control_points(p.x1, p.y1, p.x2, p.y2, p.start_side, p.end_side, p.bend)
            x0, x1 = min(x0, *(q[0] for q in pts)), max(x1, *(q[0] for q in pts))
            y0, y1 = min(y0, *(q[1] for q in pts)), max(y1, *(q[1] for q in pts))
        else:
            x0, y0 = min(x0, p.x), min(y0, p.y)
            x1, y1 = max(x1, p.x + p.w), max(y1, p.y + p.h)
    if x0 == float("inf"):
        return (0.0, 0.0, 0.0, 0.0)
    return (x0 - MARGIN, y0 - MARGIN, x1 - x0 + 2 * MARGIN, y1 - y0 + 2 * MARGIN)


def _raise_duplicate(prims) -> None:
    seen = set()
    for p in prims:
        if p.key in seen:
            raise ValueError(f"duplicate diagram key {p.key!r}")
        seen.add(p.key)


__all__ = ["DiagramOptions", "build_diagram", "Diagram", "Rect", "Label", "Arrow"]
