"""Qt items for diagram primitives. They hold a primitive (plain data) and paint it with the scene's theme; the
animator moves, resizes, fades and flashes them, nothing else."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPainterPathStroker, QPen, QPolygonF, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem

from whiteboard.diagram import metrics
from whiteboard.diagram.primitives import Arrow, Label, Rect
from whiteboard.diagram.routes import control_points

_DASH = {"solid": Qt.SolidLine, "dash": Qt.DashLine, "dot": Qt.DotLine}
_cache: dict = {}  # (theme name, style name, what) -> QPen / QBrush / QColor / QFont, built once


def _pen(theme, style_name: str, scale: float = 1.0) -> QPen:
    key = (theme.name, style_name, "pen", scale)
    pen = _cache.get(key)
    if pen is None:
        style = theme.style(style_name)
        if style.stroke is None:
            pen = QPen(Qt.NoPen)
        else:
            pen = QPen(QColor(style.stroke), style.width * theme.line_scale * scale)
            pen.setStyle(_DASH.get(style.dash, Qt.SolidLine))
            pen.setCapStyle(Qt.FlatCap if style.dash != "solid" else Qt.RoundCap)
            pen.setJoinStyle(Qt.RoundJoin)
        _cache[key] = pen
    return pen


def _brush(theme, style_name: str) -> QBrush:
    key = (theme.name, style_name, "brush")
    brush = _cache.get(key)
    if brush is None:
        style = theme.style(style_name)
        brush = QBrush(QColor(style.fill)) if style.fill else QBrush(Qt.NoBrush)
        _cache[key] = brush
    return brush


def _hatch(theme, style_name: str) -> QBrush | None:
    key = (theme.name, style_name, "hatch")
    if key not in _cache:
        style = theme.style(style_name)
        _cache[key] = QBrush(QColor(style.hatch), Qt.BDiagPattern) if style.hatch else None
    return _cache[key]


def _text_colour(theme, style_name: str) -> QColor:
    key = (theme.name, style_name, "text")
    colour = _cache.get(key)
    if colour is None:
        colour = _cache[key] = QColor(theme.style(style_name).text)
    return colour


def font(size: float, bold: bool = False) -> QFont:
    key = ("font", size, bold)
    f = _cache.get(key)
    if f is None:
        f = QFont(metrics.FONT_FAMILY)
        f.setPixelSize(max(1, round(size)))
        f.setBold(bold)
        f.setStyleHint(QFont.Monospace)
        f.setKerning(False)
        _cache[key] = f
    return f


class PrimMixin:
    """Common state: the primitive shown, a flash level (0..1) and its kind ("write" or "drop").

    The items derive from Qt's own rect and path items so that `boundingRect`, which the view asks of every item on
    every repaint, is answered in C++; only `paint` runs Python, and a cached pixmap spares most of those calls."""

    def _init(self, prim, z: float) -> None:
        self.prim = prim
        self.flash = 0.0
        self.flash_kind = "write"
        self.setZValue(z)
        # An invisible pen only widens the C++ bounding rect, leaving room for outlines and the flash ring.
        self.setPen(_MARGIN_PEN)
        tooltip = getattr(prim, "tooltip", "")
        if tooltip:
            self.setToolTip(tooltip)

    def theme(self):
        scene = self.scene()
        return scene.theme if scene is not None else None

    def set_geometry(self, x: float, y: float, w: float, h: float) -> None:
        """Boxes and labels: a rect item of (w, h) placed at (x, y)."""
        if w != self.w or h != self.h:
            self.w, self.h = w, h
            self.setRect(0, 0, w, h)
        self.setPos(x, y)


_MARGIN_PEN = QPen(Qt.transparent, 12.0)
_ARROW_MARGIN_PEN = QPen(Qt.transparent, 32.0)


class RectItem(PrimMixin, QGraphicsRectItem):
    def __init__(self, prim: Rect, z: float) -> None:
        QGraphicsRectItem.__init__(self, 0, 0, prim.w, prim.h)
        self._init(prim, z)
        self.w = prim.w
        self.h = prim.h
        self.style = prim.style
        self.setPos(prim.x, prim.y)

    def set_prim(self, prim: Rect) -> None:
        self.prim = prim
        if prim.style != self.style:
            self.style = prim.style
            self.update()
        self.set_geometry(prim.x, prim.y, prim.w, prim.h)

    def paint(self, painter, option, widget=None) -> None:
        theme = self.theme()
        rect = QRectF(0, 0, self.w, self.h)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if self.w * lod < 2.0 and self.h * lod < 2.0 and self.flash == 0.0:
            # Smaller than two pixels: a dot of its outline colour says as much and costs a fraction.
            pen = _pen(theme, self.style)
            painter.fillRect(rect, pen.color() if pen.style() != Qt.NoPen else _brush(theme, self.style).color())
            return
        radius = self.prim.radius if self.prim.radius * lod >= 1.0 else 0.0
        painter.setPen(Qt.NoPen)
        # Hatching finer than a pixel is grey mush: leave it out when zoomed far out.
        for brush in (_brush(theme, self.style), _hatch(theme, self.style) if lod >= 0.35 else None):
            if brush is not None and brush.style() != Qt.NoBrush:
                painter.setBrush(brush)
                painter.drawRoundedRect(rect, radius, radius) if radius else painter.drawRect(rect)
        if self.flash > 0.0:
            colour = QColor(theme.flash_drop if self.flash_kind == "drop" else theme.flash_write)
            colour.setAlphaF(0.45 * self.flash)
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, radius, radius) if radius else painter.drawRect(rect)
        painter.setBrush(Qt.NoBrush)
        painter.setPen(_pen(theme, self.style))
        painter.drawRoundedRect(rect, radius, radius) if radius else painter.drawRect(rect)
        if self.flash > 0.0:
            colour = QColor(theme.flash_drop if self.flash_kind == "drop" else theme.flash_write)
            colour.setAlphaF(self.flash)
            painter.setPen(QPen(colour, 4.0 * theme.line_scale))
            painter.drawRect(rect.adjusted(-2, -2, 2, 2))


class LabelItem(PrimMixin, QGraphicsRectItem):
    def __init__(self, prim: Label, z: float) -> None:
        QGraphicsRectItem.__init__(self, 0, 0, prim.w, prim.h)
        self._init(prim, z)
        self._static: QStaticText | None = None
        self.w, self.h = prim.w, prim.h
        self.setPos(prim.x, prim.y)

    def set_prim(self, prim: Label) -> None:
        old = self.prim
        self.prim = prim
        if (old.text, old.style, old.size, old.bold, old.align) != (
            prim.text,
            prim.style,
            prim.size,
            prim.bold,
            prim.align,
        ):
            self._static = None
            self.update()
        if prim.tooltip != old.tooltip:
            self.setToolTip(prim.tooltip)
        self.set_geometry(prim.x, prim.y, prim.w, prim.h)

    def paint(self, painter, option, widget=None) -> None:
        prim = self.prim
        if not prim.text:
            return
        pixels = prim.size * option.levelOfDetailFromTransform(painter.worldTransform())
        if pixels < 4.0:
            # Text under 4 pixels cannot be read: a faint bar where it is keeps the picture's shape, cheaply.
            if pixels >= 0.5:
                colour = QColor(_text_colour(self.theme(), prim.style))
                colour.setAlphaF(0.35)
                width = min(metrics.text_width(prim.text, prim.size), self.w)
                painter.fillRect(QRectF(0, self.h * 0.3, width, self.h * 0.4), colour)
            return
        f = font(prim.size, prim.bold)
        if self._static is None:
            st = QStaticText(prim.text)
            st.setTextFormat(Qt.PlainText)
            st.setPerformanceHint(QStaticText.AggressiveCaching)
            st.prepare(painter.transform(), f)
            self._static = st
        width = metrics.text_width(prim.text, prim.size)
        if prim.align == "center":
            x = (self.w - width) / 2
        elif prim.align == "right":
            x = self.w - width
        else:
            x = 0.0
        y = (self.h - metrics.line_height(prim.size)) / 2
        painter.setFont(f)
        painter.setPen(_text_colour(self.theme(), prim.style))
        painter.drawStaticText(QPointF(x, y), self._static)


class ArrowItem(PrimMixin, QGraphicsPathItem):
    """A pointer. With a lane (the usual case) it runs horizontally to its lane, along it, and horizontally into its
    target, with rounded corners: lanes keep parallel pointers apart and off the boxes. Without one, a curve."""

    CORNER = 14.0

    def __init__(self, prim: Arrow, z: float) -> None:
        QGraphicsPathItem.__init__(self)
        self._init(prim, z)
        self.setPen(_ARROW_MARGIN_PEN)  # room for the head around the path
        self.ends = (prim.x1, prim.y1, prim.x2, prim.y2)
        self.lane = prim.lane
        self.progress = 1.0
        self._flat = None  # the path as a polyline with cumulative lengths, for growing
        self._path = None
        self._build()

    def set_prim(self, prim: Arrow) -> None:
        self.prim = prim
        self.set_ends(prim.x1, prim.y1, prim.x2, prim.y2, prim.lane)

    def set_ends(self, x1, y1, x2, y2, lane=None) -> None:
        ends = (x1, y1, x2, y2)
        if ends != self.ends or lane != self.lane or self._path is None:
            self.ends = ends
            self.lane = lane
            self._build()
        self.update()

    def _build(self) -> None:
        x1, y1, x2, y2 = self.ends
        if self.lane is None:
            self._build_curve()
        else:
            self._build_lane(x1, y1, x2, y2, self.lane)
        self._flat = None
        self.setPath(self._path)

    def _build_curve(self) -> None:
        prim = self.prim
        p1, c1, c2, p2 = control_points(*self.ends, prim.start_side, prim.end_side, prim.bend)
        path = QPainterPath(QPointF(*p1))
        path.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*p2))
        self._path = path
        # The head points along the curve's last tangent (from the second control point to the end).
        dx, dy = p2[0] - c2[0], p2[1] - c2[1]
        length = math.hypot(dx, dy) or 1.0
        self._dir = (dx / length, dy / length)

    def _build_lane(self, x1, y1, x2, y2, lane) -> None:
        path = QPainterPath(QPointF(x1, y1))
        dy = y2 - y1
        if abs(dy) < 1.0:
            path.lineTo(QPointF(x2, y2))
            self._path = path
            self._dir = (1.0 if x2 >= x1 else -1.0, 0.0)
            return
        sy = 1.0 if dy > 0 else -1.0
        sx1 = 1.0 if lane >= x1 else -1.0
        sx2 = 1.0 if x2 >= lane else -1.0
        r = min(self.CORNER, abs(dy) / 2, max(abs(lane - x1), 0.1), max(abs(x2 - lane), 0.1))
        path.lineTo(QPointF(lane - sx1 * r, y1))
        path.quadTo(QPointF(lane, y1), QPointF(lane, y1 + sy * r))
        path.lineTo(QPointF(lane, y2 - sy * r))
        path.quadTo(QPointF(lane, y2), QPointF(lane + sx2 * r, y2))
        path.lineTo(QPointF(x2, y2))
        self._path = path
        self._dir = (sx2, 0.0) if abs(x2 - lane) > 0.5 else (0.0, sy)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(self._path)

    # -- growing: an appearing pointer draws itself from its source to its target --------------------------------
    def set_progress(self, progress: float) -> None:
        """Show the first `progress` (0..1) of the arrow's length. Only the stretch that changed is repainted, so
        an arrow as tall as the board grows without repainting everything beside it every frame."""
        progress = max(0.0, min(1.0, progress))
        if progress == self.progress:
            return
        points, lengths = self._polyline()
        total = lengths[-1] or 1.0
        lo, hi = sorted((self.progress * total, progress * total))
        self.progress = progress
        xs, ys = [], []
        for (x, y), at in zip(points, lengths):
            if lo <= at <= hi:
                xs.append(x)
                ys.append(y)
        for at in (lo, hi):
            (x, y), _ = self._point_at(at)
            xs.append(x)
            ys.append(y)
        m = 24.0  # the head and the pen around the changed stretch
        self.update(QRectF(min(xs) - m, min(ys) - m, max(xs) - min(xs) + 2 * m, max(ys) - min(ys) + 2 * m))

    def _polyline(self):
        if self._flat is None:
            polygons = self._path.toSubpathPolygons()
            points = [(p.x(), p.y()) for poly in polygons for p in poly]
            lengths = [0.0]
            for (ax, ay), (bx, by) in zip(points, points[1:]):
                lengths.append(lengths[-1] + math.hypot(bx - ax, by - ay))
            self._flat = (points, lengths)
        return self._flat

    def _point_at(self, at: float):
        """The point `at` along the arrow and the direction there."""
        points, lengths = self._polyline()
        for i in range(1, len(points)):
            if lengths[i] >= at:
                (ax, ay), (bx, by) = points[i - 1], points[i]
                seg = lengths[i] - lengths[i - 1]
                f = (at - lengths[i - 1]) / seg if seg else 1.0
                d = math.hypot(bx - ax, by - ay) or 1.0
                return (ax + (bx - ax) * f, ay + (by - ay) * f), ((bx - ax) / d, (by - ay) / d)
        return points[-1], self._dir

    def paint(self, painter, option, widget=None) -> None:
        theme = self.theme()
        kind = self.prim.kind
        pen = _pen(theme, "arrow." + kind)
        painter.setRenderHint(painter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.NoBrush)
        painter.setPen(pen)
        if self.progress >= 1.0:
            painter.drawPath(self._path)
            (x2, y2), (ux, uy) = (self.ends[2], self.ends[3]), self._dir
        else:
            if self.progress <= 0.0:
                return
            points, lengths = self._polyline()
            at = self.progress * lengths[-1]
            (x2, y2), (ux, uy) = self._point_at(at)
            shown = [QPointF(x, y) for (x, y), length in zip(points, lengths) if length < at]
            painter.drawPolyline(QPolygonF([*shown, QPointF(x2, y2)]))
            if kind == "dangling":
                return  # the cross marks where it points, once it gets there
        self._paint_head(painter, pen, kind, x2, y2, ux, uy)

    @staticmethod
    def _paint_head(painter, pen, kind, x2, y2, ux, uy) -> None:
        size = 9.0 + pen.widthF() * 1.5
        bx, by = x2 - ux * size, y2 - uy * size  # base of the head
        nx, ny = -uy * size * 0.55, ux * size * 0.55
        solid = QPen(pen)
        solid.setStyle(Qt.SolidLine)
        painter.setPen(solid)
        if kind == "dangling":
            # A cross where the pointer points: nothing valid lives there any more.
            s = size * 0.6
            painter.drawLine(QPointF(x2 - s, y2 - s), QPointF(x2 + s, y2 + s))
            painter.drawLine(QPointF(x2 - s, y2 + s), QPointF(x2 + s, y2 - s))
            return
        head = QPolygonF([QPointF(x2, y2), QPointF(bx + nx, by + ny), QPointF(bx - nx, by - ny)])
        if kind in ("own", "mut"):
            painter.setBrush(QBrush(pen.color()))
            painter.drawPolygon(head)
            if kind == "mut":  # a bar across the shaft: "exclusive" even where dashes are hard to see
                cx, cy = bx - ux * size * 0.9, by - uy * size * 0.9
                painter.drawLine(QPointF(cx + nx * 1.2, cy + ny * 1.2), QPointF(cx - nx * 1.2, cy - ny * 1.2))
        else:  # shared and static: an open head
            painter.drawPolyline(QPolygonF([QPointF(bx + nx, by + ny), QPointF(x2, y2), QPointF(bx - nx, by - ny)]))


def make_item(prim, z: float, cached: bool = True) -> QGraphicsItem:
    """`cached`: on screen, boxes and texts keep a pixmap of themselves (repaints blit instead of running Python);
    an export paints each item once, at a scale of its own, so a cache would only cost."""
    if isinstance(prim, Arrow):
        return ArrowItem(prim, z)
    item = RectItem(prim, z) if isinstance(prim, Rect) else LabelItem(prim, z)
    if cached:
        item.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
    return item
