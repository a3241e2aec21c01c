"""The memory timeline under the canvas: stack and heap bytes and live allocations at every step, and a cursor.

It doubles as a scrubber: clicking or dragging anywhere in it asks for that step, so a teacher can jump to "where the
heap grew" without hunting with the arrow keys.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from whiteboard.app.fonts import ui_font
from whiteboard.canvas.themes import OKABE_ITO, get_theme

# pyqtgraph (and numpy with it) takes a third of a second to import: it is imported when the plot first has
# something to show, after the window has painted, so the window comes up as fast as a bare one.
pg = None
np = None

PLOT_HEIGHT = 140
MAX_POINTS = 4000  # runs drawn per curve: more than the plot has pixels, few enough to repaint at every step

# (attribute of MemorySeries, legend text, Qt dash style). Colours come from the theme (see _colours): the dash
# styles keep the curves apart for anyone who cannot tell the colours apart, and in a greyscale printout.
CURVES = (
    ("stack_bytes", "stack bytes", Qt.SolidLine),
    ("heap_used_bytes", "heap bytes in use", Qt.SolidLine),
    ("heap_reserved_bytes", "heap bytes reserved", Qt.DashLine),
)
COUNT_CURVE = ("live_blocks", "live allocations (right axis)", Qt.DotLine)


def _colours(theme: str) -> dict[str, str]:
    dark = theme == "dark"
    return {
        "stack_bytes": OKABE_ITO["sky"] if dark else OKABE_ITO["blue"],
        "heap_used_bytes": "#ff8a4a" if dark else OKABE_ITO["vermillion"],
        "heap_reserved_bytes": OKABE_ITO["orange"],
        "live_blocks": OKABE_ITO["purple"],
        "cursor": "#f0f0f0" if dark else "#000000",
        "ink": "#ececec" if dark else "#1b1b1b",
        "axis": "#b4b4b4" if dark else "#404040",
    }


def format_bytes(value: float) -> str:
    """Tick text: decimal steps come out round (2 kB, 1.5 MB) and stay short enough for a narrow axis."""
    if abs(value) < 1000:
        return f"{value:g}"
    if abs(value) < 1_000_000:
        return f"{value / 1000:g} kB"
    if abs(value) < 1_000_000_000:
        return f"{value / 1_000_000:g} MB"
    return f"{value / 1_000_000_000:g} GB"


def step_curve(values, most: int = MAX_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """Edges and heights for pyqtgraph's stepMode "center": step k is a flat run from k-½ to k+½. A long run is
    cut into at most `most` runs, each as high as its highest step, so a peak never disappears from the plot."""
    _import_pyqtgraph()
    y = np.asarray(values, dtype=float)
    n = len(y)
    if n <= most:
        return np.arange(n + 1, dtype=float) - 0.5, y
    width = -(-n // most)  # steps per run, rounded up
    padded = np.pad(y, (0, width * -(-n // width) - n), mode="edge")
    peaks = padded.reshape(-1, width).max(axis=1)
    edges = np.minimum(np.arange(len(peaks) + 1) * width, n).astype(float) - 0.5
    return edges, peaks


def _import_pyqtgraph() -> None:
    global pg, np
    if pg is None:
        import numpy
        import pyqtgraph

        pg, np = pyqtgraph, numpy


_AXES: dict = {}


def _axis(kind: str, orientation: str):
    """Axis items made on first use (their base class is pyqtgraph's)."""
    if not _AXES:

        class IntegerAxis(pg.AxisItem):
            """Steps, bytes and allocation counts are whole numbers: no ticks at 2.5."""

            def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 - pyqtgraph override
                levels = super().tickValues(minVal, maxVal, size)
                kept = [(sp, [v for v in values if float(v).is_integer()]) for sp, values in levels if sp >= 1]
                return kept or [(1.0, [float(v) for v in range(int(np.ceil(minVal)), int(maxVal) + 1)])]

            def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph override
                return [f"{int(round(v * scale))}" for v in values]

        class ByteAxis(IntegerAxis):
            def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph override
                return [format_bytes(v * scale) for v in values]

        _AXES.update(integer=IntegerAxis, bytes=ByteAxis)
    return _AXES[kind](orientation)


class _Swatch(QWidget):
    """A short line in a curve's pen, so the legend shows the dash style as well as the colour."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.pen = QPen()
        self.setFixedSize(36, 16)

    def set_pen(self, pen: QPen) -> None:
        self.pen = QPen(pen)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(self.pen)
        y = self.height() / 2
        painter.drawLine(QPointF(2, y), QPointF(self.width() - 2, y))


class MemoryPlot(QWidget):
    """Three byte curves (left axis) and the allocation count (right axis) against the step, with a step cursor."""

    step_requested = Signal(int)

    def __init__(self, parent=None, theme: str = "light") -> None:
        super().__init__(parent)
        self._count = 0
        self._step = 0
        self._dragging = False
        self._theme = theme
        self._built = False
        self.setMinimumHeight(PLOT_HEIGHT)
        self.setMaximumHeight(PLOT_HEIGHT + 60)

    def _ensure(self) -> None:
        if not self._built:
            _import_pyqtgraph()
            self._built = True
            self._build()
            self.set_theme(self._theme)

    # -- public API -------------------------------------------------------------------------------------------

    def set_series(self, series) -> None:
        self._ensure()
        n = len(series)
        self._count = n
        biggest = 1
        for name, curve in self._curves.items():
            x, y = step_curve(getattr(series, name))
            curve.setData(x, y, stepMode="center")
            if name != "live_blocks" and n:
                biggest = max(biggest, int(y.max()))
        most = max(series.live_blocks) if n else 0
        right = max(most, 1)
        self._view.setXRange(-0.5, max(n - 0.5, 0.5), padding=0)
        self._view.setYRange(0, biggest * 1.08, padding=0)
        self._count_view.setYRange(0, right * 1.15 + 0.2, padding=0)
        self.set_step(min(self._step, max(n - 1, 0)))

    def set_step(self, index: int) -> None:
        self._step = index
        if self._built:
            self._cursor.setValue(index)

    def current_step(self) -> int:
        return self._step

    def set_theme(self, name: str) -> None:
        theme = get_theme(name)
        self._theme = name
        if not self._built:
            return  # applied when the plot is built
        colours = _colours(name)
        scale = 1.35 if name == "projector" else 1.0
        self._plot.setBackground(QColor(theme.background))
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor(theme.background))
        palette.setColor(self.foregroundRole(), QColor(colours["ink"]))
        self.setPalette(palette)
        for axis_name in ("left", "bottom", "right"):
            axis = self._plot.getPlotItem().getAxis(axis_name)
            axis.setPen(pg.mkPen(colours["axis"], width=1))
            axis.setTextPen(pg.mkPen(colours["ink"]))
        for name, _text, dash in (*CURVES, COUNT_CURVE):
            pen = pg.mkPen(QColor(colours[name]), width=3.0 * scale, style=dash)
            pen.setCapStyle(Qt.FlatCap)
            self._curves[name].setPen(pen)
            self._swatches[name].set_pen(pen)
            self._labels[name].setStyleSheet(f"color: {colours['ink']};")
        self._cursor.setPen(pg.mkPen(QColor(colours["cursor"]), width=2.5 * scale))

    def map_step_to_widget(self, step: float) -> QPointF:
        """Where step `step` (halfway up the plot) is in the plot viewport's pixels: for tests and tooltips."""
        self._ensure()
        low, high = self._view.viewRange()[1]
        scene = self._view.mapViewToScene(QPointF(step, (low + high) / 2))
        return QPointF(self._plot.mapFromScene(scene))

    @property
    def plot_widget(self):
        self._ensure()
        return self._plot

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(600, PLOT_HEIGHT)

    # -- building ---------------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(0)
        layout.addLayout(self._legend_row())

        axes = {
            "left": _axis("bytes", "left"),
            "bottom": _axis("integer", "bottom"),
            "right": _axis("integer", "right"),
        }
        self._plot = pg.PlotWidget(axisItems=axes)
        self._plot.setMinimumHeight(PLOT_HEIGHT - 30)
        self._plot.setMenuEnabled(False)
        self._plot.setFocusPolicy(Qt.NoFocus)  # keys belong to the window's step shortcuts
        item = self._plot.getPlotItem()
        item.hideButtons()
        item.setContentsMargins(0, 4, 0, 0)
        self._view = item.getViewBox()
        self._view.setMouseEnabled(False, False)
        self._view.setMenuEnabled(False)
        self._view.disableAutoRange()
        tick_font = ui_font(11)
        for axis_name in ("left", "bottom", "right"):
            axis = item.getAxis(axis_name)
            axis.setStyle(tickFont=tick_font, tickLength=-6)
        item.getAxis("left").setWidth(64)
        item.getAxis("right").setWidth(36)
        item.getAxis("bottom").setHeight(24)
        item.showAxis("right")
        item.showGrid(x=False, y=True, alpha=0.25)

        # The allocation count has its own scale: a second ViewBox sharing x, drawn over the first (pyqtgraph's
        # MultiplePlotAxes recipe).
        self._count_view = pg.ViewBox(enableMouse=False, enableMenu=False)
        item.scene().addItem(self._count_view)
        item.getAxis("right").linkToView(self._count_view)
        self._count_view.setXLink(self._view)
        self._count_view.disableAutoRange()
        self._view.sigResized.connect(self._sync_views)

        self._curves = {}
        for name, _text, _dash in CURVES:
            self._curves[name] = item.plot(name=None)
        count_curve = pg.PlotDataItem()
        self._count_view.addItem(count_curve)
        self._curves["live_blocks"] = count_curve

        self._cursor = pg.InfiniteLine(pos=0, angle=90, movable=False)
        self._cursor.setZValue(10)
        self._view.addItem(self._cursor, ignoreBounds=True)

        self._plot.viewport().installEventFilter(self)
        self._plot.viewport().setCursor(Qt.PointingHandCursor)
        self._plot.setToolTip("Click or drag to go to a step")
        layout.addWidget(self._plot, 1)
        self.setMinimumHeight(PLOT_HEIGHT)
        self.setMaximumHeight(PLOT_HEIGHT + 60)

    def _legend_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(68, 0, 0, 0)
        row.setSpacing(6)
        self._swatches: dict[str, _Swatch] = {}
        self._labels: dict[str, QLabel] = {}
        font = ui_font(11)
        for name, text, _dash in (*CURVES, COUNT_CURVE):
            swatch = _Swatch(self)
            label = QLabel(text, self)
            label.setFont(font)
            self._swatches[name] = swatch
            self._labels[name] = label
            row.addWidget(swatch)
            row.addWidget(label)
            row.addSpacing(14)
        row.addStretch(1)
        return row

    def _sync_views(self) -> None:
        self._count_view.setGeometry(self._view.sceneBoundingRect())
        self._count_view.linkedViewChanged(self._view, self._count_view.XAxis)

    # -- clicking and dragging ----------------------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.MouseButtonPress and event.button() == Qt.LeftButton:
            self._dragging = True
            self._request(event.position(), always=True)
            return True
        if kind == QEvent.MouseMove and self._dragging and event.buttons() & Qt.LeftButton:
            self._request(event.position(), always=False)
            return True
        if kind == QEvent.MouseButtonRelease and event.button() == Qt.LeftButton:
            self._dragging = False
            return True
        if kind in (QEvent.MouseButtonDblClick, QEvent.Wheel):
            return True  # no pyqtgraph zooming or auto-range: the axes always show the whole run
        return super().eventFilter(watched, event)

    def _request(self, pos, always: bool) -> None:
        if not self._count:
            return
        x = self._view.mapSceneToView(self._plot.mapToScene(pos.toPoint())).x()
        step = min(max(int(round(x)), 0), self._count - 1)
        if always or step != self._step:
            self._step = step
            self.step_requested.emit(step)
