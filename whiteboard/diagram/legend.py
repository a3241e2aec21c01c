"""The legend under the floor: one sample of each arrow kind and cell style, drawn with the same primitives as the
board so the theme styles it identically. Its geometry never depends on the state, so it never moves."""

from __future__ import annotations

from whiteboard.diagram.metrics import SIZE_SMALL, line_height, text_width
from whiteboard.diagram.primitives import Arrow
from whiteboard.diagram.sink import Sink

TOP = 40.0
ROW = 30.0
PAD = 12.0
ARROWS = (
    ("own", "owns (Box, Vec buffer)"),
    ("shared", "& shared borrow"),
    ("mut", "&mut mutable borrow"),
    ("static", "&str into static data"),
    ("dangling", "dangling"),
)
CELLS = (
    ("cell.used", "used"),
    ("cell.spare", "spare capacity"),
    ("free", "free"),
    ("value.moved", "moved"),
)
SAMPLE_W = 56.0
CELL_W = 36.0


def layout_legend(sink: Sink, x0: float) -> list[Arrow]:
    """Rects and labels go into `sink`; the sample arrows are returned, to be painted with the other arrows."""
    groups = ("legend",)
    lh = line_height(SIZE_SMALL)
    col1 = PAD + SAMPLE_W + 10 + max(text_width(t, SIZE_SMALL) for _, t in ARROWS)
    col2 = CELL_W + 10 + max(text_width(t, SIZE_SMALL) for _, t in CELLS)
    width = col1 + 32 + col2 + PAD
    rows = max(len(ARROWS), len(CELLS))
    height = PAD + lh + 6 + rows * ROW + PAD - 6
    sink.rect("legend", x0, TOP, width, height, "legend", groups, 6.0, "what the arrows and cells mean")
    sink.label(
        "legend:title", x0 + PAD, TOP + PAD, width - 2 * PAD, lh, "legend", "text.dim", SIZE_SMALL, "left", True, groups
    )
    y0 = TOP + PAD + lh + 6
    arrows = []
    for k, (kind, text) in enumerate(ARROWS):
        cy = y0 + k * ROW + (ROW - 6) / 2
        x = x0 + PAD
        arrows.append(Arrow(f"legend:arrow:{kind}", x, cy, x + SAMPLE_W, cy, kind, "right", "left", groups, "", 0.0))
        sink.label(
            f"legend:arrow:{kind}:text",
            x + SAMPLE_W + 10,
            cy - lh / 2,
            text_width(text, SIZE_SMALL),
            lh,
            text,
            "text",
            SIZE_SMALL,
            "left",
            False,
            groups,
        )
    for k, (style, text) in enumerate(CELLS):
        x = x0 + col1 + 32
        y = y0 + k * ROW
        sink.rect(f"legend:cell:{style}", x, y, CELL_W, ROW - 6, style, groups)
        sink.label(
            f"legend:cell:{style}:text",
            x + CELL_W + 10,
            y + (ROW - 6 - lh) / 2,
            text_width(text, SIZE_SMALL),
            lh,
            text,
            "text",
            SIZE_SMALL,
            "left",
            False,
            groups,
        )
    return arrows
