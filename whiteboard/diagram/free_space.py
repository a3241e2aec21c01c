"""Free memory in the heap: gaps between live chunks, from the heap's start. A freed block leaves such a gap until
the allocator reuses it, so the picture shows memory coming back, not just blocks vanishing."""

from __future__ import annotations

from whiteboard.diagram import formats as F
from whiteboard.diagram.metrics import SIZE_SMALL
from whiteboard.diagram.sink import Sink
from whiteboard.sim.memory import HEAP_BASE

FREE_H = 28.0
FREE_W = 300.0
MMAP_FROM = 0x7000_0000_0000  # blocks above this were mmap-ed: no brk neighbours, so no gaps to show


def free_gaps(blocks) -> dict:
    """Free memory between brk chunks (from the heap start): chunk address of the next block -> (start, size)."""
    gaps, end = {}, HEAP_BASE
    for b in blocks:
        if b.chunk_addr >= MMAP_FROM:
            break
        if b.chunk_addr > end:
            gaps[b.block_id] = (end, b.chunk_addr - end)
        end = max(end, b.chunk_addr + b.chunk_size)
    return gaps


def draw_free(gap, options, sink: Sink, x0, width, bottom, out: list) -> float:
    """A hatched box for free memory whose bottom edge is at `bottom`; returns its top."""
    start, size = gap
    key = f"free:{F.addr(start)}"
    text = f"free · {F.nbytes(size)}" + (f" · {F.addr(start)}" if options.allocator else "")
    tip = f"{F.nbytes(size)} of free memory at {F.addr(start)}: the allocator can reuse it"
    rect = (x0, bottom - FREE_H, width, FREE_H)
    sink.rect(key, *rect, "free", (key,), 3.0, tip)
    sink.anchors[key] = rect
    sink.centered(key + ":text", *rect, text, "text.dim", SIZE_SMALL, False, (key,), tip)
    out.append((start, start + size, rect))
    return bottom - FREE_H
