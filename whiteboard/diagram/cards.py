"""What went wrong, drawn on top of the stack column where the eye already is: the stack overflow banner with its
limit line, a panic, a compile error (whose trace has no frames at all), the step limit. Each card carries the
real message lines a terminal would show, wrapped to the column, never cut."""

from __future__ import annotations

from whiteboard.diagram import formats as F
from whiteboard.diagram.metrics import SIZE_SMALL, SIZE_TITLE, SIZE_VALUE, line_height
from whiteboard.diagram.refusal import card_lines
from whiteboard.diagram.sink import Sink
from whiteboard.document.explanations import explanation_lines
from whiteboard.sim.memory import MAIN_STACK_BYTES, STACK_TOP

GAP = 12.0
PAD = 12.0


def overflow_event(trace, index: int):
    for k in range(index, -1, -1):
        for ev in trace.steps[k].events:
            if ev.kind == "stack_overflowed":
                return ev
    return None


def _card(key, style, lines, sink: Sink, x0, width, bottom) -> float:
    """A box of `lines` ((text, size, bold)), wrapped to `width`, whose bottom edge is at `bottom`; returns its top."""
    rows = []
    for text, size, bold in lines:
        for part in F.wrap(text, width - 2 * PAD, size):
            rows.append((part, size, bold))
    height = PAD + sum(line_height(s) + 2 for _, s, _ in rows) - 2 + PAD
    top = bottom - height
    groups = (key,)
    sink.rect(key, x0, top, width, height, style, groups, 6.0, "\n".join(t for t, _, _ in lines))
    y = top + PAD
    for k, (text, size, bold) in enumerate(rows):
        lh = line_height(size)
        sink.label(f"{key}:line:{k}", x0 + PAD, y, width - 2 * PAD, lh, text, "text.error", size, "left", bold, groups)
        y += lh + 2
    return top


def layout_cards(trace, index: int, state, sink: Sink, x0: float, width: float, top: float, refusal=None) -> float:
    """Cards stacked upward from `top` (the top of the stack's frames); returns the new top. `refusal`: an edit Rust
    refused, drawn over this (older, compiled) memory; its card comes first, nearest the frames."""
    y = top - GAP
    if refusal is not None:
        y = _card("refusal", "error", card_lines(refusal), sink, x0, width, y) - GAP
    if state.overflowed:
        ev = overflow_event(trace, index)
        limit = ev.limit_bytes if ev is not None else MAIN_STACK_BYTES
        used = ev.used_bytes if ev is not None else limit
        groups = ("banner",)
        lh = line_height(SIZE_SMALL)
        text = f"stack limit: {F.nbytes(limit)} · {F.addr(STACK_TOP - limit)}"
        sink.rect("limit", x0 - 8, y - 4, width + 16, 4, "limit", groups, 0.0, text)
        sink.label("limit:label", x0, y - 6 - lh, width, lh, text, "text.error", SIZE_SMALL, "right", False, groups)
        y -= 4 + 6 + lh + GAP
        lines = [(f"stack overflow: {F.nbytes(used)} used", SIZE_TITLE, True)]
        message = [ln for ln in state.stderr.splitlines() if ln.strip()] or [
            "thread 'main' has overflowed its stack",
            "fatal runtime error: stack overflow, aborting",
        ]
        lines += [(ln, SIZE_VALUE, False) for ln in message]
        y = _card("banner", "overflow", lines, sink, x0, width, y) - GAP
    if state.panic is not None:
        y = _card("panic", "panic", [(f"thread 'main' panicked: {state.panic}", SIZE_VALUE, True)], sink, x0, width, y)
        y -= GAP
    if 0 <= index < len(trace.steps):
        for k, ev in enumerate(trace.steps[index].events):
            if ev.kind == "error":
                head = f"error[{ev.code}]: {ev.message}" if ev.code else f"error: {ev.message}"
                lines = [(head, SIZE_VALUE, True)]
                if ev.span and len(ev.span) >= 2 and ev.span[0]:
                    lines.append((f"at line {ev.span[0]}, column {ev.span[1]}", SIZE_SMALL, False))
                lines += [(text, SIZE_SMALL, False) for text in explanation_lines(ev.code)]
                y = _card(f"error:{k}", "error", lines, sink, x0, width, y) - GAP
            elif ev.kind == "step_limit":
                text = f"stopped: step limit of {F.count(ev.limit)} steps reached (an endless loop?)"
                y = _card(f"error:{k}", "error", [(text, SIZE_VALUE, True)], sink, x0, width, y) - GAP
    return y + GAP
