"""Benchmarks of the canvas, each beside a floor measured in the same run on the same machine.

    .venv/bin/python benchmarks/bench_canvas.py [--repeat N]

- first painted window: `whiteboard FILE` quitting at its first paint vs a bare PySide6 window doing the same, and
  the board ready (program run, board drawn, window grabbed) vs the bare window grabbed, each a fresh process from
  start to exit (medians);
- one animation frame on a state with 1,000 live values (a push into a Vec beside 1,000 locals): the animator's
  `apply(t)` and Qt's repaint of what changed (and, the worst case, of the whole view), vs a bare QGraphicsScene
  with the same numbers of boxes, texts and arrows, moving as many items per frame, repainted the same way;
- one scrub step on that state (a jump two steps either side: diagram built from scratch, scene brought in line,
  repainted) vs the bare scene moving and retexting every item and repainting;
- a 3840×2160 PNG export of that state vs the bare scene rendered to the same image and saved.

Goals (issue 3): within 1.5× of each floor, and every animation frame inside 16 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
from PySide6.QtCore import QTimer
app = QApplication(sys.argv)
class W(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not W.painted:
            W.painted = True
            if sys.argv[1] == "grab":
                QTimer.singleShot(0, lambda: (self.grab().save(sys.argv[2]), app.quit()))
            else:
                QTimer.singleShot(0, app.quit)
w = W()
w.setCentralWidget(QLabel("hello"))
w.resize(1600, 900)
w.show()
app.exec()
"""


def many_locals(n: int) -> str:
    lines = [f"    let x{i}: u64 = {i};" for i in range(n)]
    total = " + ".join(f"x{i}" for i in range(0, n, max(1, n // 20)))
    return (
        "fn main() {\n"
        + "\n".join(lines)
        + "\n    let mut v: Vec<u64> = Vec::new();\n    v.push(1);\n    v.push(2);\n"
        + f'    println!("{{}}", {total} + v.len() as u64);\n}}\n'
    )


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=ROOT, capture_output=True)
    return time.perf_counter() - start


def bench_first_paint(repeat: int, program: Path) -> dict:
    """Fresh processes, start to exit: quitting at the first paint, and (board ready) after grabbing a screenshot."""
    out = Path(tempfile.mkdtemp()) / "shot.png"
    env = {**os.environ, "WHITEBOARD_SETTINGS_DIR": tempfile.mkdtemp()}
    ours = [sys.executable, "-m", "whiteboard", "--size", "1600x900"]
    bare = [sys.executable, "-c", BARE_WINDOW]
    samples: dict = {"first paint": [], "floor first paint": [], "board ready": [], "floor grab": []}
    for _ in range(repeat):
        samples["first paint"].append(_timed([*ours, "--exit-after-first-paint", str(program)], env))
        samples["floor first paint"].append(_timed([*bare, "paint"], env))
        samples["board ready"].append(_timed([*ours, "--screenshot", str(out), str(program)], env))
        samples["floor grab"].append(_timed([*bare, "grab", str(out)], env))
    return {key: median_ms(values) for key, values in samples.items()}


class BareScene:
    """The floor: plain QGraphicsRectItem / QGraphicsSimpleTextItem / QGraphicsPathItem, as many as the diagram."""

    def __init__(self, diagram) -> None:
        from PySide6.QtGui import QFont, QPainterPath
        from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem

        from whiteboard.diagram.primitives import Arrow, Label, Rect

        self.scene = QGraphicsScene()
        self.scene.setItemIndexMethod(QGraphicsScene.NoIndex)
        self.items = []
        font = QFont("DejaVu Sans Mono")
        font.setPixelSize(18)
        for prim in diagram.items.values():
            if isinstance(prim, Rect):
                item = QGraphicsRectItem(0, 0, prim.w, prim.h)
                item.setPos(prim.x, prim.y)
            elif isinstance(prim, Label):
                item = QGraphicsSimpleTextItem(prim.text)
                item.setFont(font)
                item.setPos(prim.x, prim.y)
            elif isinstance(prim, Arrow):
                path = QPainterPath()
                path.moveTo(prim.x1, prim.y1)
                path.cubicTo(prim.x1 + 80, prim.y1, prim.x2 - 80, prim.y2, prim.x2, prim.y2)
                item = QGraphicsPathItem(path)
            self.scene.addItem(item)
            self.items.append(item)
        x, y, w, h = diagram.bounds
        self.scene.setSceneRect(x, y, w, h)


def make_view(scene):
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QGraphicsView

    view = QGraphicsView(scene)
    view.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
    view.resize(1600, 900)
    view.show()
    view.fitInView(scene.sceneRect())
    return view


def bench_canvas(repeat: int) -> dict:
    from PySide6.QtCore import QRectF

    from whiteboard.canvas.board_view import BoardView
    from whiteboard.canvas.fonts import ensure_app
    from whiteboard.canvas.render import render_png
    from whiteboard.diagram.build import build_diagram
    from whiteboard.sim.run import run_source

    app = ensure_app()
    trace = run_source(many_locals(1000), "main.rs", record=True).trace
    push = next(k for k, s in enumerate(trace.steps) if any(e.kind == "heap_allocated" for e in s.events))
    diagram = build_diagram(trace, push)
    counts = {
        kind: sum(1 for p in diagram.items.values() if type(p).__name__ == kind) for kind in ("Rect", "Label", "Arrow")
    }
    live_values = len(trace.state_at(push).frames[next(iter(trace.state_at(push).frames))].slots)
    results: dict = {"live locals": live_values, "primitives": counts}

    # Animation frames: hold the push step's animation at evenly spaced times and repaint after each.
    view = BoardView()
    view.resize(1600, 900)
    view.show()
    view.set_trace(trace)
    view.set_speed(1.0)
    frames, full_frames, moved = [], [], 0
    for _ in range(repeat):
        view.show_step(push - 1, animate=False)
        app.processEvents()
        view.show_step(push)
        transition = view.transition
        transition.animation.pause()
        moved = len(transition.items)
        for i in range(1, 31):
            # As the event loop runs it: the animator sets the items, Qt repaints what changed.
            start = time.perf_counter()
            transition.apply(i / 30)
            app.processEvents()
            frames.append(time.perf_counter() - start)
        for i in range(1, 31):
            # The worst case: the whole view repainted every frame.
            start = time.perf_counter()
            transition.apply(i / 30)
            view.viewport().grab()
            full_frames.append(time.perf_counter() - start)
        view.finish_animation()
    results["frame ms (median)"] = median_ms(frames)
    results["frame ms (worst)"] = max(frames) * 1000
    results["full-repaint frame ms (median)"] = median_ms(full_frames)
    results["items animated per frame"] = moved

    bare = BareScene(diagram)
    bare_view = make_view(bare.scene)
    app.processEvents()
    animated = bare.items[:moved] if moved else bare.items[:1]
    bare_frames, bare_full = [], []
    for _ in range(repeat):
        for i in range(1, 31):
            start = time.perf_counter()
            for item in animated:
                item.setPos(item.x() + 0.5, item.y())
                item.setOpacity(i / 30)
            app.processEvents()
            bare_frames.append(time.perf_counter() - start)
        for _ in range(1, 31):
            start = time.perf_counter()
            for item in animated:
                item.setPos(item.x() - 0.5, item.y())
            bare_view.viewport().grab()
            bare_full.append(time.perf_counter() - start)
    results["floor frame ms (median)"] = median_ms(bare_frames)
    results["floor full-repaint frame ms (median)"] = median_ms(bare_full)

    # Scrub: jump between far steps with the diagram cache emptied, so building the diagram is counted.
    scrubs = []
    for i in range(repeat * 5):
        view._diagrams.clear()
        target = push + 2 if i % 2 else push - 2  # two states of about 1,000 live values, a few steps apart
        start = time.perf_counter()
        view.show_step(target, animate=False)
        app.processEvents()
        scrubs.append(time.perf_counter() - start)
    results["scrub ms (median)"] = median_ms(scrubs)
    bare_scrubs = []
    for i in range(repeat * 5):
        start = time.perf_counter()
        for item in bare.items:
            item.setPos(item.x(), item.y() + (1 if i % 2 else -1))
            if hasattr(item, "setText"):
                item.setText(item.text())
        app.processEvents()
        bare_scrubs.append(time.perf_counter() - start)
    results["floor scrub ms (median)"] = median_ms(bare_scrubs)

    # 4K export.
    from PySide6.QtGui import QImage, QPainter

    out = Path(tempfile.mkdtemp())
    exports, bare_exports = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        render_png(diagram, out / "ours.png", size=(3840, 2160))
        exports.append(time.perf_counter() - start)
        start = time.perf_counter()
        image = QImage(3840, 2160, QImage.Format_ARGB32_Premultiplied)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        bare.scene.render(painter, QRectF(0, 0, 3840, 2160), bare.scene.sceneRect())
        painter.end()
        image.save(str(out / "bare.png"))
        bare_exports.append(time.perf_counter() - start)
    results["4K PNG export ms"] = median_ms(exports)
    results["floor 4K PNG ms"] = median_ms(bare_exports)
    view.close()
    bare_view.close()
    app.processEvents()
    return results


def bench_series(repeat: int) -> dict:
    """The memory-over-time plot's data for a 100,000-step trace (the test that once timed this now only checks
    the figures), beside one pass over the same steps that only reads each step's events (the floor)."""
    from whiteboard.diagram.series import memory_series
    from whiteboard.sim.run import run_source

    source = "fn main() {\n    let mut v: Vec<u32> = Vec::new();\n    let mut i = 0;\n"
    source += "    while i < 40000 {\n        v.push(i);\n        i += 1;\n    }\n}\n"
    trace = run_source(source, "long.rs", record=True).trace
    times, floor = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        memory_series(trace)
        times.append(time.perf_counter() - start)
        start = time.perf_counter()
        sum(len(step.events) for step in trace.steps)
        floor.append(time.perf_counter() - start)
    return {"steps": len(trace.steps), "series ms": median_ms(times), "floor series ms": median_ms(floor)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    program = ROOT / "tests" / "scenes" / "hello_heap.rs"
    start = bench_first_paint(args.repeat, program)
    print(
        f"first painted window: {start['first paint']:.0f} ms   floor (bare PySide6 window): "
        f"{start['floor first paint']:.0f} ms   ratio {start['first paint'] / start['floor first paint']:.2f}"
    )
    print(
        f"board ready and grabbed: {start['board ready']:.0f} ms   floor (bare window grabbed): "
        f"{start['floor grab']:.0f} ms   ratio {start['board ready'] / start['floor grab']:.2f}"
    )
    results = bench_canvas(args.repeat)
    for key, value in results.items():
        print(f"{key}: {value if not isinstance(value, float) else f'{value:.2f}'}")
    for ours_key, floor_key in (
        ("frame ms (median)", "floor frame ms (median)"),
        ("full-repaint frame ms (median)", "floor full-repaint frame ms (median)"),
        ("scrub ms (median)", "floor scrub ms (median)"),
        ("4K PNG export ms", "floor 4K PNG ms"),
    ):
        print(f"ratio {ours_key} / floor: {results[ours_key] / results[floor_key]:.2f}")
    series = bench_series(args.repeat)
    print(
        f"memory series of {series['steps']:,} steps: {series['series ms']:.0f} ms   floor (reading the events): "
        f"{series['floor series ms']:.0f} ms   ratio {series['series ms'] / series['floor series ms']:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
