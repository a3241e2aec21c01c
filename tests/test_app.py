"""The main window, driven as a presenter drives it: clicker keys whatever has focus, the slider, the timeline, play;
and the ways opening a program can go wrong."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from whiteboard.app.main_window import MainWindow
from whiteboard.sim.run import run_source

ROOT = Path(__file__).resolve().parent.parent

PUSHES = """\
fn main() {
    let mut v: Vec<u32> = Vec::new();
    for i in 0..6 {
        v.push(i);
        println!("pushed {}", i);
    }
    let s = String::from("done");
    println!("{} {}", s, v.len());
}
"""

MOVED = """\
fn main() {
    let s = String::from("x");
    let t = s;
    println!("{}", s);
}
"""

PANICS = """\
fn main() {
    let v: Vec<u8> = vec![1, 2];
    println!("before");
    let x = v[5];
    println!("{}", x);
}
"""


@pytest.fixture(autouse=True)
def private_settings(settings_dir):
    """Every test here, even one that never asks for the folder, keeps away from the user's settings."""
    return settings_dir


@pytest.fixture
def window(qtbot, private_settings):
    win = MainWindow(QSettings(str(private_settings / "test.ini"), QSettings.IniFormat))
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    yield win
    win.stop_all()
    assert not win.is_playing() and not win._play_timer.isActive()


def write(tmp_path, name, source) -> Path:
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    return path


def trace_of(source):
    return run_source(source, "main.rs", record=True).trace


def state_after(win, key, focus):
    focus.setFocus()
    QApplication.processEvents()
    QTest.keyClick(focus, key)
    return win.current_step()


def check_panels(win, trace, k):
    assert win.current_step() == k
    assert win.controls.slider.value() == k
    assert win.plot.current_step() == k
    assert win.code_panel.highlighted_line() == trace.steps[k].span[0]
    expected = trace.stdout if k == len(trace) - 1 else trace.state_at(k).stdout
    assert win.code_panel.output_text() == expected
    assert win.controls.label_text() == f"step {k} / {len(trace) - 1} · {trace.steps[k].label}"


@pytest.mark.parametrize("focus_name", ["slider", "speed", "board", "output"])
def test_clicker_keys_step_whatever_has_focus(window, tmp_path, qtbot, focus_name):
    assert window.open_file(write(tmp_path, "pushes.rs", PUSHES))
    trace = window.trace
    focus = {
        "slider": window.controls.slider,
        "speed": window.controls.speed,
        "board": window.board,
        "output": window.code_panel.output_view,
    }[focus_name]
    speed_before = window.controls.speed.currentIndex()
    check_panels(window, trace, 0)
    moves = [
        (Qt.Key_PageDown, 1),
        (Qt.Key_Right, 2),
        (Qt.Key_Down, 3),
        (Qt.Key_Space, None),  # play …
        (Qt.Key_Space, None),  # … and pause
    ]
    for key, want in moves:
        step = state_after(window, key, focus)
        if want is not None:
            assert step == want, f"{key} with focus on {focus_name}"
            check_panels(window, trace, want)
    assert not window.is_playing()
    here = window.current_step()
    assert state_after(window, Qt.Key_PageUp, focus) == here - 1
    assert state_after(window, Qt.Key_Left, focus) == here - 2
    assert state_after(window, Qt.Key_Up, focus) == here - 3
    assert state_after(window, Qt.Key_End, focus) == len(trace) - 1
    assert not window.board.is_animating()  # End jumps
    check_panels(window, trace, len(trace) - 1)
    assert state_after(window, Qt.Key_Home, focus) == 0
    assert not window.board.is_animating()
    check_panels(window, trace, 0)
    # the widget with focus did not also act on the keys
    assert window.controls.speed.currentIndex() == speed_before
    assert focus.hasFocus()


def test_one_step_forward_or_back_animates_and_jumps_do_not(window, tmp_path):
    window.open_file(write(tmp_path, "pushes.rs", PUSHES))
    window.step_forward()
    assert window.board.is_animating()
    window.step_back()
    assert window.board.is_animating() and window.current_step() == 0
    window.last_step()
    assert not window.board.is_animating()


def test_scrubbing_the_slider_jumps_without_animation(window, tmp_path, qtbot):
    window.open_file(write(tmp_path, "pushes.rs", PUSHES))
    trace = window.trace
    slider = window.controls.slider
    # a drag, as QAbstractSlider reports one
    slider.setSliderDown(True)
    for k in (1, 2, 5, 9):
        slider.setSliderPosition(k)
        assert window.current_step() == k
        assert not window.board.is_animating()
    slider.setSliderDown(False)
    check_panels(window, trace, 9)
    # a click on the groove goes straight to that place
    groove = slider.rect()
    qtbot.mouseClick(slider, Qt.LeftButton, pos=QPoint(groove.right() - 3, groove.center().y()))
    assert window.current_step() == len(trace) - 1
    assert not window.board.is_animating()


def test_clicking_the_memory_plot_asks_for_that_step(window, tmp_path, qtbot):
    window.open_file(write(tmp_path, "pushes.rs", PUSHES))
    plot = window.plot
    viewport = plot.plot_widget.viewport()
    for step in (7, 3, len(window.trace) - 1):
        pos = plot.map_step_to_widget(step).toPoint()
        with qtbot.waitSignal(plot.step_requested, timeout=1000) as blocker:
            qtbot.mouseClick(viewport, Qt.LeftButton, pos=pos)
        assert blocker.args == [step]
        assert window.current_step() == step
        assert not window.board.is_animating()
        check_panels(window, window.trace, step)


def test_dragging_in_the_plot_scrubs(window, tmp_path, qtbot):
    window.open_file(write(tmp_path, "pushes.rs", PUSHES))
    plot = window.plot
    viewport = plot.plot_widget.viewport()
    seen = []
    plot.step_requested.connect(seen.append)
    qtbot.mousePress(viewport, Qt.LeftButton, pos=plot.map_step_to_widget(2).toPoint())
    for step in (4, 6, 8):
        qtbot.mouseMove(viewport, plot.map_step_to_widget(step).toPoint())
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=plot.map_step_to_widget(8).toPoint())
    assert seen[0] == 2 and seen[-1] == 8
    assert window.current_step() == 8


def test_play_runs_to_the_end_and_stops(window, tmp_path, qtbot):
    window.open_file(write(tmp_path, "pushes.rs", PUSHES))
    window.set_speed(None)
    window.dwell_ms = 1
    window.toggle_play()
    assert window.is_playing()
    qtbot.waitUntil(lambda: not window.is_playing(), timeout=10_000)
    assert window.current_step() == len(window.trace) - 1
    assert window.actions_by_id["play"].text() == "&Play"
    check_panels(window, window.trace, len(window.trace) - 1)


def test_play_with_animations_waits_for_each_and_a_manual_step_stops_it(window, tmp_path, qtbot):
    window.open_file(write(tmp_path, "pushes.rs", PUSHES))
    window.set_speed(4.0)
    window.dwell_ms = 1
    window.play()
    qtbot.waitUntil(lambda: window.current_step() >= 3, timeout=10_000)
    window.step_back()
    assert not window.is_playing()
    here = window.current_step()
    qtbot.wait(100)
    assert window.current_step() == here


def test_opening_a_missing_file_says_so_and_keeps_the_program(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    good = write(tmp_path, "pushes.rs", PUSHES)
    window.open_file(good)
    window.go_to(4)
    title, trace = window.windowTitle(), window.trace
    assert title == "pushes.rs — Rust Memory Whiteboard"

    assert not window.open_file(tmp_path / "nowhere.rs")
    (tmp_path / "latin1.rs").write_bytes('fn main() { println!("é"); }'.encode("latin-1"))
    assert not window.open_file(tmp_path / "latin1.rs")
    assert not window.open_file(tmp_path)

    assert len(shown) == 3
    assert "nowhere.rs" in shown[0] and "UTF-8" in shown[1] and "folder" in shown[2]
    assert window.windowTitle() == title and window.trace is trace and window.current_step() == 4
    assert window.recent_files() == [str(good.resolve())]


def test_recent_files_newest_first_and_pruned(window, tmp_path):
    a = write(tmp_path, "a.rs", PUSHES)
    b = write(tmp_path, "b.rs", MOVED)
    window.open_file(a)
    window.open_file(b)
    window.open_file(a)
    assert window.recent_files() == [str(a.resolve()), str(b.resolve())]
    menu_texts = [act.text() for act in window.recent_menu.actions() if act.text()]
    assert menu_texts[:2] == ["&1  a.rs", "&2  b.rs"]
    b.unlink()
    assert window.recent_files() == [str(a.resolve())]
    for i in range(12):
        window.open_file(write(tmp_path, f"p{i}.rs", PUSHES))
    assert len(window.recent_files()) == 10
    # kept in the settings: a new window sees the same list
    other = MainWindow(window.settings)
    assert other.recent_files() == window.recent_files()
    other.close()


def test_a_compile_error_loads_underlined_with_its_code(window, tmp_path):
    window.open_file(write(tmp_path, "moved.rs", MOVED))
    assert len(window.trace) == 1
    assert "compile error E0382" in window.status_text()
    underlines = window.code_panel.underlines()
    assert [u.span[0] for u in underlines] == [4]
    assert "E0382" in underlines[0].message and "borrow of moved value" in underlines[0].message
    assert "Without this rule: Both names would own the same heap block" in underlines[0].message  # the tooltip
    wavy = [
        s
        for s in window.code_panel.code_view.extraSelections()
        if s.format.underlineStyle() == QTextCharFormat.WaveUnderline
    ]
    assert len(wavy) == 1 and wavy[0].cursor.block().blockNumber() == 3
    assert wavy[0].cursor.selectedText() == "s"
    assert "error[E0382]" in window.code_panel.output_text()


def test_a_panic_shows_its_exit_status_at_the_last_step_only(window, tmp_path):
    window.open_file(write(tmp_path, "panics.rs", PANICS))
    assert window.status_text() == ""
    window.last_step()
    assert window.status_text() == "exit 101: panicked"
    assert "index out of bounds" in window.code_panel.output_text()
    assert [u.span[0] for u in window.code_panel.underlines()] == [4]


def test_view_actions_reach_the_board(window, tmp_path):
    window.open_file(write(tmp_path, "pushes.rs", PUSHES))
    window.actions_by_id["theme_dark"].trigger()
    assert window.theme() == "dark" and window.board.board_scene.theme.name == "dark"
    window.actions_by_id["addresses"].trigger()
    assert window.board.options.addresses is True
    window.actions_by_id["addresses"].trigger()
    assert window.board.options.addresses is False
    before = window.board.transform().m11()
    window.actions_by_id["zoom_in"].trigger()
    assert window.board.transform().m11() > before
    assert "PgDown" in window.controls.buttons["forward"].toolTip()
    assert "Home" in window.controls.buttons["first"].toolTip()
    size = window.code_panel.font_size()
    window.actions_by_id["code_bigger"].trigger()
    assert window.code_panel.font_size() == size + 1
    assert window.settings.value("theme") == "dark"


def test_run_app_screenshots_the_window(tmp_path, qapp):
    from PySide6.QtGui import QImage

    from whiteboard.app.app import run_app

    shot = tmp_path / "shot.png"
    program = write(tmp_path, "pushes.rs", PUSHES)
    assert (
        run_app([str(program), "--size", "1280x800", "--step", "5", "--theme", "projector", "--screenshot", str(shot)])
        == 0
    )
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    assert len({image.pixel(x, y) for x in range(0, 1280, 9) for y in range(0, 800, 9)}) > 30


def test_run_app_reports_an_unreadable_file_without_a_dialog(tmp_path, qapp, capsys):
    from whiteboard.app.app import run_app

    assert run_app([str(tmp_path / "missing.rs"), "--screenshot", str(tmp_path / "x.png")]) == 2
    assert "missing.rs" in capsys.readouterr().err


def test_the_command_line_opens_the_app_for_files_and_keeps_its_commands(monkeypatch):
    import whiteboard.app.app as app_module
    from whiteboard import cli

    calls = []
    monkeypatch.setattr(app_module, "run_app", lambda argv: calls.append(argv) or 0)
    assert cli.main([]) == 0
    assert cli.main(["lesson.rs"]) == 0
    assert cli.main(["--theme", "dark", "lesson.rs"]) == 0
    assert calls == [[], ["lesson.rs"], ["--theme", "dark", "lesson.rs"]]


def test_whiteboard_run_never_imports_qt(tmp_path):
    program = write(tmp_path, "hi.rs", 'fn main() { println!("hi"); }')
    code = (
        "import sys\nfrom whiteboard.cli import main\n"
        f"code = main(['run', {str(program)!r}])\n"
        "assert not any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules), 'Qt imported'\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "hi\n"
