"""The bundled fonts, loaded once, so the canvas renders the same pixels on every machine."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from whiteboard.diagram import metrics

_loaded = False


def assets_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)  # inside a PyInstaller bundle
    base = Path(frozen) if frozen else Path(__file__).resolve().parents[2]
    return base / "assets"


def load_fonts() -> None:
    global _loaded
    if _loaded:
        return
    folder = assets_dir() / "fonts"
    for path in sorted(folder.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    if metrics.FONT_FAMILY not in QFontDatabase.families():
        # The layout measures text with this font's metrics; another font would overflow boxes.
        raise RuntimeError(f"the bundled font {metrics.FONT_FAMILY} is missing from {folder}")
    _loaded = True


def ensure_app() -> QApplication:
    """A QApplication for headless rendering (export, tests), with the fonts loaded."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    load_fonts()
    return app
