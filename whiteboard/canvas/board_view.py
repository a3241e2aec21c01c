"""The canvas widget: shows one step of a trace, animates from one step to the next, zooms and pans."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView

from whiteboard.canvas.animator import Transition
from whiteboard.canvas.fonts import load_fonts
from whiteboard.canvas.interaction import BoardInteraction
from whiteboard.canvas.scene import BoardScene
from whiteboard.diagram.build import DiagramOptions, build_diagram
from whiteboard.diagram.choreography import plan

ZOOM_STEP = 1.2
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
DIAGRAM_CACHE = 16  # diagrams kept for steps near the current one (stepping back and forth is then free)


class BoardView(BoardInteraction, QGraphicsView):
    step_shown = Signal(int)
    animation_finished = Signal()
    # building by hand (whiteboard/canvas/interaction.py): what was dropped or asked for, as diagram group keys
    item_dropped = Signal(str, str)  # palette item, target
    place_dropped = Signal(str, str, bool)  # dragged value, target, copy (Ctrl held)
    place_binned = Signal(str)
    context_requested = Signal(str, QPoint)
    edit_requested = Signal(str, str)  # key, "literal" | "name"
    target_activated = Signal(str)  # Enter on the keyboard's target
    cursor_cancelled = Signal()

    def __init__(self, parent=None, theme: str = "light") -> None:
        super().__init__(parent)
        load_fonts()
        self.board_scene = BoardScene(theme, self)
        self.setScene(self.board_scene)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setFocusPolicy(Qt.StrongFocus)
        # Panning is by dragging; scrollbars would also make fitting loop (a fit shows one, which shrinks the view,
        # which asks for another fit).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.trace = None
        self.refusal = None
        self.options = DiagramOptions()
        self.speed: float | None = 1.0
        self.transition: Transition | None = None
        self.auto_fit = True  # until the user zooms or pans by hand, the view follows the board as it grows
        self._step = 0
        self._diagrams: OrderedDict = OrderedDict()
        self.init_interaction()

    # -- data ---------------------------------------------------------------------------------------------------
    def set_trace(self, trace, step: int = 0, keep_zoom: bool = False, refusal=None) -> None:
        """Show `trace` at `step` (clamped). `keep_zoom`: the same board run again after an edit keeps the
        presenter's zoom and pan; a new board is fitted to the window. `refusal` (a `diagram.refusal.Refusal`): the
        trace is the last one that compiled and Rust refused the edit since, so the board stays on `step`."""
        self._stop()
        self.forget_targets()
        self.trace = trace
        self.refusal = refusal
        self._diagrams.clear()
        self._step = max(0, min(step, len(trace) - 1))
        self.board_scene.sync(self.diagram(self._step))
        if not keep_zoom:
            self.auto_fit = True
        if self.auto_fit:
            self.fit_to_window()
        self.step_shown.emit(self._step)

    def diagram(self, index: int):
        key = (index, self.options)
        found = self._diagrams.get(key)
        if found is None:
            found = self._diagrams[key] = build_diagram(self.trace, index, self.options, refusal=self.refusal)
            if len(self._diagrams) > DIAGRAM_CACHE:
                self._diagrams.popitem(last=False)
        else:
            self._diagrams.move_to_end(key)
        return found

    def current_step(self) -> int:
        return self._step

    def step_count(self) -> int:
        return len(self.trace) if self.trace is not None else 0

    # -- stepping -----------------------------------------------------------------------------------------------
    def show_step(self, index: int, animate: bool = True) -> None:
        if self.trace is None:
            return
        # A refused edit's picture is of one moment: memory when the edit was made; stepping would show a program
        # that is no longer the one in the editor.
        index = self._step if self.refusal is not None else max(0, min(index, len(self.trace) - 1))
        self._stop()
        if index != self._step:
            self.forget_targets()
        previous, self._step = self._step, index
        if index == previous:
            self.step_shown.emit(index)
            self.animation_finished.emit()
            return
        adjacent = abs(index - previous) == 1
        if not (animate and adjacent and self.speed):
            self.board_scene.sync(self.diagram(index))
            self._follow()
            self.step_shown.emit(index)
            self.animation_finished.emit()
            return
        forward = index > previous
        later = max(index, previous)
        old, new = self.diagram(later - 1), self.diagram(later)
        the_plan = plan(old, new, self.trace.steps[later].events)
        duration = round(the_plan.duration_ms / self.speed)
        # The scene must already hold both pictures, or the view could not scroll to where the new one reaches.
        rect = QRectF(*old.bounds).united(QRectF(*new.bounds)).adjusted(-40, -40, 40, 40)
        if not self.board_scene.sceneRect().contains(rect):  # a changed scene rect repaints the whole view
            self.board_scene.setSceneRect(rect)
        self.transition = Transition(self.board_scene, the_plan, old, new, forward, duration)
        self.transition.finished.connect(self._on_transition_finished)
        self._follow()
        self.transition.animation.start()
        self.step_shown.emit(index)

    def _on_transition_finished(self) -> None:
        self.transition = None
        self.animation_finished.emit()

    def is_animating(self) -> bool:
        return self.transition is not None

    def finish_animation(self) -> None:
        if self.transition is not None:
            self.transition.finish()

    def _stop(self) -> None:
        if self.transition is not None:
            transition, self.transition = self.transition, None
            transition.finished.disconnect(self._on_transition_finished)
            transition.finish()

    def set_speed(self, factor: float | None) -> None:
        self.speed = factor

    def set_theme(self, name: str) -> None:
        self.board_scene.set_theme(name)

    def set_options(self, **changes) -> None:
        from dataclasses import replace

        self.options = replace(self.options, **changes)
        if self.trace is not None:
            self._stop()
            self.board_scene.sync(self.diagram(self._step))
            self._follow()

    # -- zoom and pan -------------------------------------------------------------------------------------------
    def _zoom(self) -> float:
        return self.transform().m11()

    def _scale_by(self, factor: float) -> None:
        zoom = self._zoom()
        factor = max(MIN_ZOOM / zoom, min(MAX_ZOOM / zoom, factor))
        self.scale(factor, factor)

    def zoom_level(self) -> float | None:
        """None while the view fits the board to the window (what a saved board remembers)."""
        return None if self.auto_fit else round(self._zoom(), 4)

    def set_zoom_level(self, zoom: float | None) -> None:
        if zoom is None:
            self.fit_to_window()
            return
        self.auto_fit = False
        self._scale_by(zoom / self._zoom())

    def zoom_in(self) -> None:
        self.auto_fit = False
        self._scale_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.auto_fit = False
        self._scale_by(1 / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.auto_fit = False
        self.resetTransform()

    def fit_to_window(self) -> None:
        self.auto_fit = True
        diagram = self.board_scene.diagram
        if diagram is None:
            return
        x, y, w, h = diagram.bounds
        self.fitInView(QRectF(x - 20, y - 20, w + 40, h + 40), Qt.KeepAspectRatio)

    def _follow(self) -> None:
        """Keep the whole board in view while auto-fit is on, but never zoom in past 1:1 just because it shrank."""
        if not self.auto_fit:
            return
        x, y, w, h = self.diagram(self._step).bounds
        want = QRectF(x - 20, y - 20, w + 40, h + 40)
        if self.transition is not None:  # both pictures the animation runs between
            want = want.united(QRectF(*self.transition.old.bounds)).united(QRectF(*self.transition.new.bounds))
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if not visible.contains(want):
            self.fitInView(want, Qt.KeepAspectRatio)

    def wheelEvent(self, event) -> None:
        """The wheel zooms around the pointer (a board has no page to scroll; panning is a drag)."""
        delta = event.angleDelta().y()
        if delta:
            self.auto_fit = False
            self._scale_by(ZOOM_STEP ** (delta / 240))
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event) -> None:
        if self.interaction_press(event):  # a press on a value may start dragging it, not panning
            event.accept()
            return
        if event.button() == Qt.LeftButton:
            self.auto_fit = False  # panning by hand: stop following
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self.interaction_move(event):
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self.interaction_release():
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def event(self, event) -> bool:
        # Tab walks the board's targets instead of moving the focus away (before QWidget's focus chain sees it).
        if event.type() == QEvent.KeyPress and self.interaction_key(event):
            return True
        if event.type() == QEvent.ShortcutOverride and self.claims_key(event):
            event.accept()  # Enter / Esc / F2 act on the chosen target, not as the window's step shortcuts
            return True
        return super().event(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.place_bin()
        if self.auto_fit and self.board_scene.diagram is not None:
            self.fit_to_window()
