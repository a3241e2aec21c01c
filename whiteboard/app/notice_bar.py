"""The bar under the board that answers a gesture: what Enter will do while a target is being chosen, why a gesture
has no Rust meaning, and — when Rust says no to the edit — rustc's code and headline with one button to undo the
edit (and, for a missing `mut`, one to add it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from whiteboard.app.fonts import ui_font

NOTICE_POINT_SIZE = 16
COLOURS = {  # (background, ink, border) per kind
    "hint": ("#e8f1fa", "#0b2e4f", "#0072B2"),
    "refused": ("#fff4e0", "#3d2600", "#E69F00"),
    "error": ("#fde9e1", "#4a1200", "#D55E00"),
}


class NoticeBar(QWidget):
    undo_clicked = Signal()
    fix_clicked = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WA_StyledBackground, True)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 12, 8)
        row.setSpacing(12)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.PlainText)
        self.label.setFont(ui_font(NOTICE_POINT_SIZE))
        self.label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Minimum)
        row.addWidget(self.label, 1)
        self.fix = QPushButton(self)
        self.undo = QPushButton(self)
        for button in (self.fix, self.undo):
            button.setFont(ui_font(NOTICE_POINT_SIZE - 2, bold=True))
            button.setCursor(Qt.PointingHandCursor)
            row.addWidget(button)
        self.fix.clicked.connect(self.fix_clicked)
        self.undo.clicked.connect(self.undo_clicked)
        self.kind = ""
        self.clear()

    def show_notice(self, kind: str, text: str, undo: str = "", fix: str = "") -> None:
        """`kind`: "hint", "refused" or "error"; `undo`/`fix`: button texts (empty: no button)."""
        self.kind = kind
        back, ink, border = COLOURS[kind]
        self.setStyleSheet(
            f"NoticeBar {{ background: {back}; border-top: 3px solid {border}; }} QLabel {{ color: {ink}; }}"
        )
        self.label.setText(text)
        self.undo.setText(undo)
        self.undo.setVisible(bool(undo))
        self.fix.setText(fix)
        self.fix.setVisible(bool(fix))
        self.setVisible(True)

    def clear(self) -> None:
        self.kind = ""
        self.label.setText("")
        self.setVisible(False)

    def text(self) -> str:
        return self.label.text()
