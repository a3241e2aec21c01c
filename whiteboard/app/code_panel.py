"""The code panel: the program with line numbers, the current step's span, compile errors underlined, and below it
what the program has printed so far.

The program is editable: the panel reports edits (`edited`) and Ctrl+Enter (`run_requested`); the window runs the
program again, so the board and the code never disagree. While the code has focus, the keys that edit text go to it
rather than to the stepping shortcuts; Page Up/Down (a presenter's clicker) step from anywhere, and Esc hands the
keys back to the board.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QTextEdit, QToolTip, QVBoxLayout, QWidget

from whiteboard.app.fonts import CODE_POINT_SIZE, code_font, ui_font
from whiteboard.app.rust_highlighter import RustHighlighter

MIN_POINT_SIZE, MAX_POINT_SIZE = 9, 40


@dataclass(frozen=True)
class PanelColours:
    base: str
    ink: str
    gutter: str
    gutter_ink: str
    band: str  # the lines of the current step
    span: str  # the current step's exact span
    error: str  # wavy underline of a diagnostic
    error_background: str
    stderr: str


COLOURS = {
    "light": PanelColours(
        base="#ffffff", ink="#1b1b1b", gutter="#efefea", gutter_ink="#6f6f6f", band="#fff1c2", span="#ffd27a",
        error="#d0201b", error_background="#fde2df", stderr="#b3261e",
    ),
    "dark": PanelColours(
        base="#1e2023", ink="#ececec", gutter="#26292d", gutter_ink="#9a9a9a", band="#3b3522", span="#6b5a24",
        error="#ff5a4f", error_background="#4a2320", stderr="#ff8a6a",
    ),
    "projector": PanelColours(
        base="#ffffff", ink="#000000", gutter="#e8e8e8", gutter_ink="#303030", band="#ffec99", span="#ffc13b",
        error="#d0001b", error_background="#ffd6d6", stderr="#a0001b",
    ),
}  # fmt: skip


@dataclass(frozen=True)
class Underline:
    """A message shown at a span (1-based line and column, end exclusive, columns in characters)."""

    span: tuple
    message: str


def _apply_colours(widget: QPlainTextEdit, colours: PanelColours) -> None:
    palette = widget.palette()
    palette.setColor(QPalette.Base, QColor(colours.base))
    palette.setColor(QPalette.Text, QColor(colours.ink))
    palette.setColor(QPalette.Window, QColor(colours.base))
    widget.setPalette(palette)
    widget.viewport().setPalette(palette)


class _LineNumbers(QWidget):
    def __init__(self, view: CodeView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.view.gutter_width(), 0)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.view.paint_gutter(self, event.rect())


# Keys the window's stepping shortcuts keep even while the code has focus: a clicker sends these.
CLICKER_KEYS = (Qt.Key_PageUp, Qt.Key_PageDown)
CHORD_MODIFIERS = Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier


class CodeView(QPlainTextEdit):
    """The source, highlighted and editable; `set_span` marks the step being shown."""

    edited = Signal()  # the user changed the text (not `set_source`)
    run_requested = Signal()  # Ctrl+Enter
    leave_requested = Signal()  # Esc: give the keys back to the board

    def __init__(self, parent=None, theme: str = "light") -> None:
        super().__init__(parent)
        self._loading = False
        self._last_text = ""
        self.textChanged.connect(self._on_text_changed)
        self.setUndoRedoEnabled(False)  # the window's undo stack holds every edit, typed or made on the board
        self.setLineWrapMode(QPlainTextEdit.WidgetWidth)  # a long line wraps rather than hide off the projector
        self.setTabStopDistance(4 * self.fontMetrics().horizontalAdvance(" "))
        self._highlighter = RustHighlighter(self.document(), theme)
        self._colours = COLOURS["light"]
        self._span: tuple | None = None
        self._underlines: list[Underline] = []
        self._gutter = _LineNumbers(self)
        self.blockCountChanged.connect(self._update_gutter_width)
        self.updateRequest.connect(self._update_gutter)
        self.set_font_size(CODE_POINT_SIZE)
        self.set_theme(theme)

    # -- public API -------------------------------------------------------------------------------------------

    def set_source(self, text: str) -> None:
        self._span = None
        self._underlines = []
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False
        self._last_text = self.program()
        self._refresh_selections()

    def replace_text(self, text: str) -> None:
        """Show `text` (an edit made on the board, or undone) changing only what differs, so the caret, the scroll
        position and the highlighting of the untouched lines stay put."""
        old = self.program()
        if old == text:
            return
        start = 0
        limit = min(len(old), len(text))
        while start < limit and old[start] == text[start]:
            start += 1
        end_old, end_new = len(old), len(text)
        while end_old > start and end_new > start and old[end_old - 1] == text[end_new - 1]:
            end_old -= 1
            end_new -= 1
        cursor = QTextCursor(self.document())
        cursor.setPosition(_qt_pos(old, start))
        cursor.setPosition(_qt_pos(old, end_old), QTextCursor.KeepAnchor)
        self._loading = True
        try:
            cursor.insertText(text[start:end_new])
        finally:
            self._loading = False
        self._last_text = self.program()

    def program(self) -> str:
        """The text exactly as typed: toPlainText() would turn a no-break space into a space (changing what a
        string literal holds). Blocks are joined with "\n"."""
        return self.document().toRawText().replace("\u2029", "\n")

    def _on_text_changed(self) -> None:
        # Qt also reports a change when only formats change (re-highlighting for a new theme): not an edit.
        text = self.program()
        if text != self._last_text:
            self._last_text = text
            if not self._loading:
                self.edited.emit()

    def event(self, event) -> bool:
        if event.type() == QEvent.ShortcutOverride and (
            event.matches(QKeySequence.Undo) or event.matches(QKeySequence.Redo)
        ):
            event.ignore()  # the window's Edit › Undo: one history for the code and the board
            return False
        # Claim the keys that edit text before the window's shortcuts see them (Qt asks the focused widget first
        # with a ShortcutOverride event): typing "a" must insert an "a", not toggle the addresses.
        if event.type() == QEvent.ShortcutOverride and not self.isReadOnly():
            chord = event.modifiers() & CHORD_MODIFIERS
            # AltGr arrives as Ctrl+Alt on Windows: a key that types a character is the editor's whatever it says.
            types = bool(event.text()) and event.text().isprintable()
            if (not chord or types) and event.key() not in CLICKER_KEYS:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and event.modifiers() & Qt.ControlModifier:
            self.run_requested.emit()
            return
        if event.key() == Qt.Key_Escape:
            self.leave_requested.emit()
            return
        super().keyPressEvent(event)

    def set_span(self, span: tuple | None) -> None:
        """Highlight the lines of `span` with a band and the span itself more strongly, and scroll it into view."""
        self._span = span if span and span[0] > 0 else None
        self._refresh_selections()
        if self._span is not None:
            self._scroll_to(self._span)
        self._gutter.update()

    def set_underlines(self, underlines: list[Underline]) -> None:
        self._underlines = list(underlines)
        self._refresh_selections()

    def underlines(self) -> list[Underline]:
        return list(self._underlines)

    def highlighted_line(self) -> int | None:
        """The first line (1-based) of the step being shown, or None."""
        return self._span[0] if self._span else None

    def set_font_size(self, point_size: float) -> None:
        point_size = min(max(point_size, MIN_POINT_SIZE), MAX_POINT_SIZE)
        font = code_font(point_size)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._gutter.setFont(font)
        self.setTabStopDistance(4 * self.fontMetrics().horizontalAdvance(" "))
        self._update_gutter_width()

    def font_size(self) -> float:
        return self.font().pointSizeF()

    def set_theme(self, name: str) -> None:
        self._colours = COLOURS.get(name, COLOURS["light"])
        _apply_colours(self, self._colours)
        self._highlighter.set_theme(name)
        self._refresh_selections()
        self._gutter.update()

    def position_of(self, line: int, column: int) -> int:
        """Document position of a 1-based (line, column in characters), clamped into the document."""
        doc = self.document()
        block = doc.findBlockByNumber(max(line - 1, 0))
        if not block.isValid():
            block = doc.lastBlock()
            return block.position() + block.length() - 1
        text = block.text()
        prefix = text[: max(column - 1, 0)]
        units = len(prefix.encode("utf-16-le")) // 2  # Qt positions count UTF-16 units
        return block.position() + min(units, block.length() - 1)

    # -- selections -------------------------------------------------------------------------------------------

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def _span_range(self, span: tuple) -> tuple[int, int]:
        start = self.position_of(span[0], span[1])
        end = self.position_of(span[2], span[3]) if len(span) >= 4 and span[2] > 0 else start
        return start, max(end, start + 1)

    def _refresh_selections(self) -> None:
        selections = []
        if self._span is not None:
            band = QTextCharFormat()
            band.setBackground(QColor(self._colours.band))
            band.setProperty(QTextFormat.FullWidthSelection, True)
            last = self._span[2] if len(self._span) >= 4 and self._span[2] >= self._span[0] else self._span[0]
            doc = self.document()
            for line in range(self._span[0], last + 1):
                block = doc.findBlockByNumber(line - 1)
                if block.isValid():
                    # FullWidthSelection paints every visual line the cursor touches: select the whole block.
                    end = block.position() + max(block.length() - 1, 0)
                    sel = self._selection(block.position(), end, band)
                    selections.append(sel)
            strong = QTextCharFormat()
            strong.setBackground(QColor(self._colours.span))
            selections.append(self._selection(*self._span_range(self._span), strong))
        for underline in self._underlines:
            wavy = QTextCharFormat()
            wavy.setUnderlineStyle(QTextCharFormat.WaveUnderline)
            wavy.setUnderlineColor(QColor(self._colours.error))
            wavy.setBackground(QColor(self._colours.error_background))
            selections.append(self._selection(*self._span_range(underline.span), wavy))
        self.setExtraSelections(selections)

    def _scroll_to(self, span: tuple) -> None:
        """Bring the span's lines into view with a line of context each side; a view already showing them stays."""
        keep = self.textCursor()
        doc = self.document()
        last = span[2] if len(span) >= 4 and span[2] >= span[0] else span[0]
        for line in (last + 1, max(span[0] - 1, 1)):  # below first, so the top wins when both do not fit
            block = doc.findBlockByNumber(min(line, doc.blockCount()) - 1)
            if block.isValid():
                self.setTextCursor(QTextCursor(block))
                self.ensureCursorVisible()
        # The caret goes back where the user left it (stepping must not move where typing goes), and the view stays
        # where the step's lines are.
        bar = self.verticalScrollBar()
        shown = bar.value()
        self.setTextCursor(keep)
        bar.setValue(shown)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self._underlines:
            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.Antialiasing)
            pen = QPen(QColor(self._colours.error), max(2.0, self.font().pointSizeF() / 6))
            painter.setPen(pen)
            for underline in self._underlines:
                for x0, x1, y in self._underline_runs(*self._span_range(underline.span)):
                    painter.drawPath(_wave(x0, x1, y, amplitude=pen.widthF() * 1.2))
            painter.end()

    def _underline_runs(self, start: int, end: int):
        """(x0, x1, y) in viewport pixels for each visual line of the range: Qt's own wave is a hairline, invisible
        on a projector, so the panel draws a thick one."""
        doc = self.document()
        block = doc.findBlock(start)
        while block.isValid() and block.position() <= end:
            a = max(start, block.position())
            b = min(end, block.position() + max(block.length() - 1, 0))
            if b > a:
                first, last = self._caret_rect(a), self._caret_rect(b)
                if first.top() == last.top():
                    yield first.left(), last.left(), first.bottom()
                else:  # wrapped: the rest of the first visual line, then the start of the last
                    yield first.left(), self.viewport().width() - 4, first.bottom()
                    yield 4, last.left(), last.bottom()
            block = block.next()

    def _caret_rect(self, position: int):
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        return self.cursorRect(cursor)

    # -- tooltips and zoom ------------------------------------------------------------------------------------

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.ToolTip:
            position = self.cursorForPosition(event.pos()).position()
            messages = [u.message for u in self._underlines if _within(position, self._span_range(u.span))]
            if messages:
                QToolTip.showText(event.globalPos(), "\n".join(messages), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.ControlModifier:
            step = 1 if event.angleDelta().y() > 0 else -1
            self.set_font_size(self.font_size() + step)
            event.accept()
            return
        super().wheelEvent(event)

    # -- the gutter -------------------------------------------------------------------------------------------

    def gutter_width(self) -> int:
        digits = max(2, len(str(self.blockCount())))
        return 14 + self.fontMetrics().horizontalAdvance("9") * (digits + 1)

    def _update_gutter_width(self, *_args) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_gutter_width()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        rect = self.contentsRect()
        self._gutter.setGeometry(QRect(rect.left(), rect.top(), self.gutter_width(), rect.height()))

    def paint_gutter(self, widget: QWidget, rect: QRect) -> None:
        painter = QPainter(widget)
        colours = self._colours
        painter.fillRect(rect, QColor(colours.gutter))
        first = self._span[0] if self._span else 0
        last = (self._span[2] if len(self._span) >= 4 and self._span[2] >= first else first) if self._span else 0
        block = self.firstVisibleBlock()
        number = block.blockNumber() + 1
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        width = widget.width()
        bold = widget.font()
        bold.setBold(True)
        while block.isValid() and top <= rect.bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= rect.top():
                current = first <= number <= last
                painter.setFont(bold if current else widget.font())
                painter.setPen(QColor(colours.ink if current else colours.gutter_ink))
                painter.drawText(0, top, width - 8, height, Qt.AlignRight, str(number))
                if number == first:
                    # An arrow, not only a colour, marks the line being run (readable in greyscale, too).
                    painter.setRenderHint(QPainter.Antialiasing)
                    painter.setBrush(QColor(colours.ink))
                    painter.setPen(Qt.NoPen)
                    mid = top + height / 2
                    size = height * 0.28
                    painter.drawPolygon(
                        QPolygonF([QPointF(3, mid - size), QPointF(3 + size * 1.4, mid), QPointF(3, mid + size)])
                    )
            block = block.next()
            top = bottom
            number += 1
        painter.end()


def _wave(x0: float, x1: float, y: float, amplitude: float) -> QPainterPath:
    path = QPainterPath(QPointF(x0, y))
    half = max(amplitude * 1.6, 2.0)  # half a period
    x, up = x0, True
    while x < x1:
        nxt = min(x + half, x1)
        path.quadTo(QPointF((x + nxt) / 2, y - amplitude if up else y + amplitude), QPointF(nxt, y))
        x, up = nxt, not up
    return path


def _qt_pos(text: str, index: int) -> int:
    """A document position counts UTF-16 code units: a character outside the BMP counts two."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def _within(position: int, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= position <= bounds[1]


class OutputView(QPlainTextEdit):
    """What the program has printed up to the step shown: stdout in the text colour, stderr in red."""

    def __init__(self, parent=None, theme: str = "light") -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.setFont(code_font(CODE_POINT_SIZE - 1))
        self._colours = COLOURS["light"]
        self._shown = ("", "")
        self.set_theme(theme)

    def set_output(self, stdout: str, stderr: str) -> None:
        old_out, old_err = self._shown
        if (stdout, stderr) == self._shown:
            return
        if not stderr and not old_err and stdout.startswith(old_out):
            self._append(stdout[len(old_out) :], self._colours.ink)  # stepping forward: only the new text
        else:
            self.clear()
            self._append(stdout, self._colours.ink)
            if stderr:
                self._append(stderr, self._colours.stderr)
        self._shown = (stdout, stderr)
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())
        if stderr:  # an error message is read from its first line: bring that to the top if it is cut off
            cursor = QTextCursor(self.document())
            cursor.setPosition(len(stdout.encode("utf-16-le")) // 2)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def output(self) -> tuple[str, str]:
        return self._shown

    def set_font_size(self, point_size: float) -> None:
        self.setFont(code_font(point_size))

    def set_theme(self, name: str) -> None:
        self._colours = COLOURS.get(name, COLOURS["light"])
        _apply_colours(self, self._colours)
        stdout, stderr = self._shown
        self.clear()  # and write it again in the new colours
        self._shown = ("", "")
        self.set_output(stdout, stderr)

    def _append(self, text: str, colour: str) -> None:
        if not text:
            return
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.End)
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(colour))
        cursor.insertText(text, fmt)


class CodePanel(QWidget):
    """The code view above the output view, each with a heading, in a splitter the presenter can drag."""

    def __init__(self, parent=None, theme: str = "light") -> None:
        super().__init__(parent)
        self.code_view = CodeView(self, theme)
        self.output_view = OutputView(self, theme)
        self._code_title = self._heading("Code")
        self._output_title = self._heading("Output")
        self.splitter = QSplitter(Qt.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._section(self._code_title, self.code_view))
        self.splitter.addWidget(self._section(self._output_title, self.output_view))
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setFont(ui_font(12, bold=True))
        label.setContentsMargins(6, 4, 6, 2)
        return label

    def _section(self, heading: QLabel, body: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(heading)
        layout.addWidget(body, 1)
        return box

    # -- public API -------------------------------------------------------------------------------------------

    def set_program(self, source: str, title: str = "Code", underlines: list[Underline] = ()) -> None:
        self._code_title.setText(title)
        self.code_view.set_source(source)
        self.code_view.set_underlines(list(underlines))
        self.output_view.set_output("", "")

    def show_step(self, span: tuple | None, stdout: str, stderr: str = "") -> None:
        self.code_view.set_span(span)
        self.output_view.set_output(stdout, stderr)

    def highlighted_line(self) -> int | None:
        return self.code_view.highlighted_line()

    def underlines(self) -> list[Underline]:
        return self.code_view.underlines()

    def output_text(self) -> str:
        return self.output_view.toPlainText()

    def font_size(self) -> float:
        return self.code_view.font_size()

    def set_font_size(self, point_size: float) -> None:
        self.code_view.set_font_size(point_size)
        self.output_view.set_font_size(max(self.code_view.font_size() - 1, MIN_POINT_SIZE))

    def set_theme(self, name: str) -> None:
        self.code_view.set_theme(name)
        self.output_view.set_theme(name)
