"""Where a callout (the line of Rust a drop would write) goes beside the thing it is about: next to it, on screen,
over as little of the board's text as possible. Plain rectangles (x, y, w, h) in scene units, no Qt."""

from __future__ import annotations

from collections.abc import Iterable

from whiteboard.diagram.metrics import text_width
from whiteboard.diagram.primitives import Label

Box = tuple[float, float, float, float]


def _overlap(a: Box, b: Box) -> float:
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _inside(a: Box, b: Box) -> bool:
    return a[0] >= b[0] and a[1] >= b[1] and a[0] + a[2] <= b[0] + b[2] and a[1] + a[3] <= b[1] + b[3]


def callout_spot(target: Box, size: tuple[float, float], visible: Box, texts, gap: float) -> Box:
    """The callout's box: above the target, right of it, below it or left of it (in that order of preference),
    whichever is on screen and covers the least text; the target's own text does not count (the outline shows it).
    With no spot wholly on screen, the one most on screen, slid onto it. `texts`: boxes, or a TextIndex of them."""
    x, y, w, h = target
    cw, ch = size
    candidates = [
        (x, y - gap - ch),  # above, left-aligned: where the eye goes first
        (x + w + gap, y + (h - ch) / 2),  # right, centred
        (x, y + h + gap),  # below
        (x - gap - cw, y + (h - ch) / 2),  # left
    ]
    reach = (x - gap - cw, y - gap - ch, w + 2 * (gap + cw), h + 2 * (gap + ch))  # every candidate lies in it
    near = texts.near(reach) if isinstance(texts, TextIndex) else texts
    others = [t for t in near if not _inside(t, target)]
    best, best_score = None, None
    for rank, (cx, cy) in enumerate(candidates):
        box = (cx, cy, cw, ch)
        # Areas under half a unit are rounding noise (an area minus the same area computed another way).
        off_screen = max(cw * ch - _overlap(box, visible), 0.0)
        off_screen = off_screen if off_screen > 0.5 else 0.0
        covered = sum(_overlap(box, t) for t in others)
        covered = covered if covered > 0.5 else 0.0
        score = (off_screen, covered, rank)
        if best_score is None or score < best_score:
            best, best_score = box, score
    if best_score[0]:  # no spot beside it is wholly on screen (a frame taller than the view): slide it in
        vx, vy, vw, vh = visible
        bx = min(max(best[0], vx), vx + vw - cw) if cw <= vw else vx
        by = min(max(best[1], vy), vy + vh - ch) if ch <= vh else vy
        best = (bx, by, cw, ch)
    return best


def text_boxes(items: Iterable) -> list[Box]:
    """Where the diagram's labels put ink: each label's text as wide as it measures, aligned in its box."""
    out = []
    for p in items:
        if isinstance(p, Label) and p.text:
            tw = min(text_width(p.text, p.size), p.w)
            dx = {"left": 0.0, "right": p.w - tw}.get(p.align, (p.w - tw) / 2)
            out.append((p.x + dx, p.y, tw, p.h))
    return out


class TextIndex:
    """Text boxes bucketed on a coarse grid, so a callout looks at the labels near its target only: a board of
    a thousand locals has thousands of labels, and the callout is placed again on every new target of a drag."""

    CELL = 256.0

    def __init__(self, boxes: list[Box]) -> None:
        self.cells: dict[tuple[int, int], list[Box]] = {}
        for box in boxes:
            for cell in self._cells(box):
                self.cells.setdefault(cell, []).append(box)

    def _cells(self, box: Box):
        c = self.CELL
        for i in range(int(box[0] // c), int((box[0] + box[2]) // c) + 1):
            for j in range(int(box[1] // c), int((box[1] + box[3]) // c) + 1):
                yield i, j

    def near(self, region: Box) -> list[Box]:
        """Every box that may meet `region` (each once)."""
        found: dict[int, Box] = {}
        for cell in self._cells(region):
            for box in self.cells.get(cell, ()):
                found[id(box)] = box
        return list(found.values())
