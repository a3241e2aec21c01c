"""The start page: what a student sees when opening the app for the first time. The lessons in teaching order, each
with its number, title, one-line summary and a thumbnail of its fullest step; Enter or a click opens one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from whiteboard.app.fonts import ui_font
from whiteboard.app.thumbnails import THUMB_SIZE, lesson_thumbnail
from whiteboard.canvas.themes import get_theme
from whiteboard.document.lessons import Lesson, list_lessons

PATH_ROLE = Qt.UserRole + 1
DONE_ROLE = Qt.UserRole + 2  # the thumbnail has been drawn (or could not be)
TITLE_ROLE = Qt.UserRole + 3
SUMMARY_ROLE = Qt.UserRole + 4
CARD_WIDTH = THUMB_SIZE[0] + 32
CARD_HEIGHT = THUMB_SIZE[1] + 132  # thumbnail, then the title and three lines of summary
PAD = 12


class LessonCard(QStyledItemDelegate):
    """A card: the thumbnail framed, the title in bold, the summary below in a quieter colour. The current card gets
    a thick outline rather than a flood of colour, so its thumbnail stays readable."""

    def paint(self, painter: QPainter, option, index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        palette = option.palette
        card = option.rect.adjusted(4, 4, -4, -4)
        selected = bool(option.state & QStyle.State_Selected)
        hovered = bool(option.state & QStyle.State_MouseOver)
        painter.setPen(QPen(palette.highlight().color(), 4) if selected else QPen(palette.mid().color(), 1))
        painter.setBrush(palette.base().color().darker(104) if hovered and not selected else palette.base())
        painter.drawRoundedRect(card, 8, 8)
        icon: QIcon = index.data(Qt.DecorationRole)
        thumb = QRect(card.left() + (card.width() - THUMB_SIZE[0]) // 2, card.top() + PAD, *THUMB_SIZE)
        if icon is not None:
            icon.paint(painter, thumb)
        painter.setPen(QPen(palette.mid().color(), 1))
        painter.setBrush(Qt.NoBrush)
        painter.drawRect(thumb)
        text = QRect(card.left() + PAD, thumb.bottom() + 10, card.width() - 2 * PAD, card.bottom() - thumb.bottom())
        painter.setFont(ui_font(15, bold=True))
        painter.setPen(palette.text().color())
        title_rect = painter.boundingRect(text, Qt.TextWordWrap, index.data(TITLE_ROLE))
        painter.drawText(text, Qt.TextWordWrap, index.data(TITLE_ROLE))
        painter.setFont(ui_font(12.5))
        painter.setPen(palette.placeholderText().color().darker(130))
        painter.drawText(text.adjusted(0, title_rect.height() + 4, 0, 0), Qt.TextWordWrap, index.data(SUMMARY_ROLE))
        painter.restore()

    cell = QSize(CARD_WIDTH, CARD_HEIGHT)  # the page widens the cards to share a row's spare width

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        return self.cell


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
        self.cards = LessonCard(self.list)
        self.list.setItemDelegate(self.cards)
        self.list.setMouseTracking(True)  # hover feedback
        self.list.setFrameShape(QListWidget.NoFrame)
        self.list.setFont(ui_font(13))
        self.list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.list.setTextElideMode(Qt.ElideNone)
        self.list.setAccessibleName("Lessons")
        placeholder = QPixmap(*THUMB_SIZE)
        placeholder.fill(QColor(get_theme(theme).background))
        for number, lesson in enumerate(self.lessons, 1):
            item = QListWidgetItem(QIcon(placeholder), f"{number}. {lesson.title}\n{lesson.summary}")
            item.setData(TITLE_ROLE, f"{number}. {lesson.title}")
            item.setData(SUMMARY_ROLE, lesson.summary)
            item.setData(PATH_ROLE, str(lesson.path))
            item.setToolTip(f"{lesson.title}\n{lesson.summary}\n{lesson.path.name}")
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

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # Share the row's spare width between the cards, so the grid fills the page instead of leaving a gap.
        width = self.list.viewport().width() - 8
        columns = max(1, width // (CARD_WIDTH + 8))
        cell = QSize(width // columns, CARD_HEIGHT + 8)
        self.list.setGridSize(cell)
        self.cards.cell = QSize(cell.width() - 8, CARD_HEIGHT)
        self.list.doItemsLayout()

    def set_can_go_back(self, on: bool) -> None:
        self.back_button.setVisible(on)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.list.setFocus()
        self.load_thumbnails()

    def load_thumbnails(self) -> None:
        """Draw the missing thumbnails, one per event-loop turn, so the page answers clicks meanwhile."""
        if not self._pending:
            self._pending = [i for i in range(self.list.count()) if not self.list.item(i).data(DONE_ROLE)]
            if self._pending:
                QTimer.singleShot(0, self._next_thumbnail)

    def thumbnails_done(self) -> bool:
        return all(self.list.item(i).data(DONE_ROLE) for i in range(self.list.count()))

    def _next_thumbnail(self) -> None:
        if not self._pending or not self.isVisible():
            self._pending = []
            return
        row = self._pending.pop(0)
        item = self.list.item(row)
        image: QImage | None = lesson_thumbnail(Path(item.data(PATH_ROLE)), self.theme, self.cache)
        if image is not None:
            item.setIcon(QIcon(QPixmap.fromImage(image)))
        item.setData(DONE_ROLE, True)  # done, even if the lesson could not be drawn
        if self._pending:
            QTimer.singleShot(0, self._next_thumbnail)

    def _activated(self, item: QListWidgetItem) -> None:
        self.lesson_chosen.emit(Path(item.data(PATH_ROLE)))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.list.currentItem() is not None:
            self._activated(self.list.currentItem())
            return
        if event.key() == Qt.Key_Escape and self.back_button.isVisible():
            self.back_requested.emit()
            return
        super().keyPressEvent(event)
