"""Starting the desktop app: `whiteboard [FILE] [--theme NAME] [--step N] [--size WxH] [--screenshot PNG]`.

Without a file the start page lists the lessons. If an earlier session died with unsaved work, a banner offers it back.

`--screenshot` grabs the window once it is painted and on the step asked for, then quits: the Xvfb smoke test and
the benchmarks use it to prove the whole window comes up.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ORGANISATION = "rust-memory-whiteboard"
APPLICATION = "Rust Memory Whiteboard"
SETTINGS_ENV = "WHITEBOARD_SETTINGS_DIR"  # a folder for the settings file instead of the user's (tests, demos)
SCREENSHOT_TIMEOUT_MS = 20_000


def scenes_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)  # inside a PyInstaller bundle
    if frozen:
        return Path(frozen) / "scenes"
    import whiteboard

    return Path(whiteboard.__file__).resolve().parent.parent / "scenes"


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1920x1080") from None
    if w < 200 or h < 150:
        raise argparse.ArgumentTypeError(f"{text} is too small for the window (at least 200x150)")
    return w, h


def _parser() -> argparse.ArgumentParser:
    from whiteboard.canvas.themes import THEME_NAMES

    parser = argparse.ArgumentParser(
        prog="whiteboard",
        description="Rust Memory Whiteboard: open a Rust program and step through its static data, stack and heap. "
        "(Command-line tools: whiteboard run|trace|layout --help.)",
    )
    parser.add_argument("file", nargs="?", help="a board (.whiteboard) or a Rust program (.rs); default: the lessons")
    parser.add_argument("--theme", choices=THEME_NAMES, help="colours: light, dark or projector (high contrast)")
    parser.add_argument("--step", type=int, default=None, help="show this step (0-based) first")
    parser.add_argument("--size", type=_size, default=None, metavar="WxH", help="window size, e.g. 1920x1080")
    parser.add_argument("--screenshot", metavar="PNG", help="save the window to PNG once shown, then quit")
    # For benchmarks/bench_canvas.py: quit as soon as the window has painted once.
    parser.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    return parser


def make_settings():
    from PySide6.QtCore import QSettings

    folder = os.environ.get(SETTINGS_ENV)
    if folder:
        return QSettings(str(Path(folder) / "whiteboard.ini"), QSettings.IniFormat)
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANISATION, "whiteboard")


def run_app(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)

    from PySide6.QtWidgets import QApplication

    from whiteboard.app.fonts import load_fonts, ui_font
    from whiteboard.app.main_window import MainWindow

    app = QApplication.instance()
    owns_app = app is None
    if owns_app:
        app = QApplication([sys.argv[0] if sys.argv else "whiteboard"])
        app.setStyle("Fusion")  # the same look on every OS, and a dark palette that actually applies
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    load_fonts()
    app.setFont(ui_font())

    window = MainWindow(make_settings(), theme=args.theme, deferred=True)
    if args.size:
        window.resize(*args.size)
    path = Path(args.file) if args.file else None
    if path is not None and args.screenshot:
        from whiteboard.document.board_file import BoardFileError, read_board

        try:  # unattended: a message box would wait forever
            read_board(path)
        except BoardFileError as err:
            print(f"whiteboard: {err}".replace("\n", " "), file=sys.stderr)
            return 2
    loaded = {"done": False}

    def load() -> None:
        # Running the program and importing the plot library take longer than showing the window: they happen
        # once the window has painted, so the user sees the window at once and the board a moment later.
        window.finish_building()
        if path is not None:
            window.open_file(path)
        else:
            window.show_start_page()
        if args.step is not None:
            window.go_to(args.step, animate=False)
        window.offer_recovery()
        loaded["done"] = True

    window.show()
    _after_first_paint(app, window, app.quit if args.exit_after_first_paint else load)

    if args.screenshot:
        return _screenshot_and_quit(app, window, Path(args.screenshot), lambda: loaded["done"])
    code = app.exec()
    window.stop_all()
    return code


def _after_first_paint(app, window, then) -> None:
    """Call `then` from the event loop right after the first paint of any part of `window`."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Paint and isinstance(watched, QWidget) and watched.window() is window:
                app.removeEventFilter(self)
                QTimer.singleShot(0, then)
            return False

    from PySide6.QtWidgets import QWidget

    spy = FirstPaint(window)
    app.installEventFilter(spy)


def _screenshot_and_quit(app, window, target: Path, loaded) -> int:
    """Grab once the window is exposed and painted and the board is still (a few event-loop turns later)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    # A loop of its own, not app.exec()/app.quit(): quitting the application leaves pytest-qt's waits returning at
    # once for the rest of a test session.
    loop = QEventLoop()
    clock = QElapsedTimer()
    clock.start()
    outcome = {"code": 1}

    def attempt() -> None:
        handle = window.windowHandle()
        ready = handle is not None and handle.isExposed() and loaded() and not window.board.is_animating()
        if ready and window.on_start_page():
            ready = window.start_page.thumbnails_done()
        if not ready and clock.elapsed() < SCREENSHOT_TIMEOUT_MS:
            QTimer.singleShot(50, attempt)
            return
        window.repaint()
        outcome["code"] = 0 if window.grab().save(str(target), "PNG") else 1
        if outcome["code"]:
            print(f"whiteboard: could not write {target}", file=sys.stderr)
        window.stop_all()
        window.close()
        window.deleteLater()
        loop.quit()

    QTimer.singleShot(100, attempt)
    loop.exec()
    return outcome["code"]
