"""Exporters in a registry keyed by format, so the app's export menu and the command line list the same formats.

An exporter is `export(diagram, path, theme, scale) -> Path`: it writes one file and opens no dialog. The built-in
ones import Qt only when called, so listing formats (for `--help` or argument checks) stays Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ExportFn = Callable[..., Path]


@dataclass(frozen=True, slots=True)
class Exporter:
    format: str  # the registry key, also the file suffix without the dot
    title: str  # what a menu or a help text calls it
    export: ExportFn  # (diagram, path, theme, scale) -> the path written
    raster: bool = False  # pixels (scale sets the pixel size) rather than vectors (scale sets the nominal size)

    @property
    def suffix(self) -> str:
        return "." + self.format


_EXPORTERS: dict[str, Exporter] = {}


def register(exporter: Exporter) -> Exporter:
    if exporter.format in _EXPORTERS:
        raise ValueError(f"an exporter for {exporter.format!r} is already registered")
    _EXPORTERS[exporter.format] = exporter
    return exporter


def formats() -> tuple[str, ...]:
    """The registered format names, in registration order (the first one is the default)."""
    return tuple(_EXPORTERS)


def exporter_for(fmt: str) -> Exporter:
    try:
        return _EXPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(formats())}") from None


def export(diagram, path, fmt: str, theme: str = "light", scale: float = 1.0) -> Path:
    return exporter_for(fmt).export(diagram, Path(path), theme, scale)


def _png(diagram, path: Path, theme: str, scale: float) -> Path:
    from whiteboard.canvas.render import render_png

    return render_png(diagram, path, theme, scale)


def _svg(diagram, path: Path, theme: str, scale: float) -> Path:
    from whiteboard.canvas.render import render_svg

    render_svg(diagram, path, theme, scale)
    if not path.is_file():  # QSvgGenerator fails silently
        raise OSError(f"could not write {path}")
    return path


def _pdf(diagram, path: Path, theme: str, scale: float) -> Path:
    from whiteboard.canvas.render import render_pdf

    return render_pdf(diagram, path, theme, scale)


register(Exporter("png", "PNG image", _png, raster=True))
register(Exporter("svg", "SVG drawing", _svg))
register(Exporter("pdf", "PDF document", _pdf))
