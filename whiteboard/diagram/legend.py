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
SAMPLE_W = 48.0
CELL_W = 34.0
GAP = 28.0  # between entries of a row


def layout_legend(sink: Sink, x0: float) -> list[Arrow]:
    """Rects and labels go into `sink`; the sample arrows are returned, to be painted with the other arrows.

    Two rows (arrow kinds, then cell styles) rather than a table: the legend costs the board as little height as
    possible, since the board is fitted to the window and every row it adds makes the whole picture smaller."""
    groups = ("legend",)
    lh = line_height(SIZE_SMALL)
    title = "legend"
    title_w = text_width(title, SIZE_SMALL) + GAP
    row1 = sum(SAMPLE_W + 8 + text_width(t, SIZE_SMALL) + GAP for _, t in ARROWS) - GAP
    row2 = sum(CELL_W + 8 + text_width(t, SIZE_SMALL) + GAP for _, t in CELLS) - GAP
    width = PAD + title_w + max(row1, row2) + PAD
    height = PAD + 2 * ROW + PAD - 6
    sink.rect("legend", x0, TOP, width, height, "legend", groups, 6.0, "what the arrows and cells mean")
    sink.label(
        "legend:title", x0 + PAD, TOP + PAD, title_w, ROW - 6, title, "text.dim", SIZE_SMALL, "left", True, groups
    )
    arrows = []
    x = x0 + PAD + title_w
    cy = TOP + PAD + (ROW - 6) / 2
    for kind, text in ARROWS:
        arrows.append(Arrow(f"legend:arrow:{kind}", x, cy, x + SAMPLE_W, cy, kind, "right", "left", groups, "", 0.0))
        tw = text_width(text, SIZE_SMALL)
        sink.label(
            f"legend:arrow:{kind}:text",
            x + SAMPLE_W + 8,
            cy - lh / 2,
            tw,
            lh,
            text,
            "text",
            SIZE_SMALL,
            "left",
            False,
            groups,
        )
        x += SAMPLE_W + 8 + tw + GAP
    x = x0 + PAD + title_w
    y = TOP + PAD + ROW
    for style, text in CELLS:
        sink.rect(f"legend:cell:{style}", x, y, CELL_W, ROW - 6, style, groups)
        tw = text_width(text, SIZE_SMALL)
        sink.label(
            f"legend:cell:{style}:text",
            x + CELL_W + 8,
            y + (ROW - 6 - lh) / 2,
            tw,
            lh,
            text,
            "text",
            SIZE_SMALL,
            "left",
            False,
            groups,
        )
        x += CELL_W + 8 + tw + GAP
    return arrows
