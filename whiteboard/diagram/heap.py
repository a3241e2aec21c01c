"""The heap column: blocks stacked upward in address order (lowest address lowest), so a new block, usually at a
higher address, appears on top and nothing below it moves. Gaps between live chunks are free memory the allocator
can reuse and stay visible as hatched free boxes until a new block fills them. A block freed in this step is still
drawn in place, greyed, so the eye sees it go.

At most MAX_CELLS elements are drawn per block; the rest are counted in a label, so a 1 TiB `with_capacity` is
16 primitives, not a trillion.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from whiteboard.diagram import formats as F
from whiteboard.diagram import values as V
from whiteboard.diagram.cells import INDEX_H, Grid, more_label, text_cells, text_grid
from whiteboard.diagram.free_space import FREE_W, draw_free, free_gaps
from whiteboard.diagram.heap_fold import draw_fold, plan_blocks
from whiteboard.diagram.metrics import SIZE_SMALL, SIZE_TITLE, line_height, text_width
from whiteboard.diagram.sink import Sink
from whiteboard.sim.memory import CHUNK_HEADER

MIN_W = 560.0
QUANTUM = 40.0
BLOCK_GAP = 16.0
PAD = 10.0
MAX_CELLS = 16
MAX_TEXT_BYTES = 32
CELLS_PER_ROW = 8
MAX_ROW_W = 760.0  # wider elements get fewer cells per row
CELL_MIN_W = 44.0
CHUNK_H = 22.0
COUNTS_H = 24.0
TITLE_LH = line_height(SIZE_TITLE)
SMALL_LH = line_height(SIZE_SMALL)


@dataclass(slots=True)
class HeapResult:
    x: float
    w: float
    top: float
    blocks: dict = field(default_factory=dict)  # block id -> (rect, grid or None, element size, freed, address)
    free: list = field(default_factory=list)  # (start, end, rect)
    places: dict = field(default_factory=dict)  # (block id, index) -> parts of a composite element (see Sink.places)
    folded: dict = field(default_factory=dict)  # block id -> (rect, key) of the box a block not drawn is counted in


@dataclass(slots=True)
class _Plan:
    block: object
    text: str | None  # a String buffer's contents
    nodes: list  # measured elements (None for spare cells)
    cw: float
    ch: float
    gap: float
    per_row: int
    n: int
    indices: bool
    w: float
    h: float


def _is_text(block) -> bool:
    return bool(block.elems) and isinstance(block.elems[0], tuple) and block.elems[0][:1] == ("text",)


def _title(block, options) -> tuple[str, str]:
    what = block.what + (" (freed)" if block.freed else "")
    parts = [f"cap {F.count(block.capacity)}"] if block.what.endswith("buffer") else []
    parts.append(F.nbytes(block.size))
    if options.addresses:
        parts.append(F.addr(block.addr))
    return what, " · ".join(parts)


def _plan(block, options, info) -> _Plan:
    title, detail = _title(block, options)
    head_w = max(text_width(title, SIZE_TITLE), text_width(detail, SIZE_SMALL))
    indices = block.what.endswith("buffer")
    if _is_text(block) or (block.what == "String buffer" and not block.elems):
        text = block.elems[0][1] if block.elems else ""
        n = min(block.capacity, MAX_TEXT_BYTES)
        grid = text_grid(block.capacity, MAX_TEXT_BYTES, True, 0, 0, "")
        plan = _Plan(block, text, [], grid.cw, grid.ch, 0.0, grid.per_row, n, True, 0, 0)
        cells_w, rows_h = grid.width, grid.rows * grid.row_step - 4
    else:
        n = min(block.capacity, MAX_CELLS)
        elem_ty = info.parse(block.elem_ty)
        nodes = []
        for i in range(n):
            v = block.elems[i] if i < len(block.elems) else None
            nodes.append(None if v is None or v[:1] == ("uninit",) else V.measure(v, elem_ty, info))
        live = [k for k in nodes if k is not None]
        cw = max([CELL_MIN_W] + [k.w for k in live])
        ch = max([V.CELL_H] + [k.h for k in live])
        gap = 0.0 if all(k.text is not None for k in live) else 8.0
        per_row = (
            1 if any(k.has_ptr for k in live) else max(1, min(CELLS_PER_ROW, int((MAX_ROW_W + gap) // (cw + gap))))
        )
        plan = _Plan(block, None, nodes, cw, ch, gap, per_row, n, indices, 0, 0)
        cols = min(n, per_row) or 1
        rows = max(math.ceil(n / per_row), 1)
        cells_w = cols * cw + (cols - 1) * gap
        rows_h = rows * (ch + (INDEX_H if indices else 0.0)) + (rows - 1) * 4
    hidden = block.capacity - plan.n
    more_w = text_width(more_label(hidden, max(len(block.elems) - plan.n, 0)), SIZE_SMALL) if hidden > 0 else 0.0
    counts = COUNTS_H if block.what.startswith("Rc") else 0.0
    plan.w = max(cells_w, head_w, more_w) + 2 * PAD
    if options.allocator:
        plan.w = max(plan.w, text_width(_chunk_text(block), SIZE_SMALL) + 16)
    plan.h = PAD + TITLE_LH + SMALL_LH + 6 + counts + rows_h + (4 + SMALL_LH if hidden > 0 else 0.0) + PAD
    if options.allocator:
        plan.h += CHUNK_H
    return plan


def _chunk_text(block) -> str:
    return f"header {CHUNK_HEADER} B · chunk {F.nbytes(block.chunk_size)} · {'free' if block.freed else 'in use'}"


def layout_heap(state, options, info, sink: Sink, x0: float, floor: float, roots: list) -> HeapResult:
    """Blocks from `floor` upward; `roots` are the ViewValues drawn elsewhere (for folding a crowded heap)."""
    blocks = sorted(state.blocks.values(), key=lambda b: (b.chunk_addr, b.block_id))
    entries = plan_blocks(blocks, roots)
    plans = [_plan(e[1], options, info) if e[0] == "block" else e[1] for e in entries]
    width = math.ceil(max([MIN_W] + [p.w for p in plans if isinstance(p, _Plan)]) / QUANTUM) * QUANTUM
    gaps = free_gaps(blocks)
    result = HeapResult(x0, width, floor)
    y = floor
    for plan in plans:
        if not isinstance(plan, _Plan):
            y = draw_fold(plan, sink, x0, width, y, result.folded) - BLOCK_GAP
            continue
        gap = gaps.get(plan.block.block_id)
        if gap is not None:
            y = draw_free(gap, options, sink, x0, min(FREE_W, width), y, result.free) - BLOCK_GAP
        y = _block(plan, options, info, sink, x0, y, result) - BLOCK_GAP
    result.top = y + BLOCK_GAP
    return result


def _block(plan, options, info, sink, x0, bottom, result) -> float:
    """Draw a block whose bottom edge (its chunk header's, with options.allocator) is at `bottom`; returns its top."""
    block = plan.block
    bid = block.block_id
    bkey = f"block:{bid}"
    groups = (bkey,)
    top = bottom - plan.h
    body_h = plan.h - (CHUNK_H if options.allocator else 0.0)
    style = "block.freed" if block.freed else "block"
    title, detail = _title(block, options)
    tip = f"{block.what}: {F.count(block.size)} bytes at {F.addr(block.addr)}, chunk of {F.nbytes(block.chunk_size)}"
    sink.rect(bkey, x0, top, plan.w, body_h, style, groups, 4.0, tip)
    sink.anchors[bkey] = (x0, top, plan.w, body_h)
    inner = plan.w - 2 * PAD
    sink.label(
        bkey + ":title", x0 + PAD, top + PAD, inner, TITLE_LH, title, "text.title", SIZE_TITLE, "left", True, groups
    )
    sink.label(
        bkey + ":info",
        x0 + PAD,
        top + PAD + TITLE_LH,
        inner,
        SMALL_LH,
        detail,
        "text.dim",
        SIZE_SMALL,
        "left",
        False,
        groups,
    )
    y = top + PAD + TITLE_LH + SMALL_LH + 6
    if block.what.startswith("Rc"):
        counts = block.counts[1] if isinstance(block.counts, tuple) else block.counts or "strong=1, weak=1"
        counts = str(counts).replace("=", " ").replace(", ", " · ")
        sink.rect(
            bkey + ":counts",
            x0 + PAD,
            y,
            inner,
            COUNTS_H - 4,
            "cell.counts",
            groups,
            0.0,
            "reference counts: strong (Rc values) and weak (+1 while any strong exists)",
        )
        sink.centered(
            bkey + ":counts:text", x0 + PAD, y, inner, COUNTS_H - 4, counts, "text", SIZE_SMALL, False, groups
        )
        y += COUNTS_H
    if plan.text is not None:
        grid = text_grid(block.capacity, MAX_TEXT_BYTES, True, x0 + PAD, y, f"cell:{bid}")
        used = "cell.freed" if block.freed else "cell.used"
        text_cells(
            "" if block.freed else plan.text,
            grid,
            used,
            "cell.freed" if block.freed else "cell.spare",
            True,
            groups,
            sink,
            cells=True,
        )
        used_n = len(plan.text.encode("utf-8"))
    else:
        step = plan.ch + (INDEX_H if plan.indices else 0.0) + 4
        grid = Grid(
            x0 + PAD,
            y + (INDEX_H if plan.indices else 0.0),
            plan.cw,
            plan.ch,
            plan.gap,
            step,
            plan.per_row,
            plan.n,
            f"cell:{bid}",
        )
        _cells(plan, grid, info, sink, bid, groups, result.places)
        used_n = len(block.elems)
    if plan.text is None:
        for i in range(grid.n):
            sink.anchors[f"cell:{bid}:{i}"] = grid.cell(i)
    hidden = block.capacity - grid.n
    if hidden > 0:
        text = more_label(hidden, max(used_n - grid.n, 0))
        ly = grid.y + (grid.rows - 1) * grid.row_step + grid.ch + 4
        sink.label(bkey + ":more", x0 + PAD, ly, inner, SMALL_LH, text, "text.dim", SIZE_SMALL, "left", False, groups)
    if options.allocator:
        ckey = f"chunk:{bid}"
        text = _chunk_text(block)
        tip = f"malloc's bookkeeping at {F.addr(block.chunk_addr)}: the chunk's size and whether it is in use"
        rect = (x0, top + body_h, plan.w, CHUNK_H)
        sink.rect(ckey, *rect, "chunk", (*groups, ckey), 0.0, tip)
        sink.centered(ckey + ":text", *rect, text, "text.dim", SIZE_SMALL, False, (*groups, ckey), tip)
    elem_size = block.size // block.capacity if block.capacity and not plan.text else 1
    result.blocks[bid] = ((x0, top, plan.w, body_h), grid, max(elem_size, 1), block.freed, block.addr)
    return top


def _cells(plan, grid: Grid, info, sink: Sink, bid: int, groups, places: dict) -> None:
    freed = plan.block.freed
    for i, node in enumerate(plan.nodes):
        x, y, w, h = grid.cell(i)
        ckey = f"cell:{bid}:{i}"
        cgroups = (*groups, ckey)
        if plan.indices:
            sink.label(
                ckey + ":idx",
                x,
                y - INDEX_H,
                w,
                INDEX_H - 1,
                f"[{i}]",
                "text.dim",
                SIZE_SMALL,
                "center",
                False,
                cgroups,
            )
        if freed:
            sink.rect(ckey, x, y, w, h, "cell.freed", cgroups, 0.0, f"[{i}]: freed memory")
        elif node is None:
            sink.rect(ckey, x, y, w, h, "cell.spare", cgroups, 0.0, f"[{i}]: spare capacity (not initialised)")
        elif node.kids:  # a struct or enum: remember where its fields are, for pointers to a field
            sink.places = []
            V.emit(node, x, y, ckey, cgroups, sink, "heap", w, h, "cell.used")
            places[(bid, i)] = sink.places
            sink.places = None
        else:
            V.emit(node, x, y, ckey, cgroups, sink, "heap", w, h, "cell.used")
