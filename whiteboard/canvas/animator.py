"""Plays a choreography plan on the scene: one QVariantAnimation drives time from 0 to 1 (or 1 to 0 when stepping
back) and every frame sets only the items whose track is active. Tests drive it with `start(); pause();
setCurrentTime(ms)`."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QVariantAnimation, Signal

from whiteboard.diagram.choreography import Plan
from whiteboard.diagram.primitives import Arrow, Label

FLASH_OPACITY_FLOOR = 0.0


def ease(u: float) -> float:
    """Smoothstep: starts and ends gently, so motion reads as motion and not as a jump."""
    if u <= 0.0:
        return 0.0
    if u >= 1.0:
        return 1.0
    return u * u * (3.0 - 2.0 * u)


def _local(t: float, t0: float, t1: float) -> float:
    if t1 <= t0:
        return 1.0 if t >= t1 else 0.0
    return ease((t - t0) / (t1 - t0))


def _lerp(a: float, b: float, u: float) -> float:
    return a + (b - a) * u


class Transition(QObject):
    """One step's change on the scene: `apply(t)` shows the state at time t ∈ [0, 1]."""

    finished = Signal()

    def __init__(self, scene, plan: Plan, old, new, forward: bool, duration_ms: int) -> None:
        super().__init__()
        self.scene = scene
        self.plan = plan
        self.old, self.new = old, new
        self.forward = forward
        self.items = []
        order_new = {k: i for i, k in enumerate(new.items)}
        order_old = {k: i for i, k in enumerate(old.items)}
        for track in plan.tracks:
            prim = track.new if track.new is not None else track.old
            order = order_new.get(track.key, order_old.get(track.key, 0))
            item = scene.ensure(track.key, prim, order)
            self.items.append((track, item))
        self.animation = QVariantAnimation(self)
        self.animation.setDuration(max(1, duration_ms))
        start, end = (0.0, 1.0) if forward else (1.0, 0.0)
        self.animation.setStartValue(start)
        self.animation.setEndValue(end)
        self.animation.valueChanged.connect(self._on_value)
        self.animation.finished.connect(self._on_finished)
        self.apply(start)

    def _on_value(self, value) -> None:
        self.apply(float(value))

    def _on_finished(self) -> None:
        self.finish()

    def finish(self) -> None:
        """Jump to the end: the scene shows exactly the target diagram."""
        if self.animation.state() != QVariantAnimation.Stopped:
            self.animation.blockSignals(True)
            self.animation.stop()
            self.animation.blockSignals(False)
        for track, item in self.items:
            # Mid-way the items hold interpolated geometry that `sync` cannot see; put each on its target first.
            target = track.new if self.forward else track.old
            if target is not None:
                item.set_prim(target)
                item.setOpacity(1.0)
                item.flash = 0.0
                if isinstance(target, Arrow):
                    item.set_progress(1.0)
        self.scene.sync(self.new if self.forward else self.old)
        self.finished.emit()

    def apply(self, t: float) -> None:
        for track, item in self.items:
            old, new = track.old, track.new
            u = _local(t, track.t0, track.t1)
            if old is not None and new is not None:
                if isinstance(new, Arrow):
                    item.prim = new if u >= 0.5 else old
                    if old.lane is not None and new.lane is not None:
                        lane = _lerp(old.lane, new.lane, u)
                    else:
                        lane = new.lane if u >= 0.5 else old.lane
                    item.set_ends(
                        _lerp(old.x1, new.x1, u),
                        _lerp(old.y1, new.y1, u),
                        _lerp(old.x2, new.x2, u),
                        _lerp(old.y2, new.y2, u),
                        lane,
                    )
                else:
                    if isinstance(new, Label):
                        if (new.text, new.style) != (old.text, old.style):
                            # The text changes half-way: fade out, swap, fade in.
                            shown = new if u >= 0.5 else old
                            if item.prim is not shown:
                                item.set_prim(shown)
                            item.setOpacity(abs(u - 0.5) * 2 if u > 0 else 1.0)
                    elif new.style != old.style and item.prim is not (new if u >= 0.5 else old):
                        item.set_prim(new if u >= 0.5 else old)
                    item.set_geometry(
                        _lerp(old.x, new.x, u), _lerp(old.y, new.y, u), _lerp(old.w, new.w, u), _lerp(old.h, new.h, u)
                    )
            elif new is not None:  # appears (a pointer grows from its source to its target)
                item.set_progress(u) if isinstance(new, Arrow) else item.setOpacity(u)
            else:  # goes away (a pointer retracts)
                item.set_progress(1.0 - u) if isinstance(old, Arrow) else item.setOpacity(1.0 - u)
            if track.carry is not None and new is not None:
                dx, dy = track.carry
                k = 1.0 - u
                if isinstance(new, Arrow):
                    item.set_ends(new.x1 + dx * k, new.y1 + dy * k, new.x2, new.y2, new.lane)
                else:
                    item.setOpacity(1.0 if u > 0 else 0.0)
                    item.setPos(new.x + dx * k, new.y + dy * k)
            if track.flash is not None:
                if track.f0 < t < track.f1:
                    item.flash = math.sin(math.pi * (t - track.f0) / (track.f1 - track.f0))
                    item.flash_kind = track.flash
                    if new is None:
                        item.setOpacity(max(item.opacity(), 1.0 if t < track.t0 else item.opacity()))
                else:
                    item.flash = 0.0
                item.update()
