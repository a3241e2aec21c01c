"""Building by hand in the window: drag and drop (sent as the drag events Qt would send: `QDrag.exec` returns at
once offscreen), context menus, double-click edits and the keyboard all edit the program, which runs again; each
gesture is one undo entry named in the Edit menu; what Rust refuses is explained with a one-click undo. Checked
against the program text, rustc's verdict and the memory the board shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.gesture_board import RUSTC, rustc_verdict
from tests.test_gestures import SEED_TYPED
from whiteboard.app.main_window import MainWindow
from whiteboard.canvas.interaction import item_mime, place_mime

PROGRAM = """\
fn main() {
    let mut v: Vec<i32> = Vec::new();
    let n = 5;
    println!("{} {} {}", v.len(), v.capacity(), n);
}
"""
ACTIONS = Qt.CopyAction | Qt.MoveAction


@pytest.fixture
def window(qtbot, settings_dir, tmp_path):
    win = MainWindow(QSettings(str(settings_dir / "whiteboard.ini"), QSettings.IniFormat))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.set_speed(None)  # no animation to wait for: the board lands on the new step at once
    path = tmp_path / "main.rs"
    path.write_text(PROGRAM, encoding="utf-8")
    assert win.open_file(path)
    yield win
    win.stop_all()
    win.saved_program = win.program()
    win.close_session()


def at_line(win, line: int) -> None:
    win.go_to(next(s.index for s in win.trace.steps if s.span[0] == line))


def slot_key(win, name: str) -> str:
    state = win.trace.state_at(win.current_step())
    slot = next(s for f in state.frames.values() for s in f.slots.values() if s.name == name)
    return f"val:slot:{slot.slot_id}"


def frame_key(win) -> str:
    return next(k for k in win.board.target_keys() if k.startswith("frame:"))


def point_of(win, key: str) -> QPointF:
    """A viewport point over `key`: a frame's title bar, a value's middle."""
    rect = win.board.rect_of(key)
    scene = rect.topLeft() + QPointF(rect.width() - 30, 12) if key.startswith("frame:") else rect.center()
    return QPointF(win.board.mapFromScene(scene))


def drag(win, mime, key: str, drop: bool = True, modifiers=Qt.NoModifier) -> None:
    vp = win.board.viewport()
    pos = point_of(win, key)
    QApplication.sendEvent(vp, QDragEnterEvent(pos.toPoint(), ACTIONS, mime, Qt.LeftButton, modifiers))
    QApplication.sendEvent(vp, QDragMoveEvent(pos.toPoint(), ACTIONS, mime, Qt.LeftButton, modifiers))
    if drop:
        QApplication.sendEvent(vp, QDropEvent(pos, ACTIONS, mime, Qt.LeftButton, modifiers))


def state_slot(win, name: str):
    state = win.trace.state_at(win.current_step())
    return next((s for f in state.frames.values() for s in f.slots.values() if s.name == name), None)


def test_dragging_an_item_outlines_the_target_with_the_line_it_would_write(window):
    at_line(window, 3)
    drag(window, item_mime("String"), frame_key(window), drop=False)
    assert window.board.highlighted_key() == frame_key(window)
    assert window.board.highlighted_text() == 'let mut s = String::from("hello");'
    drag(window, item_mime("i32"), slot_key(window, "v"), drop=False)
    assert window.board.highlighted_text() == "v.push(1);"
    window.board.dragLeaveEvent(None)
    assert window.board.highlighted_key() is None
    assert window.program() == PROGRAM  # hovering writes nothing


def test_a_drop_on_the_frame_adds_a_local_runs_and_lands_on_it(window):
    at_line(window, 3)
    drag(window, item_mime("String"), frame_key(window))
    lines = window.program().splitlines()
    assert lines[3] == '    let mut s = String::from("hello");'
    assert window.trace.steps[window.current_step()].span[0] == 4
    slot = state_slot(window, "s")
    assert slot is not None and slot.ty == "String" and slot.size == 24
    assert window.undo_action.text() == "&Undo Add `s: String`"
    if RUSTC:
        assert rustc_verdict(window.program())[0]


def test_pushes_by_drag_grow_the_vec_and_each_is_one_undo_entry(window):
    at_line(window, 3)
    for _ in range(5):
        drag(window, item_mime("i32"), slot_key(window, "v"))
    view = state_slot(window, "v").value
    assert (view[3], view[2]) == (5, 8)
    assert window.undo_stack.count() == 5
    window.undo_action.trigger()
    assert "v.push(5);" not in window.program() and "v.push(4);" in window.program()
    assert window.redo_action.text() == "&Redo Push 5 onto `v`"
    window.redo_action.trigger()
    assert "v.push(5);" in window.program()
    for _ in range(5):
        window.undo_action.trigger()
    assert window.program() == PROGRAM
    assert not window.is_dirty()


def test_stepping_is_never_recorded(window):
    at_line(window, 3)
    drag(window, item_mime("i32"), slot_key(window, "v"))
    window.step_forward()
    window.first_step()
    window.last_step()
    assert window.undo_stack.count() == 1


def test_a_value_dragged_to_the_frame_moves_and_ctrl_clones(window):
    at_line(window, 3)
    drag(window, item_mime("i32"), slot_key(window, "v"))
    drag(window, place_mime(slot_key(window, "v")), frame_key(window), modifiers=Qt.ControlModifier)
    assert "    let v2 = v.clone();" in window.program()
    assert window.result.exit_code == 0
    drag(window, place_mime(slot_key(window, "v")), frame_key(window))
    assert "    let v3 = v;" in window.program()
    # `v` is printed at the end: Rust says no, the bar explains it and one click takes it back
    assert window.result.diagnostics[0].code == "E0382"
    bar = window.notice_bar
    assert bar.isVisible() and "E0382" in bar.text() and "one owner" in bar.text()
    assert bar.undo.isVisible() and "Move `v` into `v3`" in bar.undo.text()
    if RUSTC:
        assert rustc_verdict(window.program())[1][:1] == ["E0382"]
    bar.undo.click()
    assert "let v3 = v;" not in window.program() and window.result.exit_code == 0
    assert not bar.isVisible()


def refused_move(win):
    """Move `v` into a new local before the line that prints it: rustc says E0382."""
    at_line(win, 3)
    drag(win, item_mime("i32"), slot_key(win, "v"))
    before, step = win.trace, win.current_step()
    key = slot_key(win, "v")
    drag(win, place_mime(key), frame_key(win))
    assert win.result.diagnostics[0].code == "E0382"
    return before, step, key


def test_a_refused_edit_keeps_the_memory_it_was_made_on_with_the_error_drawn_on_it(window):
    before, step, key = refused_move(window)
    board = window.board
    assert board.refusal is not None and board.trace is before and board.current_step() == step
    diagram = board.diagram(step)
    card = " ".join(p.text for k, p in diagram.items.items() if k.startswith("refusal:line:"))
    assert "Rust refuses “Move `v` into `v2`”" in card and "error[E0382]: borrow of moved value: `v`" in card
    ring = f"refusal:{key.removeprefix('val:')}"
    assert ring in diagram.items
    # what the panels show is the refused run (its one step, its error), not the kept memory
    assert window.controls.label_text().startswith("step 0 / 0") and "E0382" in window.outcome_label.text()
    # stepping does not move the kept picture; gestures on it are refused, saying why
    window.step_forward()
    window.last_step()
    assert board.current_step() == step and board.refusal is not None
    drag(window, item_mime("i32"), key)
    assert "let v2 = v;" in window.program() and window.undo_stack.count() == 2
    assert "Fix the program first" in window.notice_bar.text()
    # undo: the new program's own memory, no refusal
    window.undo_action.trigger()
    assert board.refusal is None and board.trace is window.trace and window.result.exit_code == 0
    assert board.current_step() == step and not any(k.startswith("refusal") for k in board.diagram(step).items)


def test_on_a_refused_board_the_bin_and_menus_say_to_fix_the_program_first(window, monkeypatch):
    _before, _step, key = refused_move(window)
    window.bin_place(key)
    assert "Fix the program first" in window.notice_bar.text()
    monkeypatch.setattr(window, "exec_menu", lambda menu, pos: pytest.fail("no menu on a refused board"))
    assert window.show_context_menu(key, QPoint()) is None and "Fix the program first" in window.notice_bar.text()


def test_a_typed_error_naming_no_local_outlines_nothing_from_an_earlier_gesture(window):
    at_line(window, 3)
    drag(window, item_mime("i32"), slot_key(window, "v"))  # compiles; the gesture aimed at `v`
    window.code_panel.code_view.replace_text(window.program().replace("let n = 5;", 'let n: i32 = "five";'))
    window.rerun()
    assert window.result.diagnostics[0].code == "E0308" and window.board.refusal.keys == ()


def test_an_error_about_a_shadowing_local_outlines_the_newer_binding(window):
    source = (
        'fn main() {\n    let s = String::from("hi");\n    let s = 5;\n    let t = 1;\n'
        '    println!("{} {}", s, t);\n}\n'
    )
    window.code_panel.code_view.replace_text(source)
    window.rerun()
    at_line(window, 5)
    state = window.trace.state_at(window.current_step())
    newer = max(s.slot_id for f in state.frames.values() for s in f.slots.values() if s.name == "s")
    window.code_panel.code_view.replace_text(source.replace("let t = 1;", "let t = 1;\n    s = 6;"))
    window.rerun()
    assert window.result.diagnostics[0].code == "E0384" and window.board.refusal.keys == (f"slot:{newer}",)


def test_a_value_carried_by_the_keyboard_is_let_go_when_the_program_runs_again(window):
    """The carried value is named by a key of the old run, which may name another local after it: let go."""
    at_line(window, 4)
    window.arm_place(slot_key(window, "n")[4:], False)
    assert window._armed is not None
    window.code_panel.code_view.replace_text(PROGRAM.replace("    let n = 5;\n", "    let a = 1;\n    let n = 5;\n"))
    window.rerun()
    assert window._armed is None
    window.board.setFocus()
    QTest.keyClick(window.board, Qt.Key_Tab)
    QTest.keyClick(window.board, Qt.Key_Return)
    assert "a2 = a" not in window.program()
    window.arm_place(slot_key(window, "n")[4:], True)
    window.step_back()
    assert window._armed is None  # another step: the key may name another value there


def test_the_refused_edits_outline_is_on_screen(window):
    """Pixels: vermillion dashes along the top edge of `v`'s row, where the move is refused."""
    from PySide6.QtGui import QColor

    from whiteboard.canvas.themes import get_theme

    _before, _step, key = refused_move(window)
    slot = key.removeprefix("val:")
    box = window.board.mapFromScene(window.board.rect_of(slot).adjusted(-4, -4, 4, 4)).boundingRect()
    red = QColor(get_theme("light").style("refused").stroke)
    image = window.board.viewport().grab().toImage()
    hits = 0
    for x in range(box.left(), box.right()):
        for y in range(box.top() - 2, box.top() + 3):
            c = image.pixelColor(x, y)
            hits += abs(c.red() - red.red()) + abs(c.green() - red.green()) + abs(c.blue() - red.blue()) < 60
    assert hits > box.width() // 3
    window.undo_action.trigger()
    image = window.board.viewport().grab().toImage()
    assert not any(
        abs(image.pixelColor(x, box.top()).red() - red.red()) + abs(image.pixelColor(x, box.top()).blue() - red.blue())
        < 40
        and abs(image.pixelColor(x, box.top()).green() - red.green()) < 40
        for x in range(box.left() + box.width() // 4, box.right() - box.width() // 4)
    )


def test_typing_a_program_rust_refuses_keeps_the_picture_and_a_fix_brings_it_back(window):
    at_line(window, 3)
    step = window.current_step()
    before = window.trace
    window.code_panel.code_view.replace_text(PROGRAM.replace("let n = 5;", "let n: u8 = 500;"))
    window.rerun()
    assert window.result.exit_code == 1 and window.board.trace is before and window.board.current_step() == step
    assert window.board.refusal.label == "your change to the code"
    window.code_panel.code_view.replace_text(PROGRAM.replace("let n = 5;", "let n: u8 = 50;"))
    window.rerun()
    assert window.board.refusal is None and window.board.trace is window.trace and window.result.exit_code == 0
    assert window.trace.stdout == "0 0 50\n"


def test_a_program_opened_with_an_error_shows_the_error_card(window, tmp_path):
    path = tmp_path / "broken.rs"
    path.write_text(PROGRAM.replace("let n = 5;", "let n: u8 = 500;"), encoding="utf-8")
    assert window.open_file(path)
    assert window.board.refusal is None and window.board.trace is window.trace  # the old file's memory is not kept
    assert any(k.startswith("error:") for k in window.board.diagram(0).items)


def test_the_bin_drops_a_value(window):
    at_line(window, 3)
    mime = place_mime(slot_key(window, "n"))  # (kept alive: the event does not own it)
    bin_ = window.board.bin
    QApplication.sendEvent(bin_, QDragEnterEvent(QPoint(5, 5), ACTIONS, mime, Qt.LeftButton, Qt.NoModifier))
    QApplication.sendEvent(bin_, QDropEvent(QPointF(5, 5), ACTIONS, mime, Qt.LeftButton, Qt.NoModifier))
    assert "    drop(n);" in window.program()


def test_assigning_to_an_immutable_local_offers_the_fix(window):
    at_line(window, 3)
    drag(window, item_mime("i32"), slot_key(window, "n"))
    assert "    n = 6;" in window.program()
    assert window.result.diagnostics[0].code == "E0384"
    bar = window.notice_bar
    assert bar.fix.isVisible() and bar.fix.text() == "Make `n` mutable"
    bar.fix.click()
    assert "let mut n = 5;" in window.program() and window.result.exit_code == 0
    assert state_slot(window, "n").value == ("scalar", "6")
    if RUSTC:
        assert rustc_verdict(window.program())[0]


def test_a_reference_on_a_frame_is_refused_in_words(window):
    at_line(window, 3)
    drag(window, item_mime("ref"), frame_key(window))
    assert window.program() == PROGRAM
    assert "needs something to point at" in window.notice_bar.text()


def test_the_context_menu_lists_what_a_vec_can_do_and_runs_it(window, monkeypatch):
    at_line(window, 3)
    monkeypatch.setattr(window, "exec_menu", lambda menu, pos: None)
    menu = window.show_context_menu(slot_key(window, "v"), window.board.mapToGlobal(window.board.rect().center()))
    texts = [a.text() for a in menu.actions() if a.text()]
    for expected in ("v.push(…)", "v.pop()", "v.reserve(8)", "v.shrink_to_fit()", "Borrow &mut v", "drop(v)"):
        assert expected in texts
    next(a for a in menu.actions() if a.data() == "reserve").trigger()
    assert "    v.reserve(8);" in window.program()
    view = state_slot(window, "v").value
    assert view[2] == 8  # capacity reserved on the board, as Vec::reserve does from empty


def test_the_keyboard_context_menu_opens_on_the_chosen_target(window, monkeypatch):
    at_line(window, 3)
    opened = []
    monkeypatch.setattr(window, "exec_menu", lambda menu, pos: opened.append(menu))
    window.board.setFocus()
    window.board.set_cursor(slot_key(window, "v"))
    QTest.keyClick(window.board, Qt.Key_Return)
    assert opened and any(a.data() == "push" for a in opened[0].actions())


def test_double_click_edits_a_literal_in_place(window):
    at_line(window, 3)
    key = slot_key(window, "n")
    pos = point_of(window, key).toPoint()
    QTest.mouseDClick(window.board.viewport(), Qt.LeftButton, Qt.NoModifier, pos)
    editor = window._inline
    assert editor is not None and editor.text() == "5"
    editor.setText("42")
    QTest.keyClick(editor, Qt.Key_Return)
    assert "let n = 42;" in window.program()
    assert state_slot(window, "n").value == ("scalar", "42")
    assert window.undo_action.text() == "&Undo Change `n` to 42"


def test_a_bad_literal_is_refused_and_the_program_kept(window):
    at_line(window, 3)
    editor = window.edit_in_place(slot_key(window, "n"), "literal")
    editor.setText("five")
    QTest.keyClick(editor, Qt.Key_Return)
    assert window.program() == PROGRAM
    assert "not a whole number" in window.notice_bar.text()


def test_the_keyboard_places_a_palette_item(window):
    at_line(window, 3)
    window.focus_palette()
    items = window.palette.list
    row = next(i for i in range(items.count()) if items.item(i).text().startswith("Vec<i32>"))
    items.setCurrentRow(row)
    QTest.keyClick(items, Qt.Key_Return)
    assert window.board.hasFocus() and window.board.cursor_key == frame_key(window)
    assert "Placing Vec<T>" in window.notice_bar.text()
    assert window.board.highlighted_text() == "let mut v2: Vec<i32> = Vec::new();"
    QTest.keyClick(window.board, Qt.Key_Return)
    assert "    let mut v2: Vec<i32> = Vec::new();" in window.program()


def test_the_keyboard_moves_and_clones_a_value(window, monkeypatch):
    """Drag-moving a value has a keyboard way too: the value's menu, "Clone n to…" or "Move n to…", then Tab to
    where it goes and Enter."""
    at_line(window, 3)
    menus = []
    monkeypatch.setattr(window, "exec_menu", lambda menu, pos: menus.append(menu))
    board = window.board
    board.setFocus()
    board.set_cursor(slot_key(window, "n")[4:])
    QTest.keyClick(board, Qt.Key_Return)
    next(a for a in menus[-1].actions() if a.text() == "Clone n to… (Tab, Enter)").trigger()
    assert board.cursor_key == frame_key(window) and "Cloning `n`" in window.notice_bar.text()
    assert board.highlighted_text() == "let n2 = n.clone();"
    QTest.keyClick(board, Qt.Key_Return)
    assert "    let n2 = n.clone();" in window.program() and window.result.exit_code == 0
    # move n onto n2: an assignment, which Rust refuses (n2 is not mut) with the fix offered
    board.set_cursor(slot_key(window, "n")[4:])
    QTest.keyClick(board, Qt.Key_Return)
    next(a for a in menus[-1].actions() if a.text() == "Move n to… (Tab, Enter)").trigger()
    for _ in range(10):
        if board.cursor_key == slot_key(window, "n2")[4:]:
            break
        QTest.keyClick(board, Qt.Key_Tab)
    assert board.highlighted_text() == "n2 = n;"
    QTest.keyClick(board, Qt.Key_Return)
    assert "    n2 = n;" in window.program()
    assert window.result.diagnostics[0].code == "E0384" and window.notice_bar.fix.isVisible()
    # Esc lets go of a carried value without writing anything
    window.notice_bar.undo.click()
    board.set_cursor(slot_key(window, "v")[4:])
    window.arm_place(slot_key(window, "v"), False)
    QTest.keyClick(board, Qt.Key_Escape)
    before = window.program()
    QTest.keyClick(board, Qt.Key_Return)
    assert window.program() == before and window._armed is None


def test_tab_walks_the_targets(window):
    at_line(window, 3)
    window.board.setFocus()
    seen = []
    for _ in range(4):
        QTest.keyClick(window.board, Qt.Key_Tab)
        seen.append(window.board.cursor_key)
    assert seen[0].startswith("frame:") and seen[1:3] == [slot_key(window, "n")[4:], slot_key(window, "v")[4:]]
    assert seen[3] == seen[0]  # three targets: the frame and its two locals, then round again
    QTest.keyClick(window.board, Qt.Key_Escape)
    assert window.board.cursor_key is None


def test_palette_items_show_size_and_alignment(window):
    from whiteboard.app.palette_panel import KEY_ROLE, SIZE_ROLE

    def shown() -> dict:
        rows = [window.palette.list.item(i) for i in range(window.palette.list.count())]
        return {row.text(): row.data(SIZE_ROLE) for row in rows if row.data(KEY_ROLE)}

    assert shown()["Vec<i32>"] == "24 B · align 8" and shown()["Option<i32>"] == "8 B · align 4"
    window.palette.element.setCurrentText("String")
    assert shown()["Option<String>"] == "24 B · align 8"  # the niche


def test_the_palette_is_grouped_by_where_memory_is_and_the_keys_skip_the_titles(window):
    from whiteboard.app.palette_panel import KEY_ROLE

    items = window.palette.list
    rows = [items.item(i) for i in range(items.count())]
    titles = [row.text() for row in rows if not row.data(KEY_ROLE)]
    assert titles == ["ON THE STACK", "OWNS HEAP MEMORY", "POINTS AT MEMORY", "CODE"]
    heap = rows.index(next(r for r in rows if r.text() == "OWNS HEAP MEMORY"))
    assert [r.text() for r in rows[heap + 1 : heap + 4]] == ["String", "Vec<i32>", "Box<i32>"]
    assert all(not r.icon().isNull() for r in rows if r.data(KEY_ROLE))
    window.focus_palette()
    assert items.currentItem().text() == "i32"  # the first item, not the first title
    items.setCurrentRow(heap - 1)
    QTest.keyClick(items, Qt.Key_Down)  # over the title, onto String
    assert items.currentItem().text() == "String"
    window.define_struct("Holder", [("items", "Vec<i32>")])
    titles = [items.item(i).text() for i in range(items.count()) if not items.item(i).data(KEY_ROLE)]
    assert "YOUR STRUCTS" in titles


def test_the_palettes_keys_skip_section_titles(window):
    items = window.palette.list
    window.focus_palette()
    for start, key, want in ((items.count() - 1, Qt.Key_Home, "i32"), (5, Qt.Key_PageUp, "i32"), (1, Qt.Key_Up, "i32")):
        items.setCurrentRow(start)
        QTest.keyClick(items, key)
        assert items.currentItem().text() == want, (start, key)
    items.setCurrentRow(next(i for i in range(items.count()) if items.item(i).text() == "String"))
    QTest.keyClick(items, Qt.Key_Up)  # over the title, back to the last stack item
    assert items.currentItem().text().startswith("(")


def test_tab_puts_the_callout_on_screen_even_where_the_board_scrolls(window):
    big = "fn main() {\n" + "".join(f"    let x{i} = {i};\n" for i in range(30)) + '    println!("{}", x0);\n}\n'
    window.code_panel.code_view.replace_text(big)
    window.rerun()
    at_line(window, 32)
    board = window.board
    for _ in range(4):
        board.zoom_in()
    for key in [k for k in board.target_keys() if k.startswith("slot:")][::-1]:
        board.set_cursor(key)  # what Tab does
        seen = board.mapToScene(board.viewport().rect()).boundingRect()
        assert seen.contains(board._highlight[2].sceneBoundingRect()), key


def test_typing_and_gestures_share_one_history(window):
    from tests.test_board_window import type_text

    at_line(window, 3)
    drag(window, item_mime("i32"), slot_key(window, "v"))
    view = window.code_panel.code_view
    cursor = view.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    view.setTextCursor(cursor)
    type_text(window, "// note")
    assert window.undo_action.text() == "&Undo Typing"
    QTest.keyClick(view, Qt.Key_Z, Qt.ControlModifier)  # Ctrl+Z in the editor is Edit › Undo
    assert "// note" not in window.program() and "v.push(1);" in window.program()
    window.undo_action.trigger()
    assert window.program() == PROGRAM


def test_the_seed_lesson_built_by_gestures_in_the_window(window):
    window.load_source("fn main() {}\n", window.path)
    window.define_struct("Holder", [("items", "Vec<i32>")])
    window.go_to(0)
    drag(window, item_mime("struct:Holder"), frame_key(window))
    for _ in range(5):
        items = slot_key(window, "holder") + "/items"
        drag(window, item_mime("i32"), items)
    assert window.program() == SEED_TYPED
    from whiteboard.sim.run import run_source

    expected = run_source(SEED_TYPED, "main.rs", record=True).trace
    assert [s.label for s in window.trace.steps] == [s.label for s in expected.steps]
    view = state_slot(window, "holder").value[2][0][2]
    assert (view[3], view[2]) == (5, 8)
    assert window.undo_stack.count() == 7  # the struct, the local, five pushes


def test_the_drop_target_is_outlined_on_screen(window):
    """Pixels: the outline (accent blue) runs along the hovered value's edge while dragging, and is gone after."""
    from PySide6.QtGui import QColor

    from whiteboard.canvas.interaction import ACCENT

    at_line(window, 3)
    key = slot_key(window, "v")
    box = window.board.mapFromScene(window.board.rect_of(key).adjusted(-4, -4, 4, 4)).boundingRect()
    accent = QColor(ACCENT)

    def accent_pixels() -> int:
        image = window.board.viewport().grab().toImage()
        hits = 0
        for x in range(box.left(), box.right()):
            for y in range(box.top() - 3, box.top() + 4):
                c = image.pixelColor(x, y)
                hits += (
                    abs(c.red() - accent.red()) + abs(c.green() - accent.green()) + abs(c.blue() - accent.blue()) < 60
                )
        return hits

    before = accent_pixels()
    drag(window, item_mime("i32"), key, drop=False)
    during = accent_pixels()
    window.board.dragLeaveEvent(None)
    assert before < box.width() // 10 and during > box.width() // 2  # a dashed line along the whole top edge
    assert accent_pixels() == before


def test_the_callout_covers_none_of_the_boards_text(window):
    """The line a drop would write sits beside its target, on screen, over no label of the picture (it used to
    cover the local's name and the value of the local above)."""
    from whiteboard.diagram.callout import text_boxes

    at_line(window, 3)
    drag(window, item_mime("String"), frame_key(window))
    board = window.board
    seen = board.mapToScene(board.viewport().rect()).boundingRect()
    texts = text_boxes(board.board_scene.diagram.items.values())
    for name in ("n", "v", "s"):
        key = slot_key(window, name)
        drag(window, item_mime("i32"), key, drop=False)
        box = board._highlight[2].sceneBoundingRect()
        own = board.rect_of(key)
        assert seen.contains(box), name
        for x, y, w, h in texts:
            ink = QRectF(x, y, w, h)
            assert own.contains(ink) or not box.intersects(ink), (name, ink)
        board.dragLeaveEvent(None)


def test_a_value_changed_by_a_later_line_is_not_edited_through_its_let(window):
    window.load_source('fn main() {\n    let mut n = 5;\n    n = 7;\n    println!("{}", n);\n}\n', window.path)
    at_line(window, 3)
    assert window.edit_in_place(slot_key(window, "n"), "literal") is None
    assert "later line changed it" in window.notice_bar.text()
    at_line(window, 2)
    assert window.edit_in_place(slot_key(window, "n"), "literal").text() == "5"
