"""The caption under the board: what the step just shown did and why, in a teacher's words and in type large enough
for the back of a classroom. Captions come from the program's comments (see whiteboard/document/captions.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from whiteboard.app.fonts import ui_font
from whiteboard.canvas.themes import get_theme

CAPTION_POINT_SIZE = 19
CAPTION_INK = {"light": "#1b1b1b", "dark": "#f2f2f2", "projector": "#000000"}


class CaptionBar(QLabel):
    def __init__(self, parent=None, theme: str = "light") -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setFont(ui_font(CAPTION_POINT_SIZE))
        self.setContentsMargins(18, 10, 18, 10)
        self.setAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        self.setTextFormat(Qt.PlainText)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Minimum)
        self.setAccessibleName("Caption of the step shown")
        self.set_theme(theme)
        self.set_caption("")

    def set_caption(self, text: str) -> None:
        """An empty caption hides the bar, so a program without captions keeps all its height for the board."""
        self.setText(text)
        self.setVisible(bool(text))

    def caption(self) -> str:
        return self.text()

    def set_theme(self, name: str) -> None:
        theme = get_theme(name)
        ink = CAPTION_INK.get(name, "#1b1b1b")
        line = theme.style("frame").stroke
        self.setStyleSheet(f"QLabel {{ background: {theme.background}; color: {ink}; border-top: 3px solid {line}; }}")
