"""The board scene: one Qt item per diagram key, brought in line with a new diagram by `sync`."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGraphicsScene

from whiteboard.canvas.items import make_item
from whiteboard.canvas.themes import get_theme
from whiteboard.diagram.primitives import Arrow, Diagram

ARROW_Z = 1_000_000  # arrows above every box, in diagram order among themselves


def z_of(order: int, prim) -> float:
    return float(order + ARROW_Z if isinstance(prim, Arrow) else order)


class BoardScene(QGraphicsScene):
    def __init__(self, theme: str = "light", parent=None, cached: bool = True) -> None:
        super().__init__(parent)
        self.cached = cached
        self.items_by_key: dict = {}
        self.diagram: Diagram | None = None
        self.theme = get_theme(theme)
        self.setBackgroundBrush(QBrush(QColor(self.theme.background)))
        # Items move every animation frame; a BSP index would be rebuilt constantly for nothing.
        self.setItemIndexMethod(QGraphicsScene.NoIndex)

    def set_theme(self, name: str) -> None:
        self.theme = get_theme(name)
        self.setBackgroundBrush(QBrush(QColor(self.theme.background)))
        self.update()

    def sync(self, diagram: Diagram) -> None:
        """Make the items show exactly `diagram`: update changed ones in place, add new ones, remove the rest."""
        items = self.items_by_key
        for order, (key, prim) in enumerate(diagram.items.items()):
            item = items.get(key)
            if item is None:
                item = items[key] = make_item(prim, z_of(order, prim), self.cached)
                self.addItem(item)
            else:
                if item.prim != prim or type(item.prim) is not type(prim):
                    if type(item.prim) is not type(prim):
                        self.removeItem(item)
                        item = items[key] = make_item(prim, z_of(order, prim), self.cached)
                        self.addItem(item)
                    else:
                        item.set_prim(prim)
                item.setZValue(z_of(order, prim))  # (opacity, flash and growth are reset by Transition.finish)
        if len(items) != len(diagram.items):
            for key in [k for k in items if k not in diagram.items]:
                self.removeItem(items.pop(key))
        self.diagram = diagram
        x, y, w, h = diagram.bounds
        rect = QRectF(x - 40, y - 40, w + 80, h + 80)
        if rect != self.sceneRect():  # setting it, even unchanged, repaints the whole view
            self.setSceneRect(rect)

    def ensure(self, key: str, prim, order: int):
        """An item for `prim` if the scene has none under `key` (used for things only the other diagram has)."""
        item = self.items_by_key.get(key)
        if item is None:
            item = self.items_by_key[key] = make_item(prim, z_of(order, prim), self.cached)
            self.addItem(item)
        return item
