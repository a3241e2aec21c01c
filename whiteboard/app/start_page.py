"""The start page: what a student sees when opening the app for the first time. The lessons in teaching order, each
with its number, title, one-line summary and a thumbnail of its fullest step; Enter or a click opens one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from whiteboard.app.fonts import ui_font
from whiteboard.app.thumbnails import THUMB_SIZE, lesson_thumbnail
from whiteboard.canvas.themes import get_theme
from whiteboard.document.lessons import Lesson, list_lessons

PATH_ROLE = Qt.UserRole + 1
CARD_WIDTH = THUMB_SIZE[0] + 24
CARD_HEIGHT = THUMB_SIZE[1] + 118  # thumbnail, then three lines of title and summary


class StartPage(QWidget):
    lesson_chosen = Signal(Path)
    open_requested = Signal()
    back_requested = Signal()

    def __init__(self, lessons_folder: Path, cache: Path | None, parent=None, theme: str = "light") -> None:
        super().__init__(parent)
        self.cache = cache
        self.theme = theme
        self.lessons: list[Lesson] = list_lessons(lessons_folder)
        self._pending: list[int] = []

        title = QLabel("Rust Memory Whiteboard", self)
        title.setFont(ui_font(30, bold=True))
        subtitle = QLabel(
            "How Rust lays out memory — static data, stack and heap — one step at a time. Choose a lesson:", self
        )
        subtitle.setFont(ui_font(16))
        subtitle.setWordWrap(True)

        self.list = QListWidget(self)
        self.list.setViewMode(QListView.IconMode)
        self.list.setResizeMode(QListView.Adjust)
        self.list.setMovement(QListView.Static)
        self.list.setWrapping(True)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(True)
        self.list.setIconSize(QSize(*THUMB_SIZE))
        self.list.setGridSize(QSize(CARD_WIDTH, CARD_HEIGHT))
        self.list.setSpacing(8)
        self.list.setFont(ui_font(13))
        self.list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.list.setTextElideMode(Qt.ElideNone)
        self.list.setAccessibleName("Lessons")
        placeholder = QPixmap(*THUMB_SIZE)
        placeholder.fill(QColor(get_theme(theme).background))
        for number, lesson in enumerate(self.lessons, 1):
            item = QListWidgetItem(QIcon(placeholder), f"{number}. {lesson.title}\n{lesson.summary}")
            item.setData(PATH_ROLE, str(lesson.path))
            item.setToolTip(f"{lesson.title}\n{lesson.summary}\n{lesson.path.name}")
            item.setSizeHint(QSize(CARD_WIDTH - 16, CARD_HEIGHT - 16))
            item.setTextAlignment(Qt.AlignHCenter | Qt.AlignTop)
            self.list.addItem(item)
        if self.lessons:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)

        self.open_button = QPushButton("Open a program or board…", self)
        self.back_button = QPushButton("Back to the board", self)
        for button in (self.open_button, self.back_button):
            button.setFont(ui_font(14))
            button.setMinimumHeight(40)
        self.open_button.clicked.connect(self.open_requested)
        self.back_button.clicked.connect(self.back_requested)
        self.back_button.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        empty = QLabel(f"No lessons found in {lessons_folder}.", self)
        empty.setVisible(not self.lessons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def set_can_go_back(self, on: bool) -> None:
        self.back_button.setVisible(on)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.list.setFocus()
        self.load_thumbnails()

    def load_thumbnails(self) -> None:
        """Draw the missing thumbnails, one per event-loop turn, so the page answers clicks meanwhile."""
        if not self._pending:
            self._pending = [i for i in range(self.list.count()) if not self.list.item(i).data(Qt.UserRole + 2)]
            if self._pending:
                QTimer.singleShot(0, self._next_thumbnail)

    def thumbnails_done(self) -> bool:
        return all(self.list.item(i).data(Qt.UserRole + 2) for i in range(self.list.count()))

    def _next_thumbnail(self) -> None:
        if not self._pending or not self.isVisible():
            self._pending = []
            return
        row = self._pending.pop(0)
        item = self.list.item(row)
        image: QImage | None = lesson_thumbnail(Path(item.data(PATH_ROLE)), self.theme, self.cache)
        if image is not None:
            item.setIcon(QIcon(QPixmap.fromImage(image)))
        item.setData(Qt.UserRole + 2, True)  # done, even if the lesson could not be drawn
        if self._pending:
            QTimer.singleShot(0, self._next_thumbnail)

    def _activated(self, item: QListWidgetItem) -> None:
        self.lesson_chosen.emit(Path(item.data(PATH_ROLE)))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.list.currentItem() is not None:
            self._activated(self.list.currentItem())
            return
        super().keyPressEvent(event)
