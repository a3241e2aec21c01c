"""The palette: things to drag onto the board, each with its size and alignment as rustc lays it out.

Generic items (`Vec<T>`, `Option<T>`, `Box<T>`, arrays, tuples) use the element type chosen above the list. The
program's own structs follow the built-in types; "New struct…" defines one. The keyboard does what the mouse does:
arrows choose an item, Enter arms it and hands the keys to the board (Tab to a target, Enter to drop).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from whiteboard.app.fonts import ui_font
from whiteboard.app.palette_icons import SIZE, palette_icon
from whiteboard.canvas.interaction import ITEM_MIME, item_mime
from whiteboard.document import palette as P

KEY_ROLE = Qt.UserRole + 1
SIZE_ROLE = Qt.UserRole + 2  # "24 B · align 8", drawn right-aligned beside the name
LIST_KEYS = {Qt.Key_Up, Qt.Key_Down, Qt.Key_Home, Qt.Key_End, Qt.Key_PageUp, Qt.Key_PageDown, Qt.Key_Return}
LIST_KEYS |= {Qt.Key_Enter, Qt.Key_Space}


class SizeColumn(QStyledItemDelegate):
    """The item as Qt draws it (icon, name), and its size and alignment right-aligned in a quieter colour: names
    line up for reading down the list, sizes for comparing."""

    GAP = 10
    ICON = 44 + 16  # the picture and the margins round it

    def paint(self, painter, option, index) -> None:
        size = index.data(SIZE_ROLE)
        if not size:
            super().paint(painter, option, index)
            return
        font = QFont(option.font)
        font.setPointSizeF(max(font.pointSizeF() - 1, 6))
        metrics = QFontMetrics(font)
        name = QFontMetrics(option.font).horizontalAdvance(index.data(Qt.DisplayRole) or "")
        free = option.rect.width() - self.ICON - name - self.GAP - 8
        if metrics.horizontalAdvance(size) > free:
            size = size.split(" · ")[0]  # "24 B": the alignment stays in the tooltip
        room = metrics.horizontalAdvance(size) + 8 + self.GAP
        if option.rect.width() - room < self.ICON + 60:  # too narrow for both: the name wins
            super().paint(painter, option, index)
            return
        named = QStyleOptionViewItem(option)
        named.rect = option.rect.adjusted(0, 0, -room, 0)
        if option.state & QStyle.State_Selected:  # the selection still spans the whole row
            option.widget.style().drawPrimitive(QStyle.PE_PanelItemViewItem, option, painter, option.widget)
        super().paint(painter, named, index)
        painter.save()
        selected = option.state & QStyle.State_Selected
        role = QPalette.HighlightedText if selected else QPalette.PlaceholderText
        painter.setPen(option.palette.color(QPalette.Active, role))
        painter.setFont(font)
        painter.drawText(option.rect.adjusted(0, 0, -8, 0), Qt.AlignRight | Qt.AlignVCenter, size)
        painter.restore()


class PaletteList(QListWidget):
    armed = Signal(str)  # Enter on an item: choose a target for it on the board

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragOnly)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setUniformItemSizes(True)
        self.setFont(ui_font(13))
        self.setMinimumWidth(100)
        self.setItemDelegate(SizeColumn(self))

    def mimeData(self, items):  # noqa: N802 - Qt override
        return item_mime(items[0].data(KEY_ROLE)) if items else None

    def mimeTypes(self):  # noqa: N802 - Qt override
        return [ITEM_MIME]

    def event(self, event) -> bool:
        # The arrows, Enter and Home/End choose items here, not steps of the board (window shortcuts).
        if event.type() == QEvent.ShortcutOverride and event.key() in LIST_KEYS and not event.modifiers():
            event.accept()
            return True
        return super().event(event)

    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt override
        """Qt's move, then off a section title (which cannot be chosen) onto the nearest item: on in the
        direction of the move, or back if the list ends there (Home lands on the first item, not on row 0)."""
        index = super().moveCursor(action, modifiers)
        row = index.row()
        if not index.isValid() or self.item(row).flags() & Qt.ItemIsEnabled:
            return index
        back = action in (self.CursorAction.MoveUp, self.CursorAction.MovePageUp, self.CursorAction.MovePrevious)
        for step in (-1, 1) if back else (1, -1):
            k = row + step
            while 0 <= k < self.count():
                if self.item(k).flags() & Qt.ItemIsEnabled:
                    return self.model().index(k, 0)
                k += step
        return self.currentIndex()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.currentItem() is not None:
            self.armed.emit(self.currentItem().data(KEY_ROLE))
            return
        super().keyPressEvent(event)


class PalettePanel(QWidget):
    armed = Signal(str)
    element_changed = Signal(str)
    struct_requested = Signal(str, list)  # name, [(field, type)]

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: dict[str, P.PaletteItem] = {}
        self._structs: dict = {}
        self._engine = None
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        title = QLabel("Palette — drag onto the board")
        title.setFont(ui_font(12, bold=True))
        column.addWidget(title)
        row = QHBoxLayout()
        label = QLabel("T =")
        label.setFont(ui_font(13))
        self.element = QComboBox(self)
        self.element.setFont(ui_font(13))
        self.element.setToolTip("The element type of Vec<T>, Option<T>, Box<T>, arrays and tuples")
        self.element.addItems(P.ELEMENT_TYPES)
        self.element.currentTextChanged.connect(self._on_element)
        label.setBuddy(self.element)
        row.addWidget(label)
        row.addWidget(self.element, 1)
        column.addLayout(row)
        self.list = PaletteList(self)
        self.list.armed.connect(self.armed)
        self.list.setToolTip("Drag an item onto a frame, a value or a field; or press Enter, then Tab to a target")
        column.addWidget(self.list, 1)
        self.new_struct = QPushButton("New struct…", self)
        self.new_struct.setFont(ui_font(12))
        self.new_struct.clicked.connect(self.ask_struct)
        column.addWidget(self.new_struct)
        self.setMinimumWidth(150)  # (the window must still fit a 1280-pixel projector with the code panel)
        self.setMaximumWidth(320)
        self.refresh({}, None)

    def element_type(self) -> str:
        return self.element.currentText()

    def _on_element(self, text: str) -> None:
        self.refresh(self._structs, self._engine)
        self.element_changed.emit(text)

    def refresh(self, structs: dict, engine) -> None:
        """Rebuild the list for the program's structs, sizes from `engine` (the program's layouts)."""
        self._structs, self._engine = structs, engine
        current = self.list.currentItem().data(KEY_ROLE) if self.list.currentItem() else None
        self.element.blockSignals(True)  # (a removed struct falls back to i32 without a second refresh)
        for name in structs:
            if self.element.findText(name) < 0:
                self.element.addItem(name)
        for i in range(self.element.count() - 1, len(P.ELEMENT_TYPES) - 1, -1):
            if self.element.itemText(i) not in structs:
                self.element.removeItem(i)
        self.element.blockSignals(False)
        self.list.clear()
        self.items = {}
        if engine is None:
            from whiteboard.model.layout import LayoutEngine

            engine = LayoutEngine()
        self.list.setIconSize(QSize(*SIZE))
        scale = self.devicePixelRatioF()
        group = None
        for item in P.palette_items(self.element_type(), structs):
            if item.group != group:
                group = item.group
                self.list.addItem(_header(P.GROUPS[group]))
            self.items[item.key] = item
            facts = P.size_and_align(item.type_text or "&i32", engine)
            size = f"{facts[0]} B · align {facts[1]}" if facts else ""
            if item.key in ("call", "block"):
                size = ""
            shown = item.label if item.type_text is None or item.label == item.type_text else item.type_text
            row = QListWidgetItem(shown)
            row.setData(KEY_ROLE, item.key)
            row.setData(SIZE_ROLE, size)
            row.setData(Qt.AccessibleTextRole, f"{shown}, {size}" if size else shown)
            row.setIcon(palette_icon(item.key, item.group, scale))
            row.setToolTip(f"{item.hint}" + (f"\n{size}" if size else ""))
            row.setSizeHint(QSize(0, 34))
            self.list.addItem(row)
            if item.key == current:
                self.list.setCurrentItem(row)

    def first_row(self) -> int:
        """The first item that can be chosen (row 0 is a section's title)."""
        return next((i for i in range(self.list.count()) if self.list.item(i).data(KEY_ROLE)), -1)

    def ask_struct(self) -> None:
        dialog = StructDialog(self)
        if dialog.exec() == QDialog.Accepted:
            self.struct_requested.emit(*dialog.result_fields())


class StructDialog(QDialog):
    """A small form: a name, and one `field: Type` per line."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New struct")
        form = QFormLayout(self)
        self.name = QLineEdit("Holder", self)
        self.fields = QPlainTextEdit("items: Vec<i32>", self)
        self.fields.setTabChangesFocus(True)
        self.fields.setPlaceholderText("one field per line, e.g.\nitems: Vec<i32>\ncount: usize")
        self.fields.setMinimumHeight(110)
        form.addRow("Name", self.name)
        form.addRow("Fields", self.fields)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def result_fields(self) -> tuple[str, list]:
        fields = []
        for line in self.fields.toPlainText().splitlines():
            if line.strip():
                name, _, ty = line.partition(":")
                fields.append((name.strip(), ty.strip().rstrip(",")))
        return self.name.text(), fields


def _header(title: str) -> QListWidgetItem:
    """A section's title: not an item to choose or drag (the arrows pass over it)."""
    row = QListWidgetItem(title.upper())
    row.setFlags(Qt.NoItemFlags)
    font = ui_font(10, bold=True)
    font.setLetterSpacing(QFont.PercentageSpacing, 108)
    row.setFont(font)
    row.setSizeHint(QSize(0, 26))
    return row
