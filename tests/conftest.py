"""Test-wide settings: Qt runs offscreen (no display on CI; without this pytest aborts)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def no_animation_left_running(request):
    """A test that leaves a canvas animation running fails (napari's conftest does the same for timers): a
    running animation would keep changing items after the test looked at them."""
    yield
    if "PySide6.QtWidgets" not in __import__("sys").modules:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    from whiteboard.canvas.board_view import BoardView

    running = [w for w in app.allWidgets() if isinstance(w, BoardView) and w.is_animating()]
    for view in running:
        view.finish_animation()
    assert not running, f"{request.node.name} left {len(running)} canvas animation(s) running"


@pytest.fixture(autouse=True)
def no_modal_question_waits_forever(monkeypatch):
    """A window closed with unsaved changes asks Save / Discard / Cancel in a modal box, which nobody answers in a
    test run: tests answer "discard" unless they set their own answer on the window."""
    if "whiteboard.app.board_files" in __import__("sys").modules or "PySide6" in __import__("sys").modules:
        from whiteboard.app.board_files import BoardFiles

        monkeypatch.setattr(BoardFiles, "ask_unsaved", lambda self: "discard")
        from PySide6.QtWidgets import QMessageBox

        def unexpected(parent, title, text, *args, **kwargs):
            raise AssertionError(f"an unexpected error box: {title}: {text}")

        monkeypatch.setattr(QMessageBox, "critical", unexpected)


@pytest.fixture
def settings_dir(tmp_path, monkeypatch):
    """A private settings folder: nothing a test does may reach the user's settings (or their recovery files)."""
    from PySide6.QtCore import QSettings

    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.IniFormat)
    for scope in (QSettings.UserScope, QSettings.SystemScope):
        QSettings.setPath(QSettings.IniFormat, scope, str(folder))
    monkeypatch.setenv("WHITEBOARD_SETTINGS_DIR", str(folder))
    return folder
