"""The strip above the board that offers back a board an earlier session did not save (it crashed, or was killed)."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from whiteboard.app.fonts import ui_font
from whiteboard.document.recovery import Recovered

BANNER_COLOURS = {"dark": ("#4a3b12", "#fff3c4"), "light": ("#fff3c4", "#1b1b1b"), "projector": ("#ffe066", "#000")}


class RecoveryBanner(QFrame):
    restore = Signal(object)
    discard = Signal(object)

    def __init__(self, recovered: Recovered, parent=None, theme: str = "light") -> None:
        super().__init__(parent)
        self.recovered = recovered
        named = recovered.origin or recovered.shown
        name = Path(named).name if named else "an untitled board"
        when = time.strftime("%a %d %b, %H:%M", time.localtime(recovered.saved_at))
        lines = recovered.board.program.count("\n") + 1
        self.label = QLabel(
            f"The whiteboard closed without saving {name} ({when}, {lines} lines). Restore the unsaved work?", self
        )
        self.label.setFont(ui_font(13, bold=True))
        self.label.setWordWrap(True)
        self.restore_button = QPushButton("Restore", self)
        self.discard_button = QPushButton("Discard", self)
        self.discard_button.setToolTip("Delete the unsaved copy for good")
        for button in (self.restore_button, self.discard_button):
            button.setFont(ui_font(13))
            button.setMinimumHeight(34)
        self.restore_button.clicked.connect(lambda: self.restore.emit(self.recovered))
        self.discard_button.clicked.connect(lambda: self.discard.emit(self.recovered))
        background, ink = BANNER_COLOURS.get(theme, BANNER_COLOURS["light"])
        self.setStyleSheet(f"RecoveryBanner {{ background: {background}; }} QLabel {{ color: {ink}; }}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.discard_button)
