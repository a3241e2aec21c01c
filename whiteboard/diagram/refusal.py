"""An edit Rust refused, drawn over the last memory that compiled.

A program rustc rejects has no memory to draw, so after a refused edit the board keeps the picture it had (the step
the edit was made on) and says on it what Rust refused and why: a card on top of the stack column and a red outline
round each local the error names, so the student sees the error where it happens, not only in the code panel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whiteboard.diagram.metrics import SIZE_SMALL, SIZE_VALUE, line_height, text_width
from whiteboard.diagram.sink import Sink
from whiteboard.document.explanations import explanation_lines

# The local a place in rustc's message starts with: `v`, `*r`, `v[_]`, `h.items`.
_NAME = re.compile(r"`\*?([A-Za-z_][A-Za-z0-9_]*)(?:[.\[][^`]*)?`")
OUTLINE_PAD = 4.0


@dataclass(frozen=True)
class Refusal:
    """What was refused (a phrase: "“Move `v` into `v2`”", "your change to the code"), rustc's first error, and
    the diagram groups it concerns (`slot:N`; the edit's own target when the message names no local)."""

    label: str
    code: str
    message: str
    line: int
    column: int
    keys: tuple[str, ...] = ()

    def headline(self) -> str:
        return f"error[{self.code}]: {self.message}" if self.code else f"error: {self.message}"


def concerned_keys(state, message: str, fallback: str | None = None) -> tuple[str, ...]:
    """The `slot:N` keys of the locals `message` names in backticks (`v`, `*r`, `h.items`), each the newest binding
    in the newest frame that has it (where the edit was made); `fallback` when it names none that exists (e.g.
    "mismatched types")."""
    names = dict.fromkeys(_NAME.findall(message))
    keys = []
    for name in names:
        for frame in reversed(state.frames.values()):
            # the newest of that name: an older one is shadowed, so no line of code can mean it
            slot = max((s for s in frame.slots.values() if s.name == name), key=lambda s: s.slot_id, default=None)
            if slot is not None:
                keys.append(f"slot:{slot.slot_id}")
                break
    if not keys and fallback:
        # A local's value or field: the whole local is outlined, as for a named one (its tag then clears the name).
        keys.append("slot:" + fallback[9:].split("/")[0] if fallback.startswith("val:slot:") else fallback)
    return tuple(keys)


def card_lines(refusal: Refusal) -> list[tuple[str, float, bool]]:
    """The card's lines as (text, size, bold): what was refused, rustc's words, why, and where the way back is."""
    where = f"line {refusal.line}, column {refusal.column}" if refusal.line else ""
    lines = [
        (f"Rust refuses {refusal.label}", SIZE_VALUE, True),
        (refusal.headline() + (f" — {where}" if where else ""), SIZE_VALUE, False),
    ]
    lines += [(text, SIZE_SMALL, False) for text in explanation_lines(refusal.code)]
    lines.append(("The board shows memory before this edit: undo it, or change the code.", SIZE_SMALL, True))
    return lines


def outline_concerned(refusal: Refusal, sink: Sink) -> None:
    """A red outline round each concerned thing, with rustc's code and line beside it."""
    for key in refusal.keys:
        box = sink.anchors.get(key)
        if box is None:
            continue
        x, y, w, h = box
        groups = ("refusal",)
        sink.rect(
            f"refusal:{key}",
            x - OUTLINE_PAD,
            y - OUTLINE_PAD,
            w + 2 * OUTLINE_PAD,
            h + 2 * OUTLINE_PAD,
            "refused",
            groups,
            6.0,
            refusal.headline(),
        )
        tag = f"{refusal.code or 'error'} · line {refusal.line}"
        lh = line_height(SIZE_SMALL)
        tw = text_width(tag, SIZE_SMALL) + 12
        sink.rect(
            f"refusal:{key}:tag",
            x + w + OUTLINE_PAD - tw,
            y - OUTLINE_PAD - lh - 2,
            tw,
            lh + 2,
            "refused.tag",
            groups,
            3.0,
            refusal.headline(),
        )
        sink.label(
            f"refusal:{key}:tag:text",
            x + w + OUTLINE_PAD - tw,
            y - OUTLINE_PAD - lh - 1,
            tw,
            lh,
            tag,
            "text.inverse",
            SIZE_SMALL,
            "center",
            True,
            groups,
        )
