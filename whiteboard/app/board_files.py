"""Opening, saving, autosaving and recovering boards: the part of the main window that keeps the user's work safe.

- Open reads a board (`.whiteboard`) or a plain program (`.rs`); a file that cannot be read is a message and the open
  board stays as it was. Lessons open as untitled copies: Save asks where, so a shipped lesson is never overwritten.
- Save writes atomically (whiteboard/document/safe_write.py); a failure is a message and nothing is lost.
- Every edit restarts a short autosave timer; the autosave goes to this window's recovery slot, which the next
  start offers back if this process dies before the board is saved or discarded.
- Closing, or opening something else, with unsaved changes asks first.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from whiteboard.document.board import Board, View
from whiteboard.document.board_file import EXTENSION, BoardFileError, dump_board, read_board
from whiteboard.document.recovery import Recovered, Session, discard_file, orphans
from whiteboard.document.safe_write import SaveError, write_atomically

AUTOSAVE_ENV = "WHITEBOARD_AUTOSAVE_MS"  # tests shorten it
AUTOSAVE_MS = 1500  # after the last keystroke: a killed app loses at most this much typing
RERUN_MS = 700  # a pause in typing this long runs the program again
OPEN_FILTER = f"Boards and Rust programs (*{EXTENSION} *.rs);;Boards (*{EXTENSION});;Rust programs (*.rs);;All (*)"
SAVE_FILTER = f"Board, with the view (*{EXTENSION});;Rust program only (*.rs)"


class BoardFiles:
    """Mixed into MainWindow (which provides the panels, `settings`, `recent` and `load_trace`)."""

    def init_board_files(self) -> None:
        self.file_path: Path | None = None  # where Save writes; None: Save asks (new boards, lessons, recoveries)
        self.saved_program: str | None = ""  # the program as on disk; None: never saved (a recovered board)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(int(os.environ.get(AUTOSAVE_ENV, AUTOSAVE_MS)))
        self._autosave_timer.timeout.connect(self.autosave)
        self._rerun_timer = QTimer(self)
        self._rerun_timer.setSingleShot(True)
        self._rerun_timer.setInterval(RERUN_MS)
        self._rerun_timer.timeout.connect(self.rerun)
        self.autosave_error: str | None = None
        try:
            self.session: Session | None = Session(self.recovery_folder())
        except OSError as err:  # no recovery, but the app still works: say so where it stays visible
            self.session = None
            self.autosave_error = f"Autosave is off: cannot use {self.recovery_folder()} ({err.strerror or err})."
            self.statusBar().showMessage(self.autosave_error)

    def recovery_folder(self) -> Path:
        return Path(self.settings.fileName()).resolve().parent / "recovery"

    # -- state --------------------------------------------------------------------------------------------------

    def program(self) -> str:
        return self.code_panel.code_view.program()

    def is_dirty(self) -> bool:
        return self.trace is not None and self.program() != self.saved_program

    def current_board(self) -> Board:
        options = self.board.options
        return Board(
            self.program(),
            View(
                step=self.current_step(),
                zoom=self.board.zoom_level(),
                theme=self.theme(),
                addresses=options.addresses,
                byte_view=options.byte_view,
                allocator=options.allocator,
            ),
        )

    def _update_title(self) -> None:
        from whiteboard.app.main_window import APP_TITLE

        name = self.path.name if self.path is not None else "untitled"
        if self.file_path is None and self.path is not None and self._is_lesson(self.path):
            name = f"{self.path.name} (lesson)"
        dirty = self.is_dirty()
        self.setWindowTitle(f"{name}{'*' if dirty else ''} — {APP_TITLE}")  # the usual mark of unsaved changes

    # -- opening ------------------------------------------------------------------------------------------------

    def open_file(self, path) -> bool:
        """Open a board or a program. Whatever goes wrong is a message; the open board is kept as it was."""
        path = Path(path).expanduser().absolute()  # a recovery must name the file wherever the app restarts
        try:
            board = read_board(path)  # first: a file that cannot be opened must not cost the open board anything
        except BoardFileError as err:
            QMessageBox.warning(self, "Cannot open the file", str(err))
            return False
        if not self.confirm_discard():
            return False
        lesson = self._is_lesson(path)
        if not self.show_board(board, path, None if lesson else path, saved=True):
            return False
        if not lesson:
            self.recent.add(path)
            self._fill_recent_menu()
        return True

    def show_board(self, board: Board, path: Path, file_path: Path | None, saved: bool) -> bool:
        self._autosave_timer.stop()  # they were for the board being replaced
        self._rerun_timer.stop()
        if not self.load_source(board.program, path, view=board.view):
            return False
        self.file_path = file_path
        self.saved_program = board.program if saved else None
        if self.session is not None and saved:
            self.session.clear()
        self._update_title()
        return True

    def open_dialog(self) -> None:
        from whiteboard.app.app import scenes_dir

        start = str(self.path.parent if self.path else scenes_dir())
        path, _ = QFileDialog.getOpenFileName(self, "Open a board or a Rust program", start, OPEN_FILTER)
        if path:
            self.open_file(path)

    def _is_lesson(self, path: Path) -> bool:
        from whiteboard.app.app import scenes_dir

        try:
            return path.resolve().parent == scenes_dir().resolve()
        except OSError:
            return False

    # -- editing ------------------------------------------------------------------------------------------------

    def _on_program_edited(self) -> None:
        self._update_title()
        self._autosave_timer.start()
        self._rerun_timer.start()

    # -- saving -------------------------------------------------------------------------------------------------

    def save(self) -> bool:
        if self.trace is None:
            return False
        if self.file_path is None:
            return self.save_as()
        return self._write(self.file_path)

    def save_as(self) -> bool:
        if self.trace is None:
            return False
        target = self.ask_save_path()
        if target is None:
            return False
        return self._write(Path(target))

    def ask_save_path(self) -> str | None:
        """The file dialog (tests replace this method)."""
        folder = self.file_path.parent if self.file_path else Path.home()
        stem = self.path.stem if self.path is not None else "board"
        path, chosen = QFileDialog.getSaveFileName(
            self, "Save the board", str(folder / f"{stem}{EXTENSION}"), SAVE_FILTER
        )
        if not path:
            return None
        wanted = ".rs" if chosen.startswith("Rust") else EXTENSION
        if Path(path).suffix not in (".rs", EXTENSION) or (chosen.startswith("Rust") and path.endswith(EXTENSION)):
            path = str(Path(path).with_suffix(wanted))  # the filter chosen decides, over the suggested name
        return path

    def _write(self, target: Path) -> bool:
        program = self.program()
        try:
            data = program.encode("utf-8") if target.suffix == ".rs" else dump_board(self.current_board())
            write_atomically(target, data)
        except (SaveError, ValueError) as err:
            message = (
                str(err) if isinstance(err, SaveError) else f"Cannot save {target}: {err}. The board is still open."
            )
            QMessageBox.warning(self, "The board was not saved", message)
            return False
        self.file_path, self.path, self.saved_program = target, target, program
        if self.session is not None:
            self.session.clear()
        self.recent.add(target)
        self._fill_recent_menu()
        self._update_title()
        self.statusBar().showMessage(f"Saved {target}", 4000)
        return True

    # -- autosave and recovery ----------------------------------------------------------------------------------

    def autosave(self) -> None:
        if self.session is None:
            return
        if not self.is_dirty():  # edits undone back to the saved text: nothing to offer back after a crash
            self.session.clear()
            return
        try:
            shown = str(self.path) if self.path is not None else None
            self.session.save(self.current_board(), str(self.file_path) if self.file_path else None, shown)
            self.autosave_error = None
        except (SaveError, OSError, ValueError) as err:
            # Not a dialog: an autosave that fails must not interrupt typing. The status bar says it until it works.
            self.autosave_error = f"Autosave failed: {err}"
            self.statusBar().showMessage(self.autosave_error)

    def recoverable(self) -> list[Recovered]:
        return orphans(self.recovery_folder())

    def recover(self, recovered: Recovered) -> bool:
        """Open an autosave left by a session that did not close cleanly; it stays unsaved until the user saves."""
        if not self.confirm_discard():
            return False
        origin = Path(recovered.origin) if recovered.origin else None
        shown = Path(recovered.shown) if recovered.shown else origin
        if shown is None:
            shown = Path(f"recovered-{time.strftime('%Y%m%d-%H%M')}.rs")
        if not self.show_board(recovered.board, shown, origin, saved=False):
            return False
        self.autosave()  # now this session's: a second crash still loses nothing …
        if self.autosave_error is None:
            discard_file(recovered.file)  # … and only then is the old copy let go
        self.statusBar().showMessage(f"Recovered the unsaved board from {time.ctime(recovered.saved_at)}", 8000)
        return True

    def discard_recovered(self, recovered: Recovered) -> None:
        discard_file(recovered.file)

    # -- asking before work is lost -----------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """True when it is fine to replace or close the board: it is saved, or the user saved or discarded it."""
        if not self.is_dirty():
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save()
        if answer == "discard":
            if self.session is not None:
                self.session.clear()
            self.saved_program = self.program()  # nothing left to ask about
            return True
        return False

    def ask_unsaved(self) -> str:
        """ "save", "discard" or "cancel" (tests replace this method)."""
        name = self.path.name if self.path is not None else "the board"
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Warning)
        box.setWindowTitle("Unsaved changes")
        box.setText(f"Save the changes to {name}?")
        box.setInformativeText("If you don't save them, your changes will be lost.")
        box.setStandardButtons(QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel)
        box.setDefaultButton(QMessageBox.Save)
        return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(box.exec(), "cancel")

    def close_session(self) -> None:
        """A clean end: the autosave slot and its lock go (only once the board is saved or discarded)."""
        self._autosave_timer.stop()
        self._rerun_timer.stop()
        if self.session is not None:
            self.session.close()
            self.session = None
