"""The step controls under the canvas: first / back / play / forward / last, the scrub slider, what the step does,
and the animation speed.

The buttons run the window's actions (`bind_actions`), so a button, its menu entry and its keys are one thing and the
tooltip names the keys. Scrubbing the slider jumps without animation: dragging through 200 steps should not queue
200 animations.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProxyStyle,
    QSizePolicy,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from whiteboard.app.fonts import code_font, ui_font

SPEEDS = (("0.25×", 0.25), ("0.5×", 0.5), ("1×", 1.0), ("2×", 2.0), ("4×", 4.0), ("instant", None))
BUTTONS = ("first", "back", "play", "forward", "last")
BUTTON_SIZE = 46
# Fusion's slider is a hairline with a small knob: too thin to see or grab on a projector.
SLIDER_STYLE = """
QSlider::groove:horizontal { height: 8px; border-radius: 4px; background: palette(mid); }
QSlider::sub-page:horizontal { border-radius: 4px; background: palette(highlight); }
QSlider::handle:horizontal {
    width: 24px; margin: -9px 0; border-radius: 12px;
    background: palette(button); border: 2px solid palette(highlight);
}
"""
ICON_SIZE = 30


class _JumpToClickStyle(QProxyStyle):
    """A click on the slider's groove goes to that step, rather than paging towards it a tenth at a time."""

    def styleHint(self, hint, option=None, widget=None, return_data=None):  # noqa: N802 - Qt override
        if hint == QStyle.SH_Slider_AbsoluteSetButtons:
            return Qt.LeftButton.value
        return super().styleHint(hint, option, widget, return_data)


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when there is no room, keeping the whole text as its tooltip."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(QFontMetrics(self.font()).elidedText(self._full, Qt.ElideRight, max(self.width(), 10)))


class StepControls(QWidget):
    jump_requested = Signal(int)  # the slider asks for a step (no animation)
    speed_changed = Signal(object)  # a factor (0.25 … 4) or None for instant

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._count = 0
        self._step = 0
        self.buttons: dict[str, QToolButton] = {}
        for name in BUTTONS:
            button = QToolButton(self)
            button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
            button.setFixedSize(BUTTON_SIZE, BUTTON_SIZE)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.NoFocus)  # Space and the arrows belong to the step shortcuts
            self.buttons[name] = button

        self.counter = QLabel(self)
        self.counter.setFont(ui_font(15, bold=True))
        self.step_label = ElidedLabel(self)
        self.step_label.setFont(code_font(15))

        self.speed = QComboBox(self)
        self.speed.setFont(ui_font(13))
        for text, factor in SPEEDS:
            self.speed.addItem(text, factor)
        self.speed.setCurrentIndex(2)
        self.speed.setToolTip("Animation speed (slower: [, faster: ])")
        self.speed.currentIndexChanged.connect(lambda i: self.speed_changed.emit(self.speed.itemData(i)))
        speed_label = QLabel("speed", self)
        speed_label.setFont(ui_font(13))

        self.slider = QSlider(Qt.Horizontal, self)
        self._slider_style = _JumpToClickStyle()  # no base given: one the proxy owns, not the app's
        self.slider.setStyle(self._slider_style)
        self.slider.setMinimumHeight(30)
        self.slider.setStyleSheet(SLIDER_STYLE)
        self.slider.setRange(0, 0)
        self.slider.setToolTip("Drag to scrub through the steps")
        self.slider.actionTriggered.connect(self._slider_action)

        top = QHBoxLayout()
        top.setSpacing(2)
        for name in BUTTONS:
            top.addWidget(self.buttons[name])
        top.addSpacing(14)
        top.addWidget(self.counter)
        top.addSpacing(10)
        top.addWidget(self.step_label, 1)
        top.addSpacing(10)
        top.addWidget(speed_label)
        top.addWidget(self.speed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.slider)
        self.set_count(0)

    # -- public API -------------------------------------------------------------------------------------------

    def bind_actions(self, actions: dict) -> None:
        """Let each button run the action of the same name ("first", "back", "play", "forward", "last")."""
        for name, button in self.buttons.items():
            if name in actions:
                button.setDefaultAction(actions[name])

    def set_count(self, count: int) -> None:
        self._count = count
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(count - 1, 0))
        self.slider.setPageStep(max(1, count // 10))
        self.slider.blockSignals(False)
        self.slider.setEnabled(count > 1)
        self.set_step(0, "")

    def set_step(self, index: int, label: str) -> None:
        self._step = index
        self.slider.blockSignals(True)
        if not self.slider.isSliderDown():  # the user's drag owns the handle until released
            self.slider.setValue(index)
        self.slider.blockSignals(False)
        last = max(self._count - 1, 0)
        self.counter.setText(f"step {index} / {last}" if self._count else "no program")
        self.step_label.set_full_text(f"· {label}" if label else "")

    def label_text(self) -> str:
        """ "step 5 / 14 · v.push(5);" as shown (before eliding)."""
        label = self.step_label.full_text()
        return f"{self.counter.text()} {label}" if label else self.counter.text()

    def speed_factor(self) -> float | None:
        return self.speed.currentData()

    def set_speed(self, factor: float | None) -> None:
        for i in range(self.speed.count()):
            if self.speed.itemData(i) == factor:
                self.speed.setCurrentIndex(i)
                return

    def change_speed(self, direction: int) -> None:
        """One notch slower (-1) or faster (+1); "instant" is the fastest notch."""
        index = min(max(self.speed.currentIndex() + direction, 0), self.speed.count() - 1)
        self.speed.setCurrentIndex(index)

    # -- the slider -------------------------------------------------------------------------------------------

    def _slider_action(self, action: int) -> None:
        if action == QSlider.SliderNoAction:
            return
        position = self.slider.sliderPosition()  # already moved; `value` follows after this signal
        if position != self._step:
            self.jump_requested.emit(position)
