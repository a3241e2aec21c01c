"""The bundled fonts for the panels: the same DejaVu files the canvas renders with, so code and board match.

Loading lives in the canvas layer (`whiteboard.canvas.fonts`), which the exporters use without a window; the app
only adds the sizes a projector needs.
"""

from __future__ import annotations

from PySide6.QtGui import QFont

from whiteboard.canvas.fonts import assets_dir, load_fonts
from whiteboard.diagram.metrics import FONT_FAMILY

__all__ = ["CODE_POINT_SIZE", "UI_POINT_SIZE", "assets_dir", "code_font", "load_fonts", "ui_font"]

MONO_FAMILY = FONT_FAMILY
UI_FAMILY = "DejaVu Sans"
CODE_POINT_SIZE = 15  # read from the back of a classroom on a 1080p projector
UI_POINT_SIZE = 13


def code_font(point_size: float = CODE_POINT_SIZE) -> QFont:
    load_fonts()
    font = QFont(MONO_FAMILY)
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.Monospace)
    font.setFixedPitch(True)
    return font


def ui_font(point_size: float = UI_POINT_SIZE, bold: bool = False) -> QFont:
    load_fonts()
    font = QFont(UI_FAMILY)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font
