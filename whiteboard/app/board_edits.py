"""Gestures become edits of the program, and every edit is one undo entry (MainWindow mixin).

A drop, a menu action, a double-click edit or a pause in typing replaces the program text; the program runs again
and the board lands on the statement the gesture wrote. Undo puts the old text back and returns to the step the
board showed. Stepping is never recorded. When Rust refuses an edit, the notice bar says so with rustc's code and
headline and offers to undo it (and, for a missing `mut`, to add it).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLineEdit, QMenu

from whiteboard.app.fonts import ui_font
from whiteboard.document import gestures as G
from whiteboard.document import targets as TG
from whiteboard.document.explanations import EXPLANATIONS

MUT_FIXES = ("E0596", "E0384", "E0594")
FIX_FIRST = (
    "Fix the program first: Rust does not accept it, so there is no memory to build on (undo the last edit, or "
    "change the code)."
)


class InlineEditor(QLineEdit):
    """The box a double-click opens over a value or a name: Enter writes it into the program, Esc leaves it."""

    cancelled = Signal()

    def event(self, event) -> bool:
        # Return and Esc belong to this box, not to the window's step shortcuts (asked first, as ShortcutOverride).
        if event.type() == QEvent.ShortcutOverride and event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Escape):
            event.accept()
            return True
        if event.type() == QEvent.KeyPress and event.key() == Qt.Key_Escape:
            self.cancelled.emit()
            return True
        return super().event(event)


class ProgramCommand(QUndoCommand):
    """One gesture: the text before and after, the step to return to, the line to land on."""

    def __init__(
        self,
        window,
        before: str,
        after: str,
        label: str,
        step: int,
        line: int,
        applied: bool,
        occurrence: int = 0,
        target: str | None = None,
    ) -> None:
        super().__init__(label)
        self.window, self.before, self.after = window, before, after
        self.step, self.line, self.occurrence = step, line, occurrence
        self.target = target  # the board key the gesture aimed at: outlined if Rust refuses it and names no local
        self._skip = applied  # typing is already in the editor when it is recorded

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        label = f"“{self.text()}”"
        self.window.show_program(self.after, self.step, self.line, self.occurrence, label=label, target=self.target)

    def undo(self) -> None:
        self.window.show_program(self.before, step=self.step, line=0, label=f"the program before “{self.text()}”")


class BoardEdits:
    def init_board_edits(self) -> None:
        from whiteboard.app.palette_panel import PalettePanel

        self.undo_stack = QUndoStack(self)
        self._committed = ""
        # What the keyboard carries, waiting for its target: ("item", palette key, False) or ("place", value key, copy)
        self._armed: tuple[str, str, bool] | None = None
        self._refusal_target: str | None = None  # the board key the gesture being made aims at (apply_edit)
        self._inline: QLineEdit | None = None
        self._fix = None  # the Edit the notice bar's fix button makes
        self._failed = None  # (step, line, occurrence) of the last gesture when Rust refused it
        self.palette = PalettePanel(self)
        self.palette_dock = QDockWidget("Palette", self)
        self.palette_dock.setObjectName("palette_dock")
        self.palette_dock.setWidget(self.palette)
        self.palette_dock.setFeatures(QDockWidget.DockWidgetClosable | QDockWidget.DockWidgetMovable)
        self.addDockWidget(Qt.LeftDockWidgetArea, self.palette_dock)
        self.palette.armed.connect(self.arm_item)
        self.palette.struct_requested.connect(self.define_struct)
        board = self.board
        board.drop_hint = self.drop_preview
        board.item_dropped.connect(self.drop_item)
        board.place_dropped.connect(self.drop_place)
        board.place_binned.connect(self.bin_place)
        board.context_requested.connect(self.show_context_menu)
        board.edit_requested.connect(self.edit_in_place)
        board.target_activated.connect(self._on_target_activated)
        board.cursor_cancelled.connect(self.disarm)
        self.notice_bar.undo_clicked.connect(self._undo_from_notice)
        self.notice_bar.fix_clicked.connect(self._apply_fix)
        self._build_edit_menu()

    def _build_edit_menu(self) -> None:
        menu = QMenu("&Edit", self)
        menu.setFont(ui_font(12))
        # Our own actions, not the stack's: typing not yet run counts as an entry Undo must see and take back.
        self.undo_action = QAction("&Undo", self)
        self.undo_action.setShortcuts(QKeySequence.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction("&Redo", self)
        self.redo_action.setShortcuts(QKeySequence.Redo)
        self.redo_action.triggered.connect(self.redo)
        self.undo_stack.indexChanged.connect(self._refresh_undo_actions)
        self.code_panel.code_view.edited.connect(self._refresh_undo_actions)
        self._refresh_undo_actions()
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.addSeparator()
        place = QAction("&Place From the Palette…", self)
        place.setShortcut(QKeySequence("Ctrl+Shift+P"))
        place.setStatusTip("Choose an item with the arrows, Enter, then Tab to a target and Enter")
        place.triggered.connect(self.focus_palette)
        new_struct = QAction("New &Struct…", self)
        new_struct.triggered.connect(self.palette.ask_struct)
        menu.addAction(place)
        menu.addAction(new_struct)
        menu.addSeparator()
        menu.addAction(self.palette_dock.toggleViewAction())
        for action in (self.undo_action, self.redo_action, place):
            self.addAction(action)  # keys work with the menu bar hidden (presentation)
        bar = self.menuBar()
        view_menu = next((a for a in bar.actions() if a.text() == "&View"), None)
        bar.insertMenu(view_menu, menu) if view_menu is not None else bar.addMenu(menu)
        self.edit_menu = menu

    # -- the program's history ------------------------------------------------------------------------------------
    def undo(self) -> None:
        self._failed = None
        self.commit_typing()
        self.undo_stack.undo()
        self._refresh_undo_actions()

    def redo(self) -> None:
        if self.program() != self._committed:
            return  # new typing cut the redo branch (it becomes an entry when it runs)
        self.undo_stack.redo()
        self._refresh_undo_actions()

    def _refresh_undo_actions(self, *_args) -> None:
        typing = self.built and self.program() != self._committed
        stack = self.undo_stack
        undo_text = "Typing" if typing else stack.undoText()
        self.undo_action.setText(f"&Undo {undo_text}" if undo_text else "&Undo")
        self.undo_action.setEnabled(typing or stack.canUndo())
        redo = stack.canRedo() and not typing
        self.redo_action.setText(f"&Redo {stack.redoText()}" if redo else "&Redo")
        self.redo_action.setEnabled(redo)

    def reset_history(self, source: str) -> None:
        """A new board: nothing to undo."""
        self.undo_stack.clear()
        self._committed = source
        self.notice_bar.clear()
        self.disarm()
        self._failed = None
        self._refresh_palette()

    def commit_typing(self) -> None:
        """Typing since the last run is one entry (made when the program runs again)."""
        text = self.program()
        if text != self._committed:
            self._failed = None
            cmd = ProgramCommand(self, self._committed, text, "Typing", self.current_step(), 0, applied=True)
            self._committed = text
            self.undo_stack.push(cmd)

    def apply_edit(self, edit: G.Edit) -> bool:
        """Make `edit` one undo entry; True when rustc accepts the new program."""
        self._close_inline()
        self.disarm()
        self.commit_typing()
        failed, self._failed = self._failed, None
        # A fix for a refused gesture lands where that gesture meant to (the refused program has no steps).
        step = failed[0] if failed else self.current_step()
        line = edit.line or (failed[1] if failed else 0)
        times = failed[2] if failed else (TG.occurrence(self.trace, step) if self.trace is not None else 0)
        target, self._refusal_target = self._refusal_target, None
        command = ProgramCommand(self, self.program(), edit.program, edit.label, step, line, False, times, target)
        self.undo_stack.push(command)
        ok = self._report(edit.label)
        if not ok:
            self._failed = (step, line, times)
        return ok

    def show_program(
        self, text: str, step: int, line: int, occurrence: int = 0, label: str = "", target: str | None = None
    ) -> None:
        """Put `text` in the editor, run it, and show the step written on `line` (0: step `step`). `label` names
        the edit and `target` the board key it aimed at, for the board to say what Rust refused if it does not
        compile."""
        self._rerun_timer.stop()
        self.code_panel.code_view.replace_text(text)
        self._committed = text
        self._on_program_changed()
        result = self._run(text, self.path or "main.rs")
        if result is None:
            return
        from whiteboard.app.main_window import underlines_of

        self.code_panel.code_view.set_underlines(underlines_of(result.trace))
        self._refresh_palette()
        if not line or result.exit_code == 1:
            self._show_result(result, step, keep_zoom=True, refused=label or "the program as it is now", target=target)
            if result.exit_code != 1:
                self.notice_bar.clear()
            return
        land = TG.landing_step(result.trace, line, step, occurrence)
        self._show_result(result, max(land - 1, 0), keep_zoom=True)
        self.board.show_step(land)  # the new statement's events play, as when stepping

    def _on_program_changed(self) -> None:
        self._update_title()
        self._autosave_timer.start()

    def _refresh_palette(self) -> None:
        from whiteboard.document.code_places import Tree, structs

        layouts = self.trace.layouts if self.trace is not None else None
        self.palette.refresh(structs(Tree(self.program())), layouts)

    def _report(self, label: str) -> bool:
        """After an edit: if Rust refuses it, say so where the eye is, with the way back."""
        self._fix = None
        diagnostics = (self.result.diagnostics or []) if self.result is not None else []
        if self.result is None or self.result.exit_code != 1 or not diagnostics:
            self.notice_bar.clear()
            return True
        first = diagnostics[0]
        head = f"error[{first.code}]: {first.message}" if first.code else f"error: {first.message}"
        line = first.primary_span[0]
        why = EXPLANATIONS[first.code].why if first.code in EXPLANATIONS else ""
        text = f"Rust refuses “{label}” — {head} (line {line}).{' ' + why if why else ''}"
        fix = ""
        if first.code in MUT_FIXES:
            name = _unmut_name(first.message)
            if name:
                try:
                    self._fix = G.make_mutable(
                        self.program(), self._function_at(line, first.primary_span[1]), name, line
                    )
                    fix = f"Make `{name}` mutable"
                except G.GestureError:
                    self._fix = None
        self.notice_bar.show_notice("error", text, undo=f"Undo “{_short(label)}”", fix=fix)
        return False

    def _function_at(self, line: int, col: int) -> str:
        from whiteboard.document.code_places import Tree, enclosing_function

        tree = Tree(self.program())
        fn = enclosing_function(tree.node_at(line, col))
        return tree.text(fn.child_by_field_name("name")) if fn is not None else "main"

    def _undo_from_notice(self) -> None:
        self._failed = None
        self.undo()
        self.notice_bar.clear()

    def _apply_fix(self) -> None:
        if self._fix is not None:
            fix, self._fix = self._fix, None
            self.apply_edit(fix)

    def refuse(self, message: str) -> None:
        self.notice_bar.show_notice("refused", message)
        self.statusBar().showMessage(message, 8000)

    # -- targets ---------------------------------------------------------------------------------------------------
    def _target(self, key: str):
        if self.trace is None or self.board.refusal is not None:  # (older memory than the program's: no targets)
            return None
        state = self.trace.state_at(self.current_step())
        return TG.target_of(state, key, self.trace.layouts)

    def _anchor(self, target) -> G.Anchor:
        return G.Anchor(*TG.anchor(self.trace, self.current_step(), target.frame_id))

    def gesture(self, found: tuple[str, str], key: str, copy: bool) -> G.Edit:
        """The edit a drop of `found` ("item" or "place", key) on `key` makes; GestureError when there is none."""
        if self.trace is None or self.result is None or self.result.exit_code in (1, 2):
            raise G.GestureError(FIX_FIRST)
        target = self._target(key)
        if target is None:
            raise G.GestureError("Nothing to drop on there: drop on a frame, a local, a field or a Vec's element.")
        kind, what = found
        program = self.program()
        if kind == "item":
            item = self.palette.items.get(what)
            if item is None:
                raise G.GestureError(f"The palette has no item `{what}`.")
            return G.drop_item(program, item, target, self._anchor(target))
        source = self._existing(what)
        return G.move_value(program, source, target, self._anchor(target), copy)

    def drop_preview(self, found, key: str, copy: bool) -> str | None:
        """What the highlighted target would get, as the Rust line itself (or why not)."""
        if found is None and self._armed:
            found, copy = self._armed[:2], self._armed[2]
        if found is None:
            target = self._target(key)
            if target is None:
                return None
            return f"{target.describe()}{': ' + target.ty if target.ty else ''} — Enter: what it can do"
        try:
            edit = self.gesture(found, key, copy)
        except G.GestureError as err:
            return "✕ " + str(err)
        lines = edit.program.split("\n")
        return lines[edit.line - 1].strip() if 0 < edit.line <= len(lines) else edit.label

    # -- gestures --------------------------------------------------------------------------------------------------
    def _do(self, make, key: str | None = None) -> bool:
        """Make the edit `make` returns (about board thing `key`) one undo entry, or say why there is none."""
        try:
            edit = make()
        except (G.GestureError, LookupError) as err:
            self.refuse(str(err))
            return False
        self._refusal_target = key
        return self.apply_edit(edit)

    def drop_item(self, item_key: str, target_key: str) -> bool:
        return self._do(lambda: self.gesture(("item", item_key), target_key, False), target_key)

    def drop_place(self, source_key: str, target_key: str, copy: bool) -> bool:
        return self._do(lambda: self.gesture(("place", source_key), target_key, copy), source_key)

    def _existing(self, key: str):
        if self.board.refusal is not None:
            raise G.GestureError(FIX_FIRST)
        target = self._target(key)
        if target is None:
            raise G.GestureError("That value is gone at this step.")
        return target

    def bin_place(self, key: str) -> bool:
        def make():
            target = self._existing(key)
            return G.drop_value(self.program(), target, self._anchor(target))

        return self._do(make, key)

    def run_action(self, key: str, action: str) -> bool:
        def make():
            target = self._existing(key)
            return G.apply_action(self.program(), target, action, self._anchor(target))

        return self._do(make, key)

    def define_struct(self, name: str, fields: list) -> bool:
        return self._do(lambda: G.add_struct(self.program(), name, fields))

    def show_context_menu(self, key: str, pos: QPoint) -> QMenu | None:
        if self.board.refusal is not None:
            self.refuse(FIX_FIRST)
            return None
        target = self._target(key)
        if target is None:
            return None
        menu = QMenu(self)
        menu.setFont(ui_font(13))
        menu.addSection(f"{target.describe()}{': ' + target.ty if target.ty else ''}")
        for action, text in G.actions_for(target):
            entry = menu.addAction(text)
            entry.setData(action)
            entry.triggered.connect(lambda _=False, a=action: self.run_action(key, a))
        if target.kind == "value":
            menu.addSeparator()
            menu.addAction(f"Move {target.place} to… (Tab, Enter)", lambda: self.arm_place(key, False))
            menu.addAction(f"Clone {target.place} to… (Tab, Enter)", lambda: self.arm_place(key, True))
            menu.addAction("Edit the value (F2)", lambda: self.edit_in_place(key, "literal"))
            if target.is_local:
                menu.addAction("Rename…", lambda: self.edit_in_place(key, "name"))
        self.context_menu = menu
        self.exec_menu(menu, pos)
        return menu

    def exec_menu(self, menu: QMenu, pos: QPoint) -> None:
        """Kept thin: tests trigger the menu's actions themselves."""
        menu.popup(pos)

    # -- double-click editing --------------------------------------------------------------------------------------
    def edit_in_place(self, key: str, what: str) -> QLineEdit | None:
        target = self._target(key if not key.endswith(":name") else key[: -len(":name")])
        if target is None or target.kind != "value":
            return None
        try:
            G.nameable(target)
        except G.GestureError as err:
            self.refuse(str(err))
            return None
        if what == "name":
            text, rect_key = target.root, key
        else:
            found = G.literal_of(self.program(), target, self._anchor(target).line)
            if found is None:
                self.refuse(f"`{target.place}` gets its value from a computation: edit it in the code.")
                return None
            if not G.literal_shows(found[2], target.view):
                self.refuse(
                    f"`{target.place}` was {found[2]} when declared and a later line changed it: edit that line in the "
                    "code."
                )
                return None
            text, rect_key = found[2], key
        rect = self.board.rect_of(rect_key)
        if rect is None:
            return None
        self._close_inline()
        editor = InlineEditor(text, self.board.viewport())
        editor.setFont(ui_font(16, bold=True))
        box = self.board.mapFromScene(rect).boundingRect()
        editor.setGeometry(box.x(), box.y(), max(box.width(), 160), max(box.height(), 40))
        editor.selectAll()
        editor.show()
        editor.setFocus()
        editor.returnPressed.connect(lambda: self._finish_inline(target, what, editor.text(), key))
        editor.cancelled.connect(self._close_inline)
        self._inline = editor
        return editor

    def _finish_inline(self, target, what: str, text: str, key: str | None = None) -> bool:
        self._close_inline()
        anchor_line = self._anchor(target).line
        if what == "name":
            return self._do(lambda: G.rename(self.program(), target, text, anchor_line), key)
        return self._do(lambda: G.set_literal(self.program(), target, text, anchor_line), key)

    def _close_inline(self) -> None:
        if self._inline is not None:
            editor, self._inline = self._inline, None
            editor.hide()
            editor.deleteLater()
            self.board.setFocus()

    # -- the keyboard ----------------------------------------------------------------------------------------------
    def focus_palette(self) -> None:
        self.palette_dock.show()
        self.palette.list.setFocus()
        if self.palette.list.currentRow() < 0:
            self.palette.list.setCurrentRow(self.palette.first_row())

    def arm_item(self, item_key: str) -> None:
        item = self.palette.items.get(item_key)
        if item is None or self.trace is None:
            return
        self._armed = ("item", item_key, False)
        self.board.setFocus()
        frames = [k for k in self.board.target_keys() if k.startswith("frame:")]
        self.board.set_cursor(frames[0] if frames else None)
        self.notice_bar.show_notice(
            "hint", f"Placing {item.label}: Tab chooses where, Enter drops it there, Esc cancels."
        )

    def arm_place(self, key: str, copy: bool) -> None:
        """The keyboard's drag of a value: Tab chooses where it goes (its frame: a new local; another place: an
        assignment), Enter moves (or clones) it there."""
        target = self._target(key)
        if target is None:
            return
        frame = f"frame:{target.frame_id}"
        if frame not in self.board.target_keys():  # (its frame folded away in a deep recursion: nowhere to Tab)
            self.refuse(f"`{target.place}` is in a frame the board has folded away: step to where it is shown.")
            return
        self._armed = ("place", key, copy)
        self.board.setFocus()
        self.board.set_cursor(frame)
        verb = "Cloning" if copy else "Moving"
        self.notice_bar.show_notice(
            "hint", f"{verb} `{target.place}`: Tab chooses where, Enter puts it there, Esc cancels."
        )

    def disarm(self, places_only: bool = False) -> None:
        """Let go of what the keyboard carries (`places_only`: only a value of the program, whose key may name
        something else at another step; a palette item means the same anywhere)."""
        if self._armed is not None and (not places_only or self._armed[0] == "place"):
            self._armed = None
            if self.notice_bar.kind == "hint":
                self.notice_bar.clear()

    def _on_target_activated(self, key: str) -> None:
        if self._armed is not None:
            (kind, what, copy), self._armed = self._armed, None
            if kind == "item":
                self.drop_item(what, key)
            else:
                self.drop_place(what, key, copy)
            return
        rect = self.board.rect_of(key)
        pos = self.board.viewport().mapToGlobal(self.board.mapFromScene(rect.center())) if rect else QPoint()
        self.show_context_menu(key, pos)


def _unmut_name(message: str) -> str | None:
    """The variable a missing `mut` concerns, from rustc's headline."""
    m = re.search(r"as `([^`]+)` is not declared as mutable", message) or re.search(
        r"immutable variable `([^`]+)`", message
    )
    if m:
        return m.group(1)
    m = re.search(r"cannot borrow `([A-Za-z_]\w*)`", message) or re.search(r"assign to `([A-Za-z_]\w*)`", message)
    return m.group(1) if m else None


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"
