"""Arrows: where each pointer ends, which sides it leaves and enters, and its lane.

Sides follow the columns: stack → heap/static leave the pointer cell's right edge and enter the target's left edge;
stack → stack leave and enter on the left (a loop in the margin left of the stack, where no text is); heap → heap
leave a cell's right edge and enter the target block's right edge (a loop right of the heap).

Each arrow runs along a lane (`Arrow.lane`, the x of its vertical run) in its corridor: the gutter between the
columns, the margin left of the stack, the margin right of the heap. Arrows whose runs overlap get distinct lanes,
ordered to cross least: nested loops keep the shorter loop inside; through the gutter, an arrow going up whose ends
are lower takes a lane further right, one going down a lane further left, so each arrow's horizontal legs miss the
others' runs. `Arrow.bend` (lane number × LANE) is the same order for a renderer drawing free curves.
"""

from __future__ import annotations

from dataclasses import dataclass

from whiteboard.diagram.primitives import Arrow
from whiteboard.diagram.stack import innermost

LANE = 14.0  # between two lanes
UNDER = 4.0  # an arrow into the middle of a row runs this far under it
VERTICAL_REACH = 24.0  # how far below (above) its target a bottom (top) entry's curve turns up (down)
STUB = 48.0  # a dangling pointer to memory that is not drawn any more
QUADRATIC_LIMIT = 300  # above this many arrows in one corridor, lanes are packed without ordering


@dataclass(slots=True)
class _Route:
    key: str
    x1: float
    y1: float
    x2: float
    y2: float
    kind: str
    start: str
    end: str
    groups: tuple
    target: str
    corridor: str  # "left" | "gutter" | "right" | "" (a stub: no lane)
    lane: int = 0


def _kind(view) -> tuple[int, int | None, str]:
    """(address, block id, arrow kind) of a pointer ViewValue."""
    tag = view[0]
    if tag == "vec":
        return view[1], view[4], "own"
    if tag == "ptr":
        _, address, pkind, block = view
        return address, block, {"&": "shared", "&mut": "mut"}.get(pkind, "own")
    _, address, _length, pkind, block = view
    return address, block, "mut" if pkind.startswith("&mut") else "shared"


def _endpoint(rect, side):
    x, y, w, h = rect
    if side == "left":
        return x, y + h / 2
    if side == "right":
        return x + w, y + h / 2
    if side == "bottom":
        return x + w / 2, y + h
    return x + w / 2, y


def _into_grid(block_rect, grid, index, side):
    """Where an arrow into element `index` of a block ends. Element 0 is the block itself: its edge, level with the
    first row. A later element is pointed at from just under its row, the tip on the boundary where the element
    starts (an address is where bytes start), so the arrow runs through no cell's text."""
    if grid is None or grid.n == 0 or index <= 0 or index >= grid.n:
        if grid is not None and grid.n:
            _, y, _, h = grid.cell(0)
            bx, _, bw, _ = block_rect
            return (bx if side == "left" else bx + bw), y + h / 2, side
        return (*_endpoint(block_rect, side), side)
    x, y, w, h = grid.cell(index)
    if side == "left" and index % grid.per_row == 0:
        return x, y + h / 2, "left"
    return x, y + h + UNDER, side


def route(sources, stack, heap, statics) -> list[_Route]:
    """Where each drawn pointer ends and which corridor it runs in (lanes come after, from all routes at once)."""
    routes = []
    for src in sources:
        address, block_id, kind = _kind(src.view)
        from_heap = src.region != "stack"
        if block_id is not None:
            target, kind = _heap_target(heap, block_id, address, from_heap, kind)
        else:
            target = _static_target(statics, address, from_heap)
            if target is not None:
                if src.view[0] == "fat" and src.view[3] == "&str":
                    kind = "static"
            else:
                target = _stack_target(stack, address, from_heap)
        start = "left" if target is not None and target[3].startswith(("slot:", "collapsed:hidden")) else "right"
        x1, y1 = _endpoint((src.x, src.y, src.w, src.h), start)
        if target is None:  # pointing at memory no longer drawn: a short stub ending in a cross
            routes.append(
                _Route("arrow:" + src.key, x1, y1, x1 + STUB, y1, "dangling", start, "left", src.groups, "", "")
            )
            continue
        x2, y2, end_side, group, corridor = target
        routes.append(_Route("arrow:" + src.key, x1, y1, x2, y2, kind, start, end_side, src.groups, group, corridor))
    return routes


def _heap_target(heap, block_id, address, from_heap, kind):
    """(target, kind): a live block or one of its elements (or fields), a block freed this step (dangling), a
    block folded away, or free memory where a freed block was (dangling)."""
    side = "right" if from_heap else "left"  # heap → heap loops right of the heap; stack → heap enter on the left
    corridor = "right" if from_heap else "gutter"
    found = heap.blocks.get(block_id)
    if found is not None:
        rect, grid, elem_size, freed, base = found
        index, rel = divmod(address - base, elem_size)
        x2, y2, end_side = _into_grid(rect, grid, index, side)
        part = innermost(heap.places.get((block_id, index), ()), rel) if rel else None
        if part is not None:  # a field of an element: level with the field, at the element's edge
            cx, _, cw, _ = grid.cell(index)
            x2, y2, end_side = (cx if side == "left" else cx + cw), part[1] + min(part[3], 36.0) / 2, side
        group = f"cell:{block_id}:{index}" if grid is not None and 0 < index < grid.n else f"block:{block_id}"
        if freed:
            return (x2, y2, end_side, "", corridor), "dangling"
        return (x2, y2, end_side, group, corridor), kind
    if block_id in heap.folded:
        rect, group = heap.folded[block_id]
        return (*_endpoint(rect, side), side, group, corridor), kind
    for lo, hi, rect in heap.free:
        if lo <= address < hi:
            return (*_endpoint(rect, side), side, "", corridor), "dangling"
    return None, "dangling"


def _static_target(statics, address, from_heap):
    hit = statics.find(address)
    if hit is None:
        return None
    rect, group, grid, index = hit
    side = "right" if from_heap else "left"
    return (*_into_grid(rect, grid, index, side), group, "right" if from_heap else "gutter")


def _stack_target(stack, address, from_heap):
    """A local's value, level with the part pointed at; entered at the value's edge so no field name is crossed."""
    hit = stack.find(address)
    if hit is None:
        return None
    (x, _, w, _), part, group = hit
    y2 = part[1] + min(part[3], 36.0) / 2
    if from_heap:  # rare (a Vec<&i32> of locals): back across the gutter, into the value's right edge
        return (x + w, y2, "right", group, "gutter")
    return (x, y2, "left", group, "left")


def assign_lanes(routes, gutter: tuple[float, float], left: float, right: float) -> list[Arrow]:
    """Lanes per corridor, then the Arrow primitives. `gutter` is the x range between the columns, `left` the x
    where the margin left of the stack starts, `right` where the margin right of the heap starts."""
    by_corridor: dict = {"left": [], "gutter": [], "right": []}
    for r in routes:
        if r.corridor:
            by_corridor[r.corridor].append(r)
    for name, group in by_corridor.items():
        if name == "gutter":
            ups = sorted((r for r in group if r.y2 <= r.y1), key=lambda r: r.y1 + r.y2)
            downs = sorted((r for r in group if r.y2 > r.y1), key=lambda r: -(r.y1 + r.y2))
            _stack_lanes(ups + downs)
        else:
            _stack_lanes(sorted(group, key=lambda r: abs(r.y2 - r.y1)))
    lanes = max((r.lane for r in by_corridor["gutter"]), default=0) + 1
    lo, hi = gutter
    step = min(LANE, (hi - lo) / max(lanes - 1, 1))
    first = lo + ((hi - lo) - (lanes - 1) * step) / 2  # the lanes in use, centred in the gutter
    arrows = []
    for r in routes:
        if r.corridor == "gutter":
            x = first + r.lane * step
        elif r.corridor == "left":
            x = left - r.lane * LANE
        elif r.corridor == "right":
            x = right + r.lane * LANE
        else:
            x = None
        arrows.append(
            Arrow(r.key, r.x1, r.y1, r.x2, r.y2, r.kind, r.start, r.end, r.groups, r.target, r.lane * LANE, x)
        )
    return arrows


def control_points(x1, y1, x2, y2, start_side, end_side, bend) -> tuple:
    """The cubic curve an arrow is drawn as: it leaves and enters horizontally on the named sides, reaching out far
    enough to clear the boxes it joins, plus `bend`. An arrow entering a cell from below (or above) comes up short
    and steep, so it does not sweep under the boxes stacked beneath its target."""
    reach = max(36.0, min(abs(x2 - x1) / 2, 220.0)) + bend
    c1 = (x1 + reach, y1) if start_side == "right" else (x1 - reach, y1)
    if end_side == "left":
        c2 = (x2 - reach, y2)
    elif end_side == "right":
        c2 = (x2 + reach, y2)
    elif end_side == "top":
        c2 = (x2, y2 - VERTICAL_REACH - bend / 2)
    else:
        c2 = (x2, y2 + VERTICAL_REACH + bend / 2)
    return (x1, y1), c1, c2, (x2, y2)


def _stack_lanes(ordered: list[_Route]) -> None:
    """Each route takes the lane after every earlier route it overlaps (so the processing order is the lane order)."""
    if len(ordered) > QUADRATIC_LIMIT:
        ends: list[float] = []  # per lane: the lowest point taken so far (interval partitioning)
        for r in sorted(ordered, key=lambda r: min(r.y1, r.y2)):
            lo, hi = min(r.y1, r.y2), max(r.y1, r.y2)
            for lane, end in enumerate(ends):
                if end < lo - 4:
                    r.lane, ends[lane] = lane, hi
                    break
            else:
                r.lane = len(ends)
                ends.append(hi)
        return
    placed: list[tuple[float, float, int]] = []
    for r in ordered:
        lo, hi = min(r.y1, r.y2) - 4, max(r.y1, r.y2) + 4
        lane = 0
        for plo, phi, plane in placed:
            if plo < hi and lo < phi and plane >= lane:
                lane = plane + 1
        r.lane = lane
        placed.append((lo, hi, lane))
