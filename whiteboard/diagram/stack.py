"""The stack column: frames grow upward from the floor (main at the bottom, the newest frame on top), locals inside a
frame grow upward in the order they were bound, so what appears last is on top and scope-end drops go top-down.

A stack deeper than MAX_FRAMES shows its oldest and newest frames and one dashed box for the middle, like the
FramesCollapsed box the interpreter records for a fast-forwarded recursion: a picture of 60 identical frames tells
no more than a picture of 14, and it would not fit a projector.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from itertools import islice
from operator import attrgetter

from whiteboard.diagram import bytes_view
from whiteboard.diagram import formats as F
from whiteboard.diagram import values as V
from whiteboard.diagram.metrics import SIZE_SMALL, SIZE_TITLE, SIZE_VALUE, line_height, text_width
from whiteboard.diagram.sink import Sink

MIN_W = 560.0
QUANTUM = 40.0  # the column widens in steps, so a slightly wider value does not nudge everything right
FLOOR = -14.0  # bottom of main's frame
FRAME_GAP = 10.0
BAR_H = 32.0
SLOT_GAP = 6.0
SLOT_PAD = 8.0
HEAD_H = line_height(SIZE_VALUE)
SMALL_LH = line_height(SIZE_SMALL)
MAX_FRAMES = 18
KEEP_OLD = 2
KEEP_NEW = 12
BOX_H = 44.0  # a collapsed run of frames
NAME_SCAN = 2000
TYPE_ROOM = 200.0  # what a long type may take of a slot's header before it is cut


@dataclass(slots=True)
class StackResult:
    x: float
    w: float
    top: float  # smallest y drawn
    top_frame: tuple | None  # (x, y, w, h) of the newest frame drawn
    slots: list = field(default_factory=list)  # (addr, end, slot_id, places, slot rect), sorted by addr
    hidden: tuple | None = None  # (low addr, high addr, rect) of frames folded into one box
    frames: list = field(default_factory=list)  # the frames drawn

    def find(self, address: int):
        """(value rect, part rect, group) of what a stack address points at: a local's value and its innermost part
        there, or the folded box."""
        h = self.hidden
        if h is not None and h[0] <= address < h[1]:
            return h[2], h[2], "collapsed:hidden"
        i = bisect.bisect_right(self.slots, (address, math.inf)) - 1
        if i < 0:
            return None
        start, end, slot_id, places, rect = self.slots[i]
        if not start <= address < max(end, start + 1):
            return None
        return rect, innermost(places, address - start) or rect, f"slot:{slot_id}"


def innermost(places, rel: int):
    """The rect of the innermost drawn part holding byte `rel` of a value (parts are listed outermost first)."""
    best = None
    for off, size, x, y, w, h, _key in places:
        if off == rel or (size and off <= rel < off + size):
            best = (x, y, w, h)
    return best


def _slot_rows(frame, options, info) -> list:
    rows = []
    for slot in frame.slots.values():
        node = V.measure(slot.value, info.parse(slot.ty), info)
        head = text_width(slot.name, SIZE_VALUE) + 10 + min(text_width(slot.ty, SIZE_SMALL), TYPE_ROOM)
        line = _addr_line(slot, frame) if options.addresses else None
        if line is not None:
            head += 12 + text_width(line, SIZE_SMALL)
        strip = options.byte_view and slot.size > 0
        width = max(head, node.w, bytes_view.strip_width(slot) if strip else 0.0)
        height = 4 + HEAD_H + 3 + node.h + (6 + bytes_view.STRIP_H if strip else 0.0) + 6
        rows.append((slot, node, width, height, strip, line))
    return rows


def _addr_line(slot, frame) -> str:
    return f"{F.addr(slot.addr)} · {F.nbytes(slot.size)} · offset {slot.addr - frame.addr}"


def _frame_title(frame, options) -> tuple[str, str]:
    info = F.nbytes(frame.size) + (f" · {F.addr(frame.addr)}" if options.addresses else "")
    return f"fn {frame.function}", info


def layout_stack(state, options, info, sink: Sink, x0: float) -> StackResult:
    values = state.frames.values()
    total = len(values)
    hidden = None  # (count, oldest hidden frame, newest hidden frame, function names)
    if total > MAX_FRAMES:
        old = list(islice(values, KEEP_OLD + 1))
        new = list(islice(reversed(values), KEEP_NEW + 1))[::-1]
        # Names of the folded frames from both ends of the run (a recursion repeats itself, so 2 × NAME_SCAN
        # frames name it; a 100,000-frame stack is not walked frame by frame).
        inner = total - KEEP_OLD - KEEP_NEW
        names = set(map(attrgetter("function"), islice(values, KEEP_OLD, KEEP_OLD + min(inner, NAME_SCAN))))
        names.update(map(attrgetter("function"), islice(reversed(values), KEEP_NEW, KEEP_NEW + min(inner, NAME_SCAN))))
        hidden = (total - KEEP_OLD - KEEP_NEW, old[-1], new[0], sorted(names))
        frames = old[:-1] + new[1:]
    else:
        frames = list(values)
    newest = frames[-1].frame_id if frames else None

    entries = []  # (address, what, payload); drawn from the highest address (oldest) up
    need = MIN_W
    for frame in frames:
        rows = _slot_rows(frame, options, info)
        title, detail = _frame_title(frame, options)
        need = max(need, 24 + text_width(title, SIZE_TITLE) + 16 + text_width(detail, SIZE_SMALL), 12 + 2 * SLOT_PAD)
        for row in rows:
            need = max(need, row[2] + 12 + 2 * SLOT_PAD)
        entries.append((frame.addr, "frame", (frame, rows)))
    for i, rec in enumerate(state.collapsed):
        entries.append((rec.lowest_addr, "collapsed", (i, rec)))
    if hidden:
        entries.append((hidden[1].addr, "hidden", hidden))
    entries.sort(key=lambda e: -e[0])
    width = math.ceil(need / QUANTUM) * QUANTUM

    result = StackResult(x0, width, FLOOR, None, frames=frames)
    y = FLOOR
    for _, what, payload in entries:
        if what == "frame":
            frame, rows = payload
            y = _frame(frame, rows, frame.frame_id == newest, options, info, sink, x0, width, y, result)
        elif what == "collapsed":
            i, rec = payload
            text = f"… {F.count(rec.count)} more frames of {rec.function} ({F.nbytes(rec.frame_size)} each) …"
            tip = (
                f"{F.count(rec.count)} identical calls of {rec.function}, fast-forwarded to the stack limit: "
                f"{F.nbytes(rec.count * rec.frame_size)} from {F.addr(rec.lowest_addr)}"
            )
            _box(f"collapsed:{i}", text, tip, sink, x0, width, y)
            y -= BOX_H + FRAME_GAP
        else:
            count, oldest, newest_hidden, names = payload
            shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
            text = f"… {F.count(count)} more frames of {shown} …"
            low, high = newest_hidden.addr, oldest.addr + oldest.size
            tip = f"{F.count(count)} frames not drawn, {F.nbytes(high - low)} in all"
            rect = _box("collapsed:hidden", text, tip, sink, x0, width, y)
            result.hidden = (low, high, rect)
            y -= BOX_H + FRAME_GAP
    result.top = y + FRAME_GAP
    result.slots.sort(key=lambda s: s[0])
    return result


def _box(key, text, tip, sink, x0, width, bottom) -> tuple:
    rect = (x0, bottom - BOX_H, width, BOX_H)
    sink.rect(key, *rect, "collapsed", (key,), 6.0, tip)
    sink.centered(key + ":text", *rect, text, "text", SIZE_VALUE, False, (key,), tip)
    return rect


def _frame(frame, rows, current, options, info, sink, x0, width, bottom, result) -> float:
    """Draw one frame whose bottom edge is at `bottom`; returns the bottom of the next (the frame's top - gap)."""
    fid = frame.frame_id
    fkey = f"frame:{fid}"
    groups = (fkey,)
    content = sum(r[3] for r in rows) + SLOT_GAP * max(len(rows) - 1, 0)
    height = BAR_H + 6 + (content if rows else 10.0) + 6
    top = bottom - height
    tip = f"fn {frame.function}: {F.nbytes(frame.size)} frame at {F.addr(frame.addr)}"
    sink.rect(fkey, x0, top, width, height, "frame.current" if current else "frame", groups, 4.0, tip)
    sink.anchors[fkey] = (x0, top, width, height)
    sink.rect(fkey + ":bar", x0, top, width, BAR_H, "frame.title", groups, 4.0, tip)
    title, detail = _frame_title(frame, options)
    dw = text_width(detail, SIZE_SMALL)
    lt, ls = line_height(SIZE_TITLE), line_height(SIZE_SMALL)
    sink.label(
        fkey + ":title",
        x0 + 12,
        top + (BAR_H - lt) / 2,
        width - 36 - dw,
        lt,
        title,
        "text.inverse",
        SIZE_TITLE,
        "left",
        True,
        groups,
    )
    sink.label(
        fkey + ":info",
        x0 + width - 12 - dw,
        top + (BAR_H - ls) / 2,
        dw,
        ls,
        detail,
        "text.inverse",
        SIZE_SMALL,
        "right",
        False,
        groups,
    )
    if current:
        result.top_frame = (x0, top, width, height)
    y = bottom - 6
    sx, sw = x0 + 6, width - 12
    for slot, node, _w, h, strip, line in rows:
        y -= h
        _slot(slot, node, strip, line, info, sink, sx, y, sw, h, groups, result)
        y -= SLOT_GAP
    return top - FRAME_GAP


def _slot(slot, node, strip, line, info, sink, sx, y, sw, h, fgroups, result) -> None:
    sid = slot.slot_id
    skey = f"slot:{sid}"
    groups = (*fgroups, skey)
    sink.rect(skey, sx, y, sw, h, "slot", groups, 3.0, f"{slot.name}: {slot.ty}")
    sink.anchors[skey] = (sx, y, sw, h)
    hx, hy = sx + SLOT_PAD, y + 4
    nw = text_width(slot.name, SIZE_VALUE)
    sink.label(skey + ":name", hx, hy, nw, HEAD_H, slot.name, "text", SIZE_VALUE, "left", True, groups)
    right = sx + sw - SLOT_PAD
    ls = SMALL_LH
    if line is not None:
        aw = text_width(line, SIZE_SMALL)
        sink.label(
            skey + ":addr",
            right - aw,
            hy + HEAD_H - ls,
            aw,
            ls,
            line,
            "text.addr",
            SIZE_SMALL,
            "right",
            False,
            groups,
            f"address · size · offset from the frame's start; aligned to {slot.align}",
        )
        right -= aw + 12
    tx = hx + nw + 10
    sink.label(
        skey + ":type",
        tx,
        hy + HEAD_H - ls,
        max(right - tx, 0.0),
        ls,
        slot.ty,
        "text.dim",
        SIZE_SMALL,
        "left",
        False,
        groups,
    )
    vkey = f"val:{skey}"
    vy = hy + HEAD_H + 3
    sink.places = []
    V.emit(node, hx, vy, vkey, (*groups, vkey), sink, "stack")
    sink.anchors[vkey] = (hx, vy, node.w, node.h)
    result.slots.append((slot.addr, slot.addr + slot.size, sid, sink.places, (hx, vy, node.w, node.h)))
    sink.places = None
    if strip:
        bkey = f"bytes:{skey}"
        bytes_view.emit_strip(slot, info, hx, vy + node.h + 6, bkey, (*groups, bkey), sink)
