"""The main window: the board in the middle, the code and its output on the right, the step controls and the memory
timeline under the board.

Every view follows the board: whatever moves the step (keys, buttons, slider, timeline, play), the board shows it
and its `step_shown` signal brings the code panel, the controls and the timeline in line. So they cannot disagree.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore  # `QtCore.Qt` where used: importing the Qt namespace costs 13 ms before the first paint
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from whiteboard.app.board_edits import BoardEdits
from whiteboard.app.board_files import BoardFiles
from whiteboard.app.fonts import CODE_POINT_SIZE, ui_font
from whiteboard.app.recent_files import RecentFiles
from whiteboard.canvas.themes import THEME_NAMES, get_theme

# The panels (board, code, controls, plot, actions) are imported where the window builds them: `run_app` shows an
# empty window first and builds them right after it has painted, so the window is on screen as fast as a bare one.

APP_TITLE = "Rust Memory Whiteboard"
PLAY_DWELL_MS = 600  # pause on each step while playing at 1× (the animation itself comes first)
INSTANT_DWELL_FACTOR = 4.0
INK = {"light": "#1b1b1b", "dark": "#ececec", "projector": "#000000"}  # icons and chrome text per theme
BOARD_SHARE = 0.62  # of the window's width; the code panel gets the rest  # "instant" playback dwells like 4×

EXIT_TEXT = {
    0: "exit 0: finished",
    101: "exit 101: panicked",
    134: "exit 134: stack overflow",
    3: "exit 3: stopped at the step limit",
    70: "exit 70: internal error (a bug in the whiteboard)",
}


def outcome_text(result) -> str:
    """What the status bar says at the last step: how the program ended, as a teacher would put it."""
    code = result.exit_code
    if code == 1:
        diagnostics = result.diagnostics or []
        if diagnostics and diagnostics[0].code:
            return f"compile error {diagnostics[0].code}: {diagnostics[0].message}"
        return f"compile error: {_first_error(result.trace) or 'see the output'}"
    if code == 2:
        return f"exit 2: {_first_error(result.trace) or 'a construct'} is outside the subset"
    return EXIT_TEXT.get(code, f"exit {code}")


def _first_error(trace) -> str | None:
    if trace is None:
        return None
    for step in trace.steps[:1] + trace.steps[-1:]:
        for ev in step.events:
            if ev.kind == "error":
                return ev.message
    return None


def underlines_of(trace) -> list:
    """Compile errors at their span; a panic at the span of the step that panicked."""
    from whiteboard.app.code_panel import Underline
    from whiteboard.document.explanations import explanation_lines

    found = []
    for step in trace.steps:
        for ev in step.events:
            if ev.kind == "error" and ev.span and ev.span[0] > 0:
                head = f"error[{ev.code}]: {ev.message}" if ev.code else ev.message
                found.append(Underline(tuple(ev.span), "\n\n".join([head, *explanation_lines(ev.code)])))
            elif ev.kind == "panicked":
                span = step.span if step.span[0] == ev.line else (ev.line, ev.column, ev.line, ev.column + 1)
                found.append(Underline(tuple(span), f"panicked: {ev.message}"))
    return found


class MainWindow(QMainWindow, BoardFiles, BoardEdits):
    def __init__(
        self, settings: QSettings | None = None, theme: str | None = None, parent=None, deferred: bool = False
    ) -> None:
        """`deferred`: only the empty window now; `finish_building()` adds the panels (after the first paint)."""
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        self.recent = RecentFiles(self.settings)
        self.result = None
        self.trace = None
        self._compiled = None  # the last trace whose program compiled: kept on the board when Rust refuses an edit
        self.series = None
        self.path: Path | None = None
        self.captions = None  # the program's captions (whiteboard/document/captions.py)
        self.start_page = None  # built when first shown
        self.dwell_ms = PLAY_DWELL_MS
        self._playing = False
        self._awaiting_animation = False
        self._shown_once = False
        self._theme = theme or str(self.settings.value("theme", "light"))
        if self._theme not in THEME_NAMES:
            self._theme = "light"

        self._play_timer = QTimer(self)
        self._play_timer.setSingleShot(True)
        self._play_timer.timeout.connect(self._play_next)
        self.built = False
        self.setWindowTitle(APP_TITLE)
        self.resize(1600, 960)
        if deferred:
            placeholder = QWidget(self)  # the board's colour, where the board will be
            placeholder.setAutoFillBackground(True)
            palette = placeholder.palette()
            palette.setColor(placeholder.backgroundRole(), QColor(get_theme(self._theme).background))
            placeholder.setPalette(palette)
            self.setCentralWidget(placeholder)
        else:
            self.finish_building()

    def finish_building(self) -> None:
        if self.built:
            return
        from whiteboard.app.actions import ACTIONS, build_actions

        self.built = True
        self._build_views()
        self.actions_by_id = build_actions(self, ACTIONS)
        self._build_menus()
        self._build_toolbar()
        self.controls.bind_actions(self.actions_by_id)
        self._build_status_bar()

        self.init_board_files()
        self.init_board_edits()
        self._restore_settings()
        self.set_theme(self._theme)
        if self.isVisible():
            self.layout().activate()  # the panels get their sizes now, so the split below has widths to share
            self._share_space()

    # -- building -----------------------------------------------------------------------------------------------

    def _build_views(self) -> None:
        from whiteboard.app.caption_bar import CaptionBar
        from whiteboard.app.code_panel import CodePanel
        from whiteboard.app.controls import StepControls
        from whiteboard.app.memory_plot import MemoryPlot
        from whiteboard.app.notice_bar import NoticeBar
        from whiteboard.canvas.board_view import BoardView

        self.board = BoardView(self, theme=self._theme)  # (no scrollbars: a presenter pans by dragging)
        self.controls = StepControls(self)
        self.plot = MemoryPlot(self, theme=self._theme)
        self.code_panel = CodePanel(self, theme=self._theme)
        self.caption_bar = CaptionBar(self, theme=self._theme)
        self.notice_bar = NoticeBar(self)

        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.board, 1)
        column.addWidget(self.notice_bar)
        column.addWidget(self.caption_bar)
        column.addWidget(self.controls)
        column.addWidget(self.plot)

        self.splitter = QSplitter(QtCore.Qt.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.code_panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(6)
        self.pages = QStackedWidget(self)  # the workspace, and the start page in front of it when asked for
        self.pages.addWidget(self.splitter)
        central = QWidget(self)
        self.central_column = QVBoxLayout(central)  # a recovery banner goes above the pages
        self.central_column.setContentsMargins(0, 0, 0, 0)
        self.central_column.setSpacing(0)
        self.central_column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.recovery_banner = None

        self.board.step_shown.connect(self._on_step_shown)
        self.board.animation_finished.connect(self._on_animation_finished)
        self.controls.jump_requested.connect(self._jump_from_view)
        self.controls.speed_changed.connect(self.set_speed)
        self.plot.step_requested.connect(self._jump_from_view)
        code = self.code_panel.code_view
        code.edited.connect(self._on_program_edited)
        code.run_requested.connect(self.rerun)
        code.leave_requested.connect(self.board.setFocus)

    def _build_menus(self) -> None:
        from whiteboard.app.actions import MENUS, RECENT_MENU, SEPARATOR

        bar = self.menuBar()
        bar.setFont(ui_font(12))
        for title, entries in MENUS.items():
            menu = bar.addMenu(title)
            menu.setFont(ui_font(12))
            for entry in entries:
                if entry == SEPARATOR:
                    menu.addSeparator()
                elif entry == RECENT_MENU:
                    self.recent_menu = QMenu("Open &Recent", self)
                    self.recent_menu.setFont(ui_font(12))
                    self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
                    menu.addMenu(self.recent_menu)
                else:
                    menu.addAction(self.actions_by_id[entry])
        self._fill_recent_menu()

    def _build_toolbar(self) -> None:
        """Open and zoom, at the right end of the menu bar's row: a toolbar row of its own would cost the board
        height, which is what a projector is short of."""
        toolbar = QToolBar("Board", self)
        toolbar.setObjectName("board_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(QtCore.Qt.ToolButtonTextOnly)
        toolbar.setFont(ui_font(12))
        from whiteboard.app.actions import ACTIONS

        for spec in ACTIONS:
            if spec.toolbar:
                toolbar.addAction(self.actions_by_id[spec.id])
        self.menuBar().setCornerWidget(toolbar, QtCore.Qt.TopRightCorner)
        self.toolbar = toolbar

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setFont(ui_font(12))
        self.outcome_label = QLabel(self)
        self.outcome_label.setFont(ui_font(13, bold=True))
        self.outcome_label.setContentsMargins(8, 0, 8, 0)
        bar.addPermanentWidget(self.outcome_label)

    def _restore_settings(self) -> None:
        speed = self.settings.value("speed", 1.0)
        self.set_speed(None if speed in ("instant", None) else float(speed))
        self.code_panel.set_font_size(float(self.settings.value("code_point_size", CODE_POINT_SIZE)))
        for name in ("addresses", "byte_view", "allocator"):
            on = str(self.settings.value(f"board/{name}", "false")).lower() == "true"
            self.actions_by_id[name].setChecked(on)
            if on:
                self.board.set_options(**{name: True})

    # -- running programs ---------------------------------------------------------------------------------------

    def load_source(self, source: str, path, view=None) -> bool:
        """Run `source` and show it from `view`'s step, zoom and options (a new board: from step 0, fitted)."""
        from whiteboard.document.board import View

        view = view or View()
        result = self._run(source, path)
        if result is None:
            return False
        self.path = Path(path)
        self._compiled = None  # another program: nothing of the old one's memory is kept
        self.code_panel.set_program(source, self.path.name, underlines_of(result.trace))
        self._apply_view(view)
        self._show_result(result, view.step, keep_zoom=False)
        self.reset_history(source)  # (after the run: the palette sizes the program's structs with its layouts)
        if view.zoom is not None:
            self.board.set_zoom_level(view.zoom)
        self.statusBar().showMessage(f"Opened {self.path}", 4000)
        self.show_workspace()
        return True

    def rerun(self) -> bool:
        """Run the edited program again and stay on the same step (clamped), zoom and pan: the board follows the
        code as it is typed."""
        self._rerun_timer.stop()
        if self.trace is None:
            return False
        self.commit_typing()
        result = self._run(self.program(), self.path or "main.rs")
        if result is None:
            return False
        self.code_panel.code_view.set_underlines(underlines_of(result.trace))
        self._show_result(result, self.current_step(), keep_zoom=True, refused="your change to the code")
        return True

    def _run(self, source: str, path):
        from whiteboard.sim.run import run_source

        self.pause()
        QApplication.setOverrideCursor(QtCore.Qt.WaitCursor)
        try:
            result = run_source(source, str(path), record=True)
        finally:
            QApplication.restoreOverrideCursor()
        if result.trace is None:  # only an internal error leaves no trace
            QMessageBox.critical(self, "The whiteboard failed", result.stderr)
            return None
        return result

    def _show_result(
        self, result, step: int, keep_zoom: bool, refused: str | None = None, target: str | None = None
    ) -> None:
        """Show `result` from `step`. `refused` names the edit that produced it (`target`: the board key it aimed
        at): if Rust refuses the program, the board keeps the last memory that compiled, at `step`, with the error
        drawn on it."""
        from whiteboard.diagram.series import memory_series
        from whiteboard.document.captions import read_captions

        self.result, self.trace = result, result.trace
        self.captions = read_captions(self.program())
        self.series = memory_series(self.trace)
        self.controls.set_count(len(self.trace))
        self.plot.set_series(self.series)
        self.disarm()  # a value carried by the keyboard was named by a key of the old run
        refusal = self._refusal(result, step, refused, target) if refused else None
        if refusal is not None:
            self.board.set_trace(self._compiled, step, keep_zoom=True, refusal=refusal)
        else:
            self.board.set_trace(self.trace, step, keep_zoom=keep_zoom)  # step_shown brings the panels along
        if result.exit_code not in (1, 2):  # (2: Rust the whiteboard cannot run: one step, no memory either)
            self._compiled = result.trace
        self._update_title()

    def _refusal(self, result, step: int, label: str, target: str | None):
        """What to draw over the last compiled memory when Rust refuses `result`'s program (None: nothing to keep,
        or the program was not refused by rustc)."""
        from whiteboard.diagram.refusal import Refusal, concerned_keys

        compiled = self._compiled
        if compiled is None or not _refused_by_rustc(result) or not len(compiled):
            return None
        first = result.diagnostics[0]
        step = max(0, min(step, len(compiled) - 1))
        keys = concerned_keys(compiled.state_at(step), first.message, target)
        line, column = first.primary_span[:2] if first.primary_span else (0, 0)
        return Refusal(label, first.code or "", first.message, line, column, keys)

    def _apply_view(self, view) -> None:
        if view.theme in THEME_NAMES and view.theme != self._theme:
            self.set_theme(view.theme)
        options = {"addresses": view.addresses, "byte_view": view.byte_view, "allocator": view.allocator}
        self.board.set_options(**options)
        for name, on in options.items():
            self.actions_by_id[name].setChecked(on)

    def recent_files(self) -> list[str]:
        return self.recent.paths()

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = self.recent.paths()
        for i, path in enumerate(paths):
            action = menu.addAction(f"&{(i + 1) % 10}  {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(p))
        if paths:
            menu.addSeparator()
            menu.addAction("Clear Menu", self._clear_recent)
        else:
            menu.addAction("No recent programs").setEnabled(False)

    def _clear_recent(self) -> None:
        self.recent.clear()
        self._fill_recent_menu()

    # -- stepping -----------------------------------------------------------------------------------------------

    def step_count(self) -> int:
        return len(self.trace) if self.trace is not None else 0

    def current_step(self) -> int:
        """The step the board shows (while a refused edit is drawn: the step of the memory kept from before it)."""
        return self.board.current_step()

    def go_to(self, index: int, animate: bool = False) -> None:
        """Show step `index` (clamped); animated only when it is next to the current one and `animate` is set."""
        if self.trace is None:
            return
        self.board.show_step(max(0, min(index, self.step_count() - 1)), animate)

    def step_forward(self) -> None:
        self.pause()
        self.go_to(self.current_step() + 1, animate=True)

    def step_back(self) -> None:
        self.pause()
        self.go_to(self.current_step() - 1, animate=True)

    def first_step(self) -> None:
        self.pause()
        self.go_to(0)

    def last_step(self) -> None:
        self.pause()
        self.go_to(self.step_count() - 1)

    def _jump_from_view(self, index: int) -> None:
        self.pause()
        self.go_to(index, animate=False)

    def _on_step_shown(self, index: int) -> None:
        trace = self.trace
        self.disarm(places_only=True)
        if trace is not None and self.board.refusal is not None:
            index = len(trace) - 1  # the board keeps older memory; the panels show the refused run
        if trace is None or index >= len(trace):
            return
        step = trace.steps[index]
        last = index == len(trace) - 1
        if last:  # the run's own output is complete (it includes a compile error's rendered diagnostics)
            stdout, stderr = trace.stdout, trace.stderr
        else:
            state = trace.state_at(index)
            stdout, stderr = state.stdout, state.stderr
        self.controls.set_step(index, step.label)
        self.caption_bar.set_caption(self.captions.for_line(step.span[0]) if self.captions else "")
        self.plot.set_step(index)
        self.code_panel.show_step(step.span, stdout, stderr)
        self.outcome_label.setText(outcome_text(self.result) if last else "")

    # -- playing ------------------------------------------------------------------------------------------------

    def is_playing(self) -> bool:
        return self._playing

    def toggle_play(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        if self.trace is None or self.step_count() < 2:
            return
        if self.current_step() >= self.step_count() - 1:
            self.go_to(0)  # playing from the end starts again
        self._set_playing(True)
        self._play_timer.start(self._dwell())

    def pause(self) -> None:
        if self._playing:
            self._set_playing(False)
        self._play_timer.stop()
        self._awaiting_animation = False

    def _set_playing(self, on: bool) -> None:
        self._playing = on
        self.actions_by_id["play"].setText("&Pause" if on else "&Play")
        self._paint_step_icons()

    def _paint_step_icons(self) -> None:
        from whiteboard.app.actions import ACTIONS
        from whiteboard.app.icons import step_icon

        ink = INK[self._theme]
        for spec in ACTIONS:
            if spec.icon:
                kind = "pause" if spec.id == "play" and self._playing else spec.icon
                self.actions_by_id[spec.id].setIcon(step_icon(kind, ink))

    def _dwell(self) -> int:
        factor = self.controls.speed_factor() or INSTANT_DWELL_FACTOR
        return round(self.dwell_ms / factor)

    def _play_next(self) -> None:
        if not self._playing:
            return
        if self.current_step() >= self.step_count() - 1:
            self.pause()
            return
        self._awaiting_animation = True
        self.go_to(self.current_step() + 1, animate=True)
        # The board reports the end of the animation (at once when there is none); then the dwell, then the next.
        if self._awaiting_animation and not self.board.is_animating():
            self._on_animation_finished()

    def _on_animation_finished(self) -> None:
        if not (self._playing and self._awaiting_animation):
            return
        self._awaiting_animation = False
        if self.current_step() >= self.step_count() - 1:
            self.pause()
        else:
            self._play_timer.start(self._dwell())

    def set_speed(self, factor: float | None) -> None:
        self.board.set_speed(factor)
        if self.controls.speed_factor() != factor:
            self.controls.set_speed(factor)  # re-enters here through speed_changed, harmlessly
        self.settings.setValue("speed", "instant" if factor is None else factor)

    def slower(self) -> None:
        self.controls.change_speed(-1)

    def faster(self) -> None:
        self.controls.change_speed(+1)

    # -- view ---------------------------------------------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        self._theme = name
        self.board.set_theme(name)
        self.plot.set_theme(name)
        self.code_panel.set_theme(name)
        self.caption_bar.set_theme(name)
        self._rebuild_start_page()  # its thumbnails are drawn in the theme
        self.setPalette(_window_palette(name))
        self._paint_step_icons()
        action = self.actions_by_id.get(f"theme_{name}")
        if action is not None:
            action.setChecked(True)
        self.settings.setValue("theme", name)

    def theme(self) -> str:
        return self._theme

    def set_board_option(self, name: str, on: bool) -> None:
        self.board.set_options(**{name: bool(on)})
        self.settings.setValue(f"board/{name}", bool(on))

    def zoom_in(self) -> None:
        self.board.zoom_in()

    def zoom_out(self) -> None:
        self.board.zoom_out()

    def fit_to_window(self) -> None:
        self.board.fit_to_window()

    def reset_zoom(self) -> None:
        self.board.reset_zoom()

    def code_text_bigger(self) -> None:
        self._set_code_size(self.code_panel.font_size() + 1)

    def code_text_smaller(self) -> None:
        self._set_code_size(self.code_panel.font_size() - 1)

    def _set_code_size(self, point_size: float) -> None:
        self.code_panel.set_font_size(point_size)
        self.settings.setValue("code_point_size", self.code_panel.font_size())

    def status_text(self) -> str:
        return self.outcome_label.text()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._shown_once and self.built:
            self._share_space()

    def _share_space(self) -> None:
        if not self._shown_once:  # splitters start from widgets' size hints, which starve the code panel
            self._shown_once = True
            # Right after the panels are built the splitter may not have its size yet: the window's is what it gets.
            width = max(self.splitter.width(), self.width())
            self.splitter.setSizes([round(width * BOARD_SHARE), width - round(width * BOARD_SHARE)])
            height = max(self.code_panel.splitter.height(), self.height() - 60)
            self.code_panel.splitter.setSizes([round(height * 0.72), height - round(height * 0.72)])

    # -- closing ------------------------------------------------------------------------------------------------

    def stop_all(self) -> None:
        """No timer or animation left running (closing, tests)."""
        if self.built:
            self.pause()
            self.board.finish_animation()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.built and not self.confirm_discard():
            event.ignore()
            return
        self.stop_all()
        if self.built:
            self.close_session()
        self.settings.sync()
        super().closeEvent(event)

    # -- the start page and recovery ----------------------------------------------------------------------------

    def show_start_page(self) -> None:
        from whiteboard.app.app import scenes_dir
        from whiteboard.app.start_page import StartPage

        self.pause()
        if self.start_page is None:
            cache = self.recovery_folder().parent / "thumbnails"
            self.start_page = StartPage(scenes_dir(), cache, self, theme=self._theme)
            self.start_page.lesson_chosen.connect(self.open_file)
            self.start_page.open_requested.connect(self.open_dialog)
            self.start_page.back_requested.connect(self.show_workspace)
            self.pages.addWidget(self.start_page)
        self.start_page.set_can_go_back(self.trace is not None)
        self.pages.setCurrentWidget(self.start_page)
        self._enable_board_actions(False)

    def _rebuild_start_page(self) -> None:
        if self.start_page is None or self.start_page.theme == self._theme:
            return
        showing = self.on_start_page()
        old, self.start_page = self.start_page, None
        self.pages.removeWidget(old)
        old.deleteLater()
        if showing:
            self.show_start_page()

    def show_workspace(self) -> None:
        self.pages.setCurrentWidget(self.splitter)
        self._enable_board_actions(True)

    def on_start_page(self) -> bool:
        return self.start_page is not None and self.pages.currentWidget() is self.start_page

    def _enable_board_actions(self, on: bool) -> None:
        # On the start page the arrows and Enter move through the lessons, not through a board hidden behind it.
        from whiteboard.app.actions import PAGE_INDEPENDENT

        for action_id, action in self.actions_by_id.items():
            if action_id not in PAGE_INDEPENDENT:
                action.setEnabled(on)

    def offer_recovery(self) -> bool:
        """If an earlier session died with unsaved work, say so above the board with Restore / Discard."""
        from whiteboard.app.recovery_banner import RecoveryBanner

        found = self.recoverable()
        if not found:
            return False
        self.recovery_banner = RecoveryBanner(found[0], self, theme=self._theme)
        self.recovery_banner.restore.connect(self._restore_recovered)
        self.recovery_banner.discard.connect(self._discard_recovered)
        self.central_column.insertWidget(0, self.recovery_banner)
        return True

    def _restore_recovered(self, recovered) -> None:
        if self.recover(recovered):
            self._next_recovery()

    def _discard_recovered(self, recovered) -> None:
        self.discard_recovered(recovered)
        self._next_recovery()

    def _next_recovery(self) -> None:
        if self.recovery_banner is not None:
            self.recovery_banner.hide()
            self.recovery_banner.deleteLater()
            self.recovery_banner = None
        self.offer_recovery()


def _window_palette(theme: str) -> QPalette:
    """The panels' chrome follows the board: a dark theme with light menus would glare on a projector."""
    palette = QApplication.style().standardPalette()
    if theme != "dark":
        return palette
    colours = {
        QPalette.Window: "#25282c",
        QPalette.WindowText: "#ececec",
        QPalette.Base: "#1e2023",
        QPalette.AlternateBase: "#2a2d31",
        QPalette.Text: "#ececec",
        QPalette.Button: "#2f3338",
        QPalette.ButtonText: "#ececec",
        QPalette.ToolTipBase: "#2f3338",
        QPalette.ToolTipText: "#ececec",
        QPalette.Highlight: "#3d6185",
        QPalette.HighlightedText: "#ffffff",
        QPalette.PlaceholderText: "#9a9a9a",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.Disabled, QPalette.Text, QColor("#7a7a7a"))
    palette.setColor(QPalette.Disabled, QPalette.ButtonText, QColor("#7a7a7a"))
    palette.setColor(QPalette.Disabled, QPalette.WindowText, QColor("#7a7a7a"))
    return palette


def _refused_by_rustc(result) -> bool:
    """The program does not compile (rustc's errors), so it has no memory of its own to draw."""
    return result.exit_code == 1 and bool(result.diagnostics)
