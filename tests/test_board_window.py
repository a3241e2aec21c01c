"""The window keeps the user's work: edits run again, Save and Open round-trip a board with its view, a bad file or a
failed save loses nothing, closing with unsaved changes asks, and a killed app's work comes back on the next start."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from whiteboard.app.main_window import MainWindow
from whiteboard.sim.run import run_source

ROOT = Path(__file__).resolve().parent.parent

PROGRAM = """\
fn main() {
    // A Vec on the stack, nothing on the heap yet.
    let mut v: Vec<u32> = Vec::new();
    // The first push allocates room for 4.
    v.push(1);
    v.push(2);
    println!("{} {}", v.len(), v.capacity());
}
"""


def make_window(qtbot, settings_dir) -> MainWindow:
    win = MainWindow(QSettings(str(settings_dir / "whiteboard.ini"), QSettings.IniFormat))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot, settings_dir):
    win = make_window(qtbot, settings_dir)
    yield win
    win.stop_all()
    win.saved_program = win.program()  # nothing to ask about when pytest-qt closes it
    win.close_session()


@pytest.fixture
def warnings(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    return shown


def program_file(tmp_path, text=PROGRAM, name="vec.rs") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def type_text(win, text: str) -> None:
    """Type as a user would (QTest.keyClicks aborts on a newline: Return is pressed for it)."""
    view = win.code_panel.code_view
    view.setFocus()
    QApplication.processEvents()
    for i, line in enumerate(text.split("\n")):
        if i:
            QTest.keyClick(view, Qt.Key_Return)
        if line:
            QTest.keyClicks(view, line)


def test_editing_runs_the_program_again_and_keeps_the_step(window, tmp_path):
    assert window.open_file(program_file(tmp_path))
    window.go_to(2)
    assert window.caption_bar.caption() == "The first push allocates room for 4."
    window.go_to(4)
    cursor = window.code_panel.code_view.textCursor()
    cursor.setPosition(window.program().index("    println!"))
    window.code_panel.code_view.setTextCursor(cursor)
    type_text(window, "v.push(3); ")
    assert window.windowTitle() == "vec.rs* — Rust Memory Whiteboard"
    assert window.is_dirty()
    QTest.keyClick(window.code_panel.code_view, Qt.Key_Return, Qt.ControlModifier)  # run now
    expected = run_source(window.program(), "vec.rs", record=True).trace
    assert len(window.trace) == len(expected) and window.current_step() == 4
    window.last_step()
    assert window.code_panel.output_text() == "3 4\n" == expected.stdout


def test_a_pause_in_typing_runs_it_too(window, tmp_path, qtbot):
    assert window.open_file(program_file(tmp_path))
    before = window.trace
    type_text(window, "// note\n")
    qtbot.waitUntil(lambda: window.trace is not before, timeout=3000)
    assert window.program().startswith("// note\n")


def test_in_the_editor_keys_type_but_the_clicker_still_steps(window, tmp_path):
    assert window.open_file(program_file(tmp_path))
    view = window.code_panel.code_view
    view.setFocus()
    QApplication.processEvents()
    for key in (Qt.Key_A, Qt.Key_Right, Qt.Key_Space, Qt.Key_Home, Qt.Key_F, Qt.Key_B):
        QTest.keyClick(view, key)
    assert window.current_step() == 0 and not window.board.options.byte_view  # B and F did not act
    # a, caret right past "f", a space, caret home, f, b: each key edited the text
    assert window.program().startswith("fbaf n main() {")
    QTest.keyClick(view, Qt.Key_PageDown)
    assert window.current_step() == 1
    QTest.keyClick(view, Qt.Key_Right, Qt.AltModifier)
    assert window.current_step() == 2
    QTest.keyClick(view, Qt.Key_Escape)
    assert window.board.hasFocus()
    QTest.keyClick(window.board, Qt.Key_Right)
    assert window.current_step() == 3
    window.board.finish_animation()


def test_save_and_open_round_trip_the_board_and_its_view(window, tmp_path, settings_dir, qtbot, warnings):
    assert window.open_file(program_file(tmp_path))
    type_text(window, "// edited\n")
    window.rerun()
    window.go_to(3)
    window.actions_by_id["byte_view"].trigger()
    window.zoom_in()
    target = tmp_path / "saved.whiteboard"
    window.ask_save_path = lambda: str(target)
    assert window.save_as()
    assert window.windowTitle() == "saved.whiteboard — Rust Memory Whiteboard" and not window.is_dirty()
    record = json.loads(target.read_text(encoding="utf-8"))
    assert record["format"] == "rust-memory-whiteboard" and record["version"] == 1
    assert "\n".join(record["program"]) == "// edited\n" + PROGRAM
    assert record["view"]["step"] == 3 and record["view"]["byte_view"] is True and record["view"]["zoom"] > 0

    other = make_window(qtbot, settings_dir)
    try:
        assert other.open_file(target)
        assert other.program() == "// edited\n" + PROGRAM
        assert other.current_step() == 3 and other.board.options.byte_view
        assert other.board.zoom_level() == pytest.approx(record["view"]["zoom"], rel=1e-3)
        assert other.actions_by_id["byte_view"].isChecked()
    finally:
        other.close_session()
    assert warnings == []


def test_saving_a_program_writes_plain_rust(window, tmp_path):
    path = program_file(tmp_path)
    assert window.open_file(path)
    type_text(window, "// more\n")
    assert window.save()  # opened from a .rs: Save writes the .rs, nothing else
    assert path.read_text(encoding="utf-8") == "// more\n" + PROGRAM
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["vec.rs"]


def test_a_lesson_is_never_overwritten(window):
    lesson = sorted((ROOT / "scenes").glob("*.rs"))[2]
    before = lesson.read_bytes()
    assert window.open_file(lesson)
    assert "(lesson)" in window.windowTitle()
    type_text(window, "// mine\n")
    asked = []
    window.ask_save_path = lambda: asked.append(True)  # the user cancels the dialog
    assert not window.save()
    assert asked and lesson.read_bytes() == before and window.is_dirty()


def test_a_failed_save_says_why_and_keeps_the_work(window, tmp_path, warnings):
    assert window.open_file(program_file(tmp_path))
    type_text(window, "// unsaved\n")
    window.ask_save_path = lambda: str(tmp_path / "no-such-folder" / "b.whiteboard")
    assert not window.save_as()
    assert len(warnings) == 1 and "does not exist" in warnings[0] and "Save As" in warnings[0]
    assert window.is_dirty() and window.program().startswith("// unsaved\n")


def test_a_damaged_file_leaves_the_open_board_untouched(window, tmp_path, warnings):
    assert window.open_file(program_file(tmp_path))
    type_text(window, "// work\n")
    window.rerun()
    window.go_to(3)
    program, trace = window.program(), window.trace
    damaged = tmp_path / "damaged.whiteboard"
    damaged.write_text('{"format": "rust-memory-whiteboard", "version": 1, "program": ["fn ma', encoding="utf-8")
    newer = tmp_path / "newer.whiteboard"
    newer.write_text('{"format": "rust-memory-whiteboard", "version": 9, "program": []}', encoding="utf-8")
    window.saved_program = program  # so opening does not stop to ask
    assert not window.open_file(damaged)
    assert not window.open_file(newer)
    assert "truncated" in warnings[0] and "newer" in warnings[1]
    assert window.program() == program and window.trace is trace and window.current_step() == 3


@pytest.mark.parametrize(("answer", "closes", "saved"), [("cancel", False, False), ("discard", True, False),
                                                          ("save", True, True)])  # fmt: skip
def test_closing_with_unsaved_changes_asks(qtbot, settings_dir, tmp_path, answer, closes, saved):
    win = make_window(qtbot, settings_dir)
    path = program_file(tmp_path)
    assert win.open_file(path)
    type_text(win, "// typed\n")
    win.autosave()  # as the timer would have: the autosave must go with a clean end
    assert list((settings_dir / "recovery").glob("*.autosave"))
    asked = []
    win.ask_unsaved = lambda: asked.append(True) or answer
    win.close()
    assert asked and win.isVisible() != closes
    assert path.read_text(encoding="utf-8").startswith("// typed") == saved
    if not closes:
        win.saved_program = win.program()
        win.close()
    assert not list((settings_dir / "recovery").glob("*.autosave"))  # a clean end leaves nothing to recover


KILLED_MID_EDIT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from whiteboard.app.main_window import MainWindow
app = QApplication([])
win = MainWindow(QSettings(sys.argv[1] + "/whiteboard.ini", QSettings.IniFormat))
win.show()
win.open_file(sys.argv[2])
view = win.code_panel.code_view
view.setFocus()
QTest.keyClicks(view, "// typed before the crash")
QTest.keyClick(view, Qt.Key_Return)
def report():
    print("typed", flush=True)  # the test kills this process now, as a power cut would
QTimer.singleShot(int(os.environ["WHITEBOARD_AUTOSAVE_MS"]) + 400, report)
app.exec()
"""


def test_a_killed_app_offers_the_work_back_on_the_next_start(qtbot, settings_dir, tmp_path):
    path = program_file(tmp_path)
    env = dict(os.environ, WHITEBOARD_AUTOSAVE_MS="300", PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_MID_EDIT, str(settings_dir), str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        line = child.stdout.readline()
        assert line.strip() == "typed", child.stderr.read()
        assert time.monotonic() < deadline
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL
    assert path.read_text(encoding="utf-8") == PROGRAM  # the edit was never saved

    win = make_window(qtbot, settings_dir)
    try:
        assert win.offer_recovery()
        banner = win.recovery_banner
        assert "vec.rs" in banner.label.text()
        qtbot.mouseClick(banner.restore_button, Qt.LeftButton)
        assert win.program() == "// typed before the crash\n" + PROGRAM
        assert win.is_dirty() and win.file_path == path and win.trace is not None
        assert win.save()
        assert path.read_text(encoding="utf-8") == "// typed before the crash\n" + PROGRAM
        assert not win.offer_recovery()  # dealt with
    finally:
        win.close_session()


def test_the_start_page_lists_the_lessons_and_opens_one(window, qtbot):
    window.show_start_page()
    page = window.start_page
    lessons = sorted((ROOT / "scenes").glob("*.rs"))
    assert page.list.count() == len(lessons) >= 12
    first = page.list.item(0).text()
    assert first.startswith("1. ") and "\n" in first  # number and title, then the summary
    qtbot.waitUntil(page.thumbnails_done, timeout=60_000)
    icon = page.list.item(2).icon().pixmap(360, 225).toImage()
    assert len({icon.pixel(x, y) for x in range(0, 360, 6) for y in range(0, 225, 6)}) > 8  # a drawing, not a blank
    page.list.setFocus()
    QTest.keyClick(page.list, Qt.Key_Right)
    QTest.keyClick(page.list, Qt.Key_Right)
    assert window.current_step() == 0 and window.trace is None  # the arrows moved through the lessons
    QTest.keyClick(page.list, Qt.Key_Return)
    assert not window.on_start_page()
    assert window.path == lessons[2]
    assert window.caption_bar.caption()  # the lesson's first step is captioned


def test_the_start_page_follows_the_theme_and_esc_goes_back(window, tmp_path, qtbot):
    assert window.open_file(program_file(tmp_path))
    window.show_start_page()
    first = window.start_page
    assert first.theme == "light" and first.back_button.isVisible()
    window.set_theme("dark")
    assert window.on_start_page() and window.start_page is not first and window.start_page.theme == "dark"
    qtbot.waitUntil(window.start_page.thumbnails_done, timeout=60_000)
    corner = window.start_page.list.item(0).icon().pixmap(360, 225).toImage().pixelColor(4, 4)
    assert corner.lightness() < 80  # drawn on the dark board colour
    QTest.keyClick(window.start_page.list, Qt.Key_Escape)
    assert not window.on_start_page() and window.path.name == "vec.rs"


def test_a_file_that_cannot_be_opened_does_not_ask_and_keeps_the_edits(window, tmp_path, warnings, settings_dir):
    assert window.open_file(program_file(tmp_path))
    type_text(window, "// precious\n")
    window.autosave()
    asked = []
    window.ask_unsaved = lambda: asked.append(True) or "discard"
    damaged = tmp_path / "damaged.whiteboard"
    damaged.write_bytes(b'{"format": "rust-memory-whiteboard", "version": 1, "prog')
    assert not window.open_file(damaged)
    assert asked == [] and len(warnings) == 1  # refused before anything was asked or discarded
    assert window.is_dirty() and window.program().startswith("// precious")
    assert list((settings_dir / "recovery").glob("*.autosave"))


def test_opening_keeps_the_text_exactly_and_is_not_an_edit(window, tmp_path):
    """A no-break space inside a string literal is part of the program (it is two bytes in UTF-8): the editor must
    not turn it into a space. CRLF line ends are read as LF."""
    source = 'fn main() {\r\n    let s = "a\u00a0b";\r\n    println!("{}", s.len());\r\n}\r\n'
    path = tmp_path / "nbsp.rs"
    path.write_bytes(source.encode("utf-8"))
    assert window.open_file(path)
    assert not window.is_dirty() and "*" not in window.windowTitle()
    assert window.program() == source.replace("\r\n", "\n")
    window.last_step()
    assert window.code_panel.output_text() == "4\n"  # what rustc's program prints: "a", two bytes, "b"
    type_text(window, "// x\n")
    window.rerun()
    window.last_step()
    assert window.code_panel.output_text() == "4\n"
    assert window.save()
    assert path.read_text(encoding="utf-8") == "// x\n" + source.replace("\r\n", "\n")


def test_a_relative_path_is_remembered_absolute(window, tmp_path, monkeypatch):
    program_file(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert window.open_file("vec.rs")
    assert window.file_path == tmp_path / "vec.rs" and window.file_path.is_absolute()


def test_switching_theme_is_not_an_edit(window, tmp_path):
    assert window.open_file(program_file(tmp_path))
    window.set_theme("dark")
    assert not window.is_dirty() and not window._rerun_timer.isActive() and not window._autosave_timer.isActive()


def test_undoing_back_to_the_saved_text_leaves_nothing_to_recover(window, tmp_path, settings_dir):
    assert window.open_file(program_file(tmp_path))
    type_text(window, "x")
    window.autosave()
    assert list((settings_dir / "recovery").glob("*.autosave"))
    window.undo_action.trigger()  # Edit › Undo takes back the typing not yet run
    assert not window.is_dirty()
    window.autosave()
    assert not list((settings_dir / "recovery").glob("*.autosave"))


def test_the_rust_filter_saves_plain_rust(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    assert window.open_file(program_file(tmp_path))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName",
        lambda *a, **k: (str(tmp_path / "copy.whiteboard"), "Rust program only (*.rs)"),
    )  # fmt: skip
    assert window.save_as()
    assert (tmp_path / "copy.rs").read_text(encoding="utf-8") == PROGRAM
    assert not (tmp_path / "copy.whiteboard").exists()


def test_a_recovered_lesson_keeps_its_name_and_is_not_saved_over_the_lesson(qtbot, settings_dir, tmp_path):
    from whiteboard.document.board_file import read_board
    from whiteboard.document.recovery import Session

    lesson = sorted((ROOT / "scenes").glob("*.rs"))[2]
    session = Session(settings_dir / "recovery")
    session.save(read_board(lesson), None, str(lesson))
    session._lock.release()  # as if the process had died
    win = make_window(qtbot, settings_dir)
    try:
        assert win.offer_recovery() and lesson.name in win.recovery_banner.label.text()
        qtbot.mouseClick(win.recovery_banner.restore_button, Qt.LeftButton)
        assert win.path == lesson and win.file_path is None and "(lesson)" in win.windowTitle()
    finally:
        win.saved_program = win.program()
        win.close_session()
