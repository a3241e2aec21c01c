"""The step buttons' icons, drawn rather than taken from the style: the style's are black on every theme (lost on a
dark board) and small; these take the theme's ink colour and stay crisp at any size."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF

ICON_KINDS = ("first", "back", "play", "pause", "forward", "last")
SIZE = 64


def _triangle(painter: QPainter, x: float, width: float, pointing_right: bool) -> None:
    top, bottom, mid = 14.0, SIZE - 14.0, SIZE / 2
    if pointing_right:
        points = [QPointF(x, top), QPointF(x + width, mid), QPointF(x, bottom)]
    else:
        points = [QPointF(x + width, top), QPointF(x, mid), QPointF(x + width, bottom)]
    painter.drawPolygon(QPolygonF(points))


def _bar(painter: QPainter, x: float, width: float = 6.0) -> None:
    painter.drawRoundedRect(QRectF(x, 14.0, width, SIZE - 28.0), 1.5, 1.5)


def step_icon(kind: str, colour: str) -> QIcon:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(Qt.NoPen)
    painter.setBrush(QColor(colour))
    if kind == "first":  # |◀◀
        _bar(painter, 10)
        _triangle(painter, 16, 19, False)
        _triangle(painter, 35, 19, False)
    elif kind == "back":  # ◀|  (one step back)
        _triangle(painter, 14, 26, False)
        _bar(painter, 44)
    elif kind == "play":  # ▶
        _triangle(painter, 19, 30, True)
    elif kind == "pause":  # ❚❚
        _bar(painter, 18, 10)
        _bar(painter, 36, 10)
    elif kind == "forward":  # |▶  (one step forward)
        _bar(painter, 14)
        _triangle(painter, 24, 26, True)
    elif kind == "last":  # ▶▶|
        _triangle(painter, 10, 19, True)
        _triangle(painter, 29, 19, True)
        _bar(painter, 48)
    else:
        painter.end()
        raise ValueError(f"no icon {kind!r}: one of {', '.join(ICON_KINDS)}")
    painter.end()
    icon = QIcon(pixmap)
    return icon
