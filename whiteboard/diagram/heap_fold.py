"""Which heap blocks a crowded heap draws: a 3,000-node linked list is drawn as the blocks the stack reaches first
(following pointers breadth-first, as the eye follows arrows), the newest blocks, and dashed boxes counting the
rest, so the picture stays readable and cheap however long the list grows."""

from __future__ import annotations

from whiteboard.diagram import formats as F
from whiteboard.diagram.metrics import SIZE_VALUE
from whiteboard.diagram.sink import Sink

MAX_BLOCKS = 24  # drawn one by one; beyond this the heap folds
KEEP_NEWEST = 6  # the highest addresses: where the next allocation usually appears
CELLS_FOLLOWED = 16  # as many elements as a block draws
FOLD_H = 44.0


def _block_ids(view, out: list) -> None:
    """Block ids a ViewValue points into, in field order."""
    stack = [view]
    while stack:
        v = stack.pop()
        if not isinstance(v, tuple) or not v:
            continue
        tag = v[0]
        if tag == "vec" and v[4] is not None:
            out.append(v[4])
        elif tag == "ptr" and v[3] is not None:
            out.append(v[3])
        elif tag == "fat" and v[4] is not None:
            out.append(v[4])
        elif tag == "struct":
            stack.extend(f[2] for f in reversed(v[2]))
        elif tag == "enum":
            stack.extend(f[2] for f in reversed(v[3]))
        elif tag == "array":
            stack.extend(reversed(v[1][:CELLS_FOLLOWED]))


def plan_blocks(blocks: list, roots: list) -> list:
    """`blocks` in address order → entries in address order: ("block", b) or ("fold", [b, ...]).

    `roots` are the ViewValues drawn outside the heap (locals of the drawn frames, statics).
    """
    if len(blocks) <= MAX_BLOCKS:
        return [("block", b) for b in blocks]
    by_id = {b.block_id: b for b in blocks}
    keep: set = {b.block_id for b in blocks[-KEEP_NEWEST:]} | {b.block_id for b in blocks if b.freed}
    queue: list = []
    for view in roots:
        _block_ids(view, queue)
    queue_at, seen = 0, set()
    while queue_at < len(queue) and len(keep) < MAX_BLOCKS:
        bid = queue[queue_at]
        queue_at += 1
        block = by_id.get(bid)
        if block is None or bid in seen:
            continue
        seen.add(bid)
        keep.add(bid)
        for elem in block.elems[:CELLS_FOLLOWED]:
            _block_ids(elem, queue)
    entries: list = []
    for b in blocks:
        if b.block_id in keep:
            entries.append(("block", b))
        elif entries and entries[-1][0] == "fold":
            entries[-1][1].append(b)
        else:
            entries.append(("fold", [b]))
    return entries


def draw_fold(blocks, sink: Sink, x0, width, bottom, folded: dict) -> float:
    """One dashed box for a run of blocks not drawn; pointers into them end at it."""
    key = f"fold:{blocks[0].block_id}"
    whats = sorted({b.what for b in blocks})
    shown = ", ".join(whats[:2]) + (", …" if len(whats) > 2 else "")
    text = f"… {F.count(len(blocks))} more blocks: {shown} …"
    total = sum(b.size for b in blocks)
    tip = f"{F.count(len(blocks))} blocks not drawn, {F.nbytes(total)} from {F.addr(blocks[0].addr)}"
    rect = (x0, bottom - FOLD_H, width, FOLD_H)
    sink.rect(key, *rect, "collapsed", (key,), 6.0, tip)
    sink.centered(key + ":text", *rect, text, "text", SIZE_VALUE, False, (key,), tip)
    for b in blocks:
        folded[b.block_id] = (rect, key)
    return bottom - FOLD_H
