"""Text measurement without Qt: every canvas text uses the bundled monospace font (DejaVu Sans Mono), whose glyphs
all advance 0.602 em (1233/2048 font units, measured with QFontMetricsF), so widths are exact arithmetic."""

from __future__ import annotations

ADVANCE_EM = 1233 / 2048  # DejaVu Sans Mono advance width, regular and bold alike
LINE_EM = 1.164  # ascent 0.928 + descent 0.236

FONT_FAMILY = "DejaVu Sans Mono"
FONT_FILES = ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf")

# Font sizes in scene units. At "fit to window" on a 1920×1080 projector a typical board is shown near 1:1, and
# 18 px is the smallest size the back row of a classroom reads comfortably.
SIZE_VALUE = 18.0
SIZE_SMALL = 14.0  # addresses, sizes, types
SIZE_TITLE = 22.0  # frame and block titles
SIZE_REGION = 28.0  # "STACK", "HEAP", "STATIC DATA"


def text_width(text: str, size: float) -> float:
    return len(text) * ADVANCE_EM * size


def line_height(size: float) -> float:
    return LINE_EM * size


def fit(text: str, width: float, size: float) -> str:
    """`text` cut with an ellipsis so it fits `width` (the full text goes in the tooltip)."""
    room = int(width / (ADVANCE_EM * size))
    if len(text) <= room:
        return text
    return text[: max(room - 1, 0)] + "…" if room > 0 else ""
