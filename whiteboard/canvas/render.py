"""Render a diagram without a window: to a QImage, PNG, SVG or PDF, through the same items the canvas shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from whiteboard.canvas.fonts import ensure_app
from whiteboard.canvas.scene import BoardScene

MARGIN = 24.0


def build_scene(diagram, theme: str = "light") -> BoardScene:
    ensure_app()
    scene = BoardScene(theme, cached=False)
    scene.sync(diagram)
    return scene


def _source_rect(diagram) -> QRectF:
    x, y, w, h = diagram.bounds
    return QRectF(x - MARGIN, y - MARGIN, w + 2 * MARGIN, h + 2 * MARGIN)


def _paint(scene: BoardScene, painter: QPainter, target: QRectF, source: QRectF) -> None:
    painter.setRenderHint(QPainter.Antialiasing, True)
    painter.setRenderHint(QPainter.TextAntialiasing, True)
    painter.fillRect(target, scene.backgroundBrush())
    scene.render(painter, target, source, Qt.KeepAspectRatio)


def render_image(diagram, theme: str = "light", scale: float = 1.0, size: tuple[int, int] | None = None) -> QImage:
    """The diagram at `scale` (1 = one pixel per scene unit), or fitted into `size` (width, height) if given."""
    scene = build_scene(diagram, theme)
    source = _source_rect(diagram)
    if size is None:
        size = (max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))
    image = QImage(size[0], size[1], QImage.Format_ARGB32_Premultiplied)
    image.fill(scene.backgroundBrush().color())
    painter = QPainter(image)
    _paint(scene, painter, QRectF(0, 0, size[0], size[1]), source)
    painter.end()
    return image


def render_png(diagram, path, theme: str = "light", scale: float = 1.0, size=None) -> Path:
    path = Path(path)
    image = render_image(diagram, theme, scale, size)
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


def render_svg(diagram, path, theme: str = "light", scale: float = 1.0) -> Path:
    path = Path(path)
    scene = build_scene(diagram, theme)
    source = _source_rect(diagram)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setResolution(96)  # scene units are CSS pixels; without this the width is written in 72-dpi mm
    width, height = round(source.width() * scale), round(source.height() * scale)
    generator.setSize(QSizeF(width, height).toSize())
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setTitle("Rust Memory Whiteboard")
    painter = QPainter(generator)
    _paint(scene, painter, QRectF(0, 0, width, height), source)
    painter.end()
    return path


def render_pdf(diagram, path, theme: str = "light", scale: float = 1.0) -> Path:
    """One page the diagram's shape, vector text and lines (scale only changes the page's nominal size)."""
    path = Path(path)
    scene = build_scene(diagram, theme)
    source = _source_rect(diagram)
    writer = QPdfWriter(str(path))
    writer.setResolution(96)
    points = QSizeF(source.width() * scale * 0.75, source.height() * scale * 0.75)  # 96 px per inch → points
    writer.setPageSize(QPageSize(points, QPageSize.Point, "board"))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setTitle("Rust Memory Whiteboard")
    painter = QPainter(writer)
    target = QRectF(0, 0, writer.width(), writer.height())
    _paint(scene, painter, target, source)
    painter.end()
    if not path.exists():
        raise OSError(f"could not write {path}")
    return path
