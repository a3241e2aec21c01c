"""The collector every part of the layout draws into: primitives in paint order, anchors, and pointer sources.

Labels are cut to their box here, once, so no caller can let text leave its box; the full text then goes to the
tooltip. Pointer cells are only recorded while drawing (`Source`) and turned into arrows at the end, when every
target's position is known.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields

from whiteboard.diagram.metrics import ADVANCE_EM, LINE_EM, fit
from whiteboard.diagram.primitives import Label, Rect


def _fast_constructor(cls):
    """A constructor for a frozen slots dataclass that fills the slots through their descriptors: the same object
    as `cls(...)` makes, at half the cost (the generated __init__ calls object.__setattr__ per field), which is
    most of the time a thousand-local frame takes to lay out."""
    names = [f.name for f in fields(cls)]
    params = ", ".join(n if f.default is MISSING else f"{n}={f.default!r}" for n, f in zip(names, fields(cls)))
    body = "".join(f"    _set_{n}(o, {n})\n" for n in names)
    scope = {"_new": object.__new__, "_cls": cls, **{f"_set_{n}": getattr(cls, n).__set__ for n in names}}
    exec(f"def make({params}):\n    o = _new(_cls)\n{body}    return o\n", scope)  # noqa: S102 - fixed text
    return scope["make"]


_rect = _fast_constructor(Rect)
_label = _fast_constructor(Label)


@dataclass(slots=True)
class Source:
    """A pointer cell drawn somewhere: where it is and what it holds, to be routed once everything is placed."""

    key: str  # the pointer part's key; its arrow is "arrow:" + key
    view: tuple  # the ViewValue ("vec" / "ptr" / "fat")
    x: float
    y: float
    w: float
    h: float
    groups: tuple
    region: str  # "stack" | "heap" | "static"


class Sink:
    __slots__ = ("items", "anchors", "sources", "places")

    def __init__(self) -> None:
        self.items: list = []
        self.anchors: dict = {}
        self.sources: list[Source] = []
        self.places: list | None = None  # while a stack slot is drawn: (offset, size, x, y, w, h, key) of its parts

    def rect(self, key, x, y, w, h, style, groups=(), radius=0.0, tooltip="") -> None:
        self.items.append(_rect(key, x, y, w, h, style, groups, radius, tooltip))

    def label(self, key, x, y, w, h, text, style, size, align="left", bold=False, groups=(), tooltip="") -> None:
        if len(text) * ADVANCE_EM * size > w:
            shown = fit(text, w, size)
            if shown != text and not tooltip:
                tooltip = text
            text = shown
        self.items.append(_label(key, x, y, w, h, text, style, size, align, bold, groups, tooltip))

    def centered(self, key, x, y, w, h, text, style, size, bold=False, groups=(), tooltip="") -> None:
        """A one-line label centred in the box (x, y, w, h)."""
        lh = LINE_EM * size
        self.label(key, x, y + (h - lh) / 2, w, lh, text, style, size, "center", bold, groups, tooltip)
