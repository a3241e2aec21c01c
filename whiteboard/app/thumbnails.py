"""Lesson thumbnails for the start page: the lesson's fullest step, rendered with the board's own renderer.

Rendering twelve lessons takes about a second, so thumbnails are drawn one per event-loop turn after the page shows
and kept on disk, keyed by the lesson's text, the theme and the app's version: the second start shows them at once.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtGui import QImage

import whiteboard

THUMB_SIZE = (360, 225)


def cache_key(source: str, theme: str) -> str:
    text = f"{whiteboard.__version__}\0{theme}\0{THUMB_SIZE}\0{source}"
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def lesson_thumbnail(path: Path, theme: str, cache: Path | None) -> QImage | None:
    """The thumbnail of the lesson at `path`, from the cache when it is there; None if the lesson cannot run."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    cached = cache / f"{cache_key(source, theme)}.png" if cache is not None else None
    if cached is not None and cached.is_file():
        image = QImage(str(cached))
        if not image.isNull():
            return image
    image = render_thumbnail(source, str(path), theme)
    if image is not None and cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            image.save(str(cached), "PNG")
        except OSError:
            pass  # a cache that cannot be written only costs time
    return image


def render_thumbnail(source: str, name: str, theme: str) -> QImage | None:
    from whiteboard.canvas.render import render_image
    from whiteboard.diagram.build import DiagramOptions, build_diagram
    from whiteboard.document.board import board_from_program
    from whiteboard.document.lessons import key_step
    from whiteboard.sim.run import run_source

    trace = run_source(source, name, record=True).trace
    if trace is None or not trace.steps:
        return None
    view = board_from_program(source).view
    options = DiagramOptions(addresses=False, byte_view=view.byte_view, allocator=view.allocator)
    return render_image(build_diagram(trace, key_step(trace), options), theme, size=THUMB_SIZE)
