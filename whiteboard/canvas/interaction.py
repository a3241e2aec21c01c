"""Building by hand on the board: what is under the pointer (a frame, a local, a field, a heap element), dropping
palette items and dragged values on it, a bin for `drop(x)`, context menus, double-clicks and a keyboard cursor.

The view only says *what* was dropped *where* (as diagram group keys, see whiteboard/diagram/primitives.py); the
window turns that into an edit of the program. While something is dragged, the target under the pointer is
outlined and labelled with what dropping there would write, so a student sees the Rust before letting go.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDrag, QFont, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QGraphicsPathItem, QGraphicsSimpleTextItem, QLabel

from whiteboard.diagram.callout import TextIndex, callout_spot, text_boxes
from whiteboard.diagram.primitives import Rect

ITEM_MIME = "application/x-rust-whiteboard-item"  # a palette item's key
PLACE_MIME = "application/x-rust-whiteboard-place"  # a value dragged off the board: its group key
TARGET_KEY = re.compile(r"^(val:slot:\d+(/[^:]+)?|slot:\d+|frame:\d+|cell:\d+:\d+)$")
VALUE_KEY = re.compile(r"^(val:slot:\d+(/[^:]+)?|slot:\d+|cell:\d+:\d+)$")
PARTS = re.compile(r"/(len|cap|ptr|tag|niche)$")  # parts of a value drawn inside it: the value is the target
SUFFIX = re.compile(r"(:[a-z]+)+$")  # a label or bar of a thing (`…/items/len:text`, `frame:2:title`)
HIGHLIGHT_Z = 10_000.0
ACCENT = "#0072B2"  # Okabe–Ito blue: visible on every theme's background, told apart by its thickness and dashes


def payload(mime: QMimeData) -> tuple[str, str] | None:
    """("item", key) or ("place", key) carried by a drag, or None for anything else (files, text)."""
    for kind, fmt in (("item", ITEM_MIME), ("place", PLACE_MIME)):
        if mime.hasFormat(fmt):
            return kind, bytes(mime.data(fmt)).decode("utf-8", errors="replace")
    return None


def item_mime(key: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(ITEM_MIME, key.encode())
    mime.setText(key)
    return mime


def place_mime(key: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(PLACE_MIME, key.encode())
    return mime


class Bin(QLabel):
    """The corner target for `drop(x)`: drag a value here."""

    binned = Signal(str)

    def __init__(self, parent) -> None:
        super().__init__("Bin · drop( )", parent)  # (no emoji: DejaVu has none to draw)
        self.setAcceptDrops(True)
        self.setAlignment(Qt.AlignCenter)
        self.setToolTip("Drag a value here to drop it: writes drop(x); at the current step")
        font = QFont(self.font())
        font.setPointSizeF(13)
        font.setBold(True)
        self.setFont(font)
        self._hot = False
        self._style()

    def _style(self) -> None:
        border = f"3px solid {ACCENT}" if self._hot else "2px dashed #888888"
        back = "rgba(0,114,178,40)" if self._hot else "rgba(128,128,128,30)"
        self.setStyleSheet(f"QLabel {{ border: {border}; border-radius: 8px; background: {back}; padding: 8px; }}")

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if payload(event.mimeData()) and payload(event.mimeData())[0] == "place":
            self._hot = True
            self._style()
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._hot = False
        self._style()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._hot = False
        self._style()
        found = payload(event.mimeData())
        if found and found[0] == "place":
            event.acceptProposedAction()
            self.binned.emit(found[1])


class BoardInteraction:
    """Mixed into BoardView. Signals (defined on the view): item_dropped(item key, target key),
    place_dropped(source key, target key, copy), place_binned(key), context_requested(key, global QPoint),
    edit_requested(key, what: "literal" | "name"), target_activated(key)."""

    def init_interaction(self) -> None:
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.editable = True
        self.drop_hint = None  # callable(payload, key) -> str | None: what a drop there would write
        self._highlight = None  # (key, path item, label item)
        self._text_boxes: tuple = (None, TextIndex([]))  # (diagram, where its labels put ink): what a callout avoids
        self._press = None  # (viewport pos, key) of a press that may become a drag of a value
        self.cursor_key: str | None = None  # the keyboard's target
        self.bin = Bin(self.viewport())
        self.bin.binned.connect(self.place_binned)
        self.bin.adjustSize()

    # -- what is where --------------------------------------------------------------------------------------------
    def key_at(self, pos: QPoint) -> str | None:
        """The innermost target under viewport position `pos`: a field or element before its local, a local before
        its frame."""
        for item in self.items(pos):
            prim = getattr(item, "prim", None)
            if prim is None:
                continue
            for key in (prim.key, *reversed(prim.groups)):
                key = PARTS.sub("", SUFFIX.sub("", key))
                if TARGET_KEY.match(key):
                    return key
        return None

    def rect_of(self, key: str) -> QRectF | None:
        diagram = self.board_scene.diagram
        if diagram is None:
            return None
        prim = diagram.items.get(key)
        if isinstance(prim, Rect):
            return QRectF(prim.x, prim.y, prim.w, prim.h)
        box = diagram.anchors.get(key)
        return QRectF(*box) if box else None

    def target_keys(self) -> list[str]:
        """Every target of the shown step in reading order (frames top-down, each followed by its locals and their
        fields): what Tab walks through."""
        diagram = self.board_scene.diagram
        if diagram is None:
            return []
        keys = [
            k
            for k, p in diagram.items.items()
            if isinstance(p, Rect)
            and TARGET_KEY.match(k)
            and not PARTS.search(k)
            and not re.fullmatch(r"val:slot:\d+", k)
        ]
        keys += [k for k in diagram.anchors if k.startswith("frame:") and k not in keys]
        rects = {k: self.rect_of(k) for k in keys}
        return sorted((k for k in keys if rects[k] is not None), key=lambda k: (rects[k].y(), rects[k].x()))

    # -- highlighting ---------------------------------------------------------------------------------------------
    def show_target(self, key: str | None, text: str | None = None) -> None:
        """Outline `key` (None: nothing) and write `text` above it."""
        if self._highlight is not None and self._highlight[0] == key and self._highlight[3] == text:
            return
        self.clear_target()
        rect = self.rect_of(key) if key else None
        if rect is None:
            return
        zoom = max(self.transform().m11(), 0.05)
        outline = QGraphicsPathItem()
        path = QPainterPath()
        path.addRoundedRect(rect.adjusted(-4, -4, 4, 4), 6, 6)
        outline.setPath(path)
        pen = QPen(QColor(ACCENT), 4 / zoom, Qt.DashLine)
        outline.setPen(pen)
        outline.setBrush(QBrush(QColor(0, 114, 178, 36)))
        outline.setZValue(HIGHLIGHT_Z)
        self.board_scene.addItem(outline)
        label = None
        if text:
            label = QGraphicsSimpleTextItem(text)
            font = QFont(self.font())
            font.setPixelSize(max(round(22 / zoom), 6))  # the same size on screen at any zoom
            font.setBold(True)
            label.setFont(font)
            label.setBrush(QBrush(QColor("#ffffff")))
            box = label.boundingRect()
            back = QGraphicsPathItem()
            bg = QPainterPath()
            pad = 6 / zoom
            spot = self._callout_spot(rect, box.width() + 2 * pad, box.height() + 2 * pad, 10 / zoom)
            bg.addRoundedRect(spot, 5 / zoom, 5 / zoom)
            back.setPath(bg)
            back.setBrush(QBrush(QColor(ACCENT)))
            back.setPen(QPen(Qt.NoPen))
            back.setZValue(HIGHLIGHT_Z + 1)
            self.board_scene.addItem(back)
            label.setParentItem(back)
            label.setPos(spot.left() + pad, spot.top() + pad)
            label = back
        self._highlight = (key, outline, label, text)

    def _callout_spot(self, rect: QRectF, w: float, h: float, gap: float) -> QRectF:
        """Beside the outline, on screen, over as little of the board's text as can be (see diagram.callout)."""
        diagram = self.board_scene.diagram
        if self._text_boxes[0] is not diagram:  # measured once per picture, not on every drag move
            self._text_boxes = (diagram, TextIndex(text_boxes(diagram.items.values()) if diagram is not None else []))
        texts = self._text_boxes[1]
        seen = self.mapToScene(self.viewport().rect()).boundingRect()
        outline = rect.adjusted(-4, -4, 4, 4)
        box = callout_spot(
            (outline.x(), outline.y(), outline.width(), outline.height()),
            (w, h),
            (seen.x(), seen.y(), seen.width(), seen.height()),
            texts,
            gap,
        )
        return QRectF(*box)

    def clear_target(self) -> None:
        if self._highlight is not None:
            _, outline, label, _ = self._highlight
            for item in (outline, label):
                if item is not None and item.scene() is not None:
                    self.board_scene.removeItem(item)
            self._highlight = None

    def forget_targets(self) -> None:
        """A new step or run: the keys may name other things now."""
        self.clear_target()
        self.cursor_key = None
        self._press = None

    def highlighted_key(self) -> str | None:
        return self._highlight[0] if self._highlight else None

    def highlighted_text(self) -> str | None:
        return self._highlight[3] if self._highlight else None

    # -- drops ----------------------------------------------------------------------------------------------------
    def _drop_target(self, event) -> tuple[tuple[str, str] | None, str | None]:
        found = payload(event.mimeData()) if self.editable and self.trace is not None else None
        if found is None:
            return None, None
        pos = event.position().toPoint() if hasattr(event, "position") else event.pos()
        key = self.key_at(pos)
        if found[0] == "place" and key == found[1]:
            key = None  # onto itself: nothing
        return found, key

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        found, _ = self._drop_target(event)
        if found is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        found, key = self._drop_target(event)
        if found is None:
            event.ignore()
            return
        if key is None:
            self.clear_target()
            event.ignore()
            return
        copy = bool(event.modifiers() & Qt.ControlModifier)
        hint = self.drop_hint(found, key, copy) if self.drop_hint else None
        self.show_target(key, hint)
        event.setDropAction(Qt.CopyAction if copy else Qt.MoveAction)
        event.accept()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.clear_target()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        found, key = self._drop_target(event)
        self.clear_target()
        if found is None or key is None:
            event.ignore()
            return
        event.acceptProposedAction()
        if found[0] == "item":
            self.item_dropped.emit(found[1], key)
        else:
            self.place_dropped.emit(found[1], key, bool(event.modifiers() & Qt.ControlModifier))

    # -- dragging a value off the board ---------------------------------------------------------------------------
    def interaction_press(self, event) -> bool:
        """A press on a value may start dragging it (not panning); True when the press is taken."""
        if not self.editable or event.button() != Qt.LeftButton or self.trace is None:
            return False
        key = self.key_at(event.position().toPoint())
        if key is None or not VALUE_KEY.match(key):
            return False
        self._press = (event.position().toPoint(), key)
        return True

    def interaction_move(self, event) -> bool:
        if self._press is None:
            return False
        start, key = self._press
        if (event.position().toPoint() - start).manhattanLength() < QApplication.startDragDistance():
            return True
        self._press = None
        self.start_value_drag(key)
        return True

    def interaction_release(self) -> bool:
        taken, self._press = self._press is not None, None
        return taken

    def start_value_drag(self, key: str) -> None:
        drag = QDrag(self)
        drag.setMimeData(place_mime(key))
        self.exec_drag(drag)

    def exec_drag(self, drag: QDrag) -> None:
        """Kept thin: offscreen, exec returns at once (tests send the drop events themselves)."""
        drag.exec(Qt.MoveAction | Qt.CopyAction, Qt.MoveAction)

    # -- menus, double-clicks, the keyboard -------------------------------------------------------------------------
    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.editable or self.trace is None:
            return
        key = self.cursor_key if event.reason() == event.Reason.Keyboard and self.cursor_key else None
        pos = event.globalPos()
        if key is None:
            key = self.key_at(event.pos())
        elif self.rect_of(key) is not None:
            pos = self.viewport().mapToGlobal(self.mapFromScene(self.rect_of(key).center()))
        if key is not None:
            self.context_requested.emit(key, pos)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.editable or self.trace is None:
            return
        pos = event.position().toPoint()
        for item in self.items(pos):
            prim = getattr(item, "prim", None)
            if prim is not None and prim.key.startswith("slot:") and prim.key.endswith(":name"):
                self.edit_requested.emit(prim.key[: -len(":name")], "name")
                return
            if prim is not None:
                break
        key = self.key_at(pos)
        if key is not None and VALUE_KEY.match(key):
            self.edit_requested.emit(key, "literal")

    def move_cursor(self, forward: bool = True) -> str | None:
        keys = self.target_keys()
        if not keys:
            return None
        if self.cursor_key in keys:
            i = keys.index(self.cursor_key) + (1 if forward else -1)
        else:
            i = 0 if forward else len(keys) - 1
        self.set_cursor(keys[i % len(keys)])
        return self.cursor_key

    def set_cursor(self, key: str | None, text: str | None = None) -> None:
        self.cursor_key = key
        if key is None:
            self.clear_target()
            return
        rect = self.rect_of(key)
        if rect is not None:
            self.ensureVisible(rect, 40, 40)  # first: the callout is placed on what is then on screen
        self.show_target(
            key, text if text is not None else (self.drop_hint(None, key, False) if self.drop_hint else None)
        )

    def claims_key(self, event) -> bool:
        return bool(self.cursor_key) and event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Escape, Qt.Key_F2)

    def interaction_key(self, event) -> bool:
        """Tab / Shift+Tab walk the targets, Enter acts on the one chosen, Esc lets go. True when used."""
        if not self.editable or self.trace is None:
            return False
        key = event.key()
        if key in (Qt.Key_Tab, Qt.Key_Backtab) and not event.modifiers() & Qt.ControlModifier:
            self.move_cursor(key == Qt.Key_Tab and not event.modifiers() & Qt.ShiftModifier)
            return True
        if key in (Qt.Key_Return, Qt.Key_Enter) and self.cursor_key:
            self.target_activated.emit(self.cursor_key)
            return True
        if key == Qt.Key_F2 and self.cursor_key and VALUE_KEY.match(self.cursor_key):
            self.edit_requested.emit(self.cursor_key, "literal")
            return True
        if key == Qt.Key_Escape and self.cursor_key:
            self.set_cursor(None)
            self.cursor_cancelled.emit()
            return True
        return False

    def place_bin(self) -> None:
        vp = self.viewport()
        self.bin.adjustSize()
        self.bin.move(vp.width() - self.bin.width() - 16, vp.height() - self.bin.height() - 16)
