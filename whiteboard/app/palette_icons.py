"""Small pictures for the palette, drawn in the board's own language: a stack box, a heap block reached by a blue
owning arrow, a green shared or dashed vermillion `&mut` arrow, a frame for a call, braces for a block. A student
who has seen the board recognises what an item makes before reading its name."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

from whiteboard.canvas.themes import OKABE_ITO

SIZE = (44, 26)
STACK_FILL, STACK_LINE = "#dcebf7", "#2f5f8a"
HEAP_FILL, HEAP_LINE = "#fde9c4", "#b36b00"
STATIC_FILL, STATIC_LINE = "#d9f0e6", "#007a57"


def _box(p: QPainter, x: float, y: float, w: float, h: float, fill: str, line: str, dash: bool = False) -> None:
    pen = QPen(QColor(line), 1.6, Qt.DashLine if dash else Qt.SolidLine)
    p.setPen(pen)
    p.setBrush(QBrush(QColor(fill)))
    p.drawRoundedRect(QRectF(x, y, w, h), 2.5, 2.5)


def _arrow(p: QPainter, x1: float, y: float, x2: float, colour: str, dash: bool = False, width: float = 2.0) -> None:
    pen = QPen(QColor(colour), width, Qt.DashLine if dash else Qt.SolidLine)
    pen.setCapStyle(Qt.FlatCap)
    p.setPen(pen)
    p.drawLine(QPointF(x1, y), QPointF(x2 - 4, y))
    head = QPainterPath(QPointF(x2, y))
    head.lineTo(x2 - 6, y - 4)
    head.lineTo(x2 - 6, y + 4)
    head.closeSubpath()
    p.setPen(Qt.NoPen)
    p.setBrush(QBrush(QColor(colour)))
    p.drawPath(head)


def _draw(p: QPainter, key: str, group: str) -> None:
    if group == "heap":
        _box(p, 2, 8, 12, 10, STACK_FILL, STACK_LINE)
        _arrow(p, 14, 13, 27, OKABE_ITO["blue"])
        _box(p, 28, 4, 14, 18, HEAP_FILL, HEAP_LINE)
    elif group == "ref":
        target = (STATIC_FILL, STATIC_LINE) if key == "str" else (STACK_FILL, STACK_LINE)
        colour = {"ref": OKABE_ITO["green"], "refmut": OKABE_ITO["vermillion"]}.get(key, "#555555")
        _box(p, 2, 8, 12, 10, STACK_FILL, STACK_LINE)
        _arrow(p, 14, 13, 29, colour, dash=key == "refmut")
        _box(p, 30, 6, 12, 14, *target)
    elif group == "struct":
        _box(p, 4, 3, 36, 20, STACK_FILL, STACK_LINE)
        _box(p, 8, 9, 12, 10, "#ffffff", STACK_LINE)
        _box(p, 24, 9, 12, 10, "#ffffff", STACK_LINE)
    elif key == "call":
        for i, y in enumerate((12, 3)):
            _box(p, 6 + 2 * i, y, 30, 11, "#ffffff", "#0b2f52")
            p.fillRect(QRectF(6 + 2 * i, y, 30, 3.5), QColor("#0b2f52"))
    elif key == "block":
        font = QFont()
        font.setPixelSize(20)
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor(STACK_LINE))
        p.drawText(QRectF(0, 0, *SIZE), Qt.AlignCenter, "{ }")
    elif key in ("array", "tuple"):
        count = 3 if key == "array" else 2
        w = 36 / count
        for i in range(count):
            _box(p, 4 + i * w, 7, w, 12, STACK_FILL, STACK_LINE)
    elif key == "Option":
        _box(p, 10, 7, 24, 12, STACK_FILL, STACK_LINE, dash=True)  # the dashed edge of "maybe nothing"
    else:  # a scalar: one box, wider the more bytes it has
        w = {"u8": 8, "bool": 8}.get(key, 14 if key in ("i32", "char") else 20)
        _box(p, 22 - w / 2, 7, w, 12, STACK_FILL, STACK_LINE)


def palette_icon(key: str, group: str, scale: float = 1.0) -> QIcon:
    """The item's picture, drawn at `scale` (the screen's device pixel ratio) so it stays sharp."""
    pixmap = QPixmap(round(SIZE[0] * scale), round(SIZE[1] * scale))
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    _draw(painter, key, group)
    painter.end()
    return QIcon(pixmap)
