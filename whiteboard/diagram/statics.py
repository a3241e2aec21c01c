"""Static data at the bottom of the right column, lowest address lowest: string literals as their bytes, named
statics as slots. Literals are part of the binary, so every literal the run ever uses is drawn from the first step
on (and the column never grows while the program runs, which keeps the heap above it still)."""

from __future__ import annotations

import bisect
import math
import weakref
from dataclasses import dataclass, field

from whiteboard.diagram import formats as F
from whiteboard.diagram import values as V
from whiteboard.diagram.cells import text_cells, text_grid
from whiteboard.diagram.metrics import SIZE_REGION, SIZE_SMALL, SIZE_VALUE, line_height, text_width
from whiteboard.diagram.sink import Sink
from whiteboard.sim.trace import SlotState

PAD = 10.0
GAP = 10.0
MAX_BYTES = 32
MAX_TITLE_W = 480.0
LH_V = line_height(SIZE_VALUE)
LH_S = line_height(SIZE_SMALL)
TITLE_H = line_height(SIZE_REGION) + LH_S + 12

_DEFINED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@dataclass(slots=True)
class StaticResult:
    w: float
    top: float  # top of the region (its title included)
    entries: list = field(default_factory=list)  # (addr, end, static id, rect, grid or None), by address

    def find(self, address: int):
        i = bisect.bisect_right(self.entries, (address, math.inf)) - 1
        if i < 0:
            return None
        start, end, sid, rect, grid = self.entries[i]
        if not start <= address < max(end, start + 1):
            return None
        return rect, f"static:{sid}", grid, address - start


def all_statics(trace, state) -> list:
    """Every static the run defines (cached per trace), with this step's value where it has one."""
    defined = _DEFINED.get(trace) if trace is not None else None
    if defined is None:
        found: dict = {}
        for step in getattr(trace, "steps", ()):
            for ev in step.events:
                if ev.kind == "static_defined" and ev.static_id not in found:
                    found[ev.static_id] = SlotState(ev.static_id, 0, ev.name, ev.ty, ev.addr, ev.size, 1, ev.value)
        defined = sorted(found.values(), key=lambda s: s.addr)
        if trace is not None:
            _DEFINED[trace] = defined
    now = state.statics
    out = [now.get(s.slot_id, s) for s in defined]
    known = {s.slot_id for s in defined}
    out += [s for sid, s in now.items() if sid not in known]
    return sorted(out, key=lambda s: s.addr)


def _is_literal(s) -> bool:
    return s.ty == "str"


def layout_statics(trace, state, options, info, sink: Sink, x0: float, floor: float) -> StaticResult:
    statics = all_statics(trace, state)
    plans = []
    width = 0.0
    for s in statics:
        if _is_literal(s):
            grid = text_grid(s.size, MAX_BYTES, False, 0, 0, "")
            body = grid.rows * grid.row_step - 4 + (4 + LH_S if s.size > MAX_BYTES else 0.0)
            title_w = min(text_width(_title(s), SIZE_VALUE), MAX_TITLE_W)  # a long literal is cut, not widened
            w = max(grid.width, title_w, text_width(_info(s, options), SIZE_SMALL))
            plans.append((s, None, w + 2 * PAD, PAD + LH_V + LH_S + 4 + body + PAD))
        else:
            node = V.measure(s.value, info.parse(s.ty), info)
            head = text_width(s.name, SIZE_VALUE) + 10 + text_width(s.ty, SIZE_SMALL)
            head += 12 + text_width(_info(s, options), SIZE_SMALL)
            plans.append((s, node, max(head, node.w) + 2 * PAD, PAD + LH_V + 3 + node.h + PAD))
        width = max(width, plans[-1][2])
    result = StaticResult(width, floor)
    y = floor - PAD
    for s, node, w, h in plans:
        y -= h
        if node is None:
            result.entries.append(_literal(s, options, sink, x0, y, w, h))
        else:
            result.entries.append(_named(s, node, options, sink, x0, y, w, h))
        y -= GAP
    result.top = y + GAP - PAD - TITLE_H
    return result


def _title(s) -> str:
    return '"' + s.name + '"'


def _info(s, options) -> str:
    return F.nbytes(s.size) + (f" · {F.addr(s.addr)}" if options.addresses else "")


def _literal(s, options, sink, x0, y, w, h) -> tuple:
    key = f"static:{s.slot_id}"
    groups = (key,)
    tip = f"string literal: {F.count(s.size)} bytes in the binary's read-only data at {F.addr(s.addr)}"
    sink.rect(key, x0, y, w, h, "static", groups, 4.0, tip)
    sink.anchors[key] = (x0, y, w, h)
    inner = w - 2 * PAD
    sink.label(key + ":title", x0 + PAD, y + PAD, inner, LH_V, _title(s), "text", SIZE_VALUE, "left", True, groups)
    sink.label(
        key + ":info",
        x0 + PAD,
        y + PAD + LH_V,
        inner,
        LH_S,
        _info(s, options),
        "text.dim",
        SIZE_SMALL,
        "left",
        False,
        groups,
    )
    grid = text_grid(s.size, MAX_BYTES, False, x0 + PAD, y + PAD + LH_V + LH_S + 4, key)
    text = s.name.encode("utf-8")[: s.size].decode("utf-8", "replace")
    text_cells(text, grid, "static.byte", "static.byte", False, groups, sink)
    if s.size > MAX_BYTES:
        ly = grid.y + (grid.rows - 1) * grid.row_step + grid.ch + 4
        more = f"… {F.count(s.size - MAX_BYTES)} more bytes"
        sink.label(key + ":more", x0 + PAD, ly, inner, LH_S, more, "text.dim", SIZE_SMALL, "left", False, groups)
    return (s.addr, s.addr + s.size, s.slot_id, (x0, y, w, h), grid)


def _named(s, node, options, sink, x0, y, w, h) -> tuple:
    key = f"static:{s.slot_id}"
    groups = (key,)
    sink.rect(key, x0, y, w, h, "static", groups, 4.0, f"static {s.name}: {s.ty} at {F.addr(s.addr)}")
    sink.anchors[key] = (x0, y, w, h)
    nw = text_width(s.name, SIZE_VALUE)
    sink.label(key + ":name", x0 + PAD, y + PAD, nw, LH_V, s.name, "text", SIZE_VALUE, "left", True, groups)
    info_text = _info(s, options)
    iw = text_width(info_text, SIZE_SMALL)
    right = x0 + w - PAD
    sink.label(
        key + ":info",
        right - iw,
        y + PAD + LH_V - LH_S,
        iw,
        LH_S,
        info_text,
        "text.addr",
        SIZE_SMALL,
        "right",
        False,
        groups,
    )
    tx = x0 + PAD + nw + 10
    sink.label(
        key + ":type",
        tx,
        y + PAD + LH_V - LH_S,
        max(right - iw - 12 - tx, 0.0),
        LH_S,
        s.ty,
        "text.dim",
        SIZE_SMALL,
        "left",
        False,
        groups,
    )
    vkey = f"val:{key}"
    V.emit(node, x0 + PAD, y + PAD + LH_V + 3, vkey, (*groups, vkey), sink, "static")
    return (s.addr, s.addr + s.size, s.slot_id, (x0, y, w, h), None)
