"""Benchmarks of building by hand: what a gesture costs from the drop to the board showing the new step.

    .venv/bin/python benchmarks/bench_gestures.py [--repeat N]

- the edit alone (parse the program with tree-sitter, find the place, write the Rust), beside a bare tree-sitter
  parse of the same text (the floor);
- the drag preview (what the outline's label says, computed on each move onto a new target);
- a whole gesture in the window (offscreen): edit, run the program again, draw the landing step; beside running
  the program alone (`run_source`, the floor of any edit that changes the program);
- undo of that gesture;
- on a board of 1,000 locals: outlining a target with its callout placed clear of the picture's text, beside the
  outline alone (the floor).

Programs: the seed lesson (scenes/03_*.rs) and a 300-line program of pushes. Figures are medians in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_document import median_ms  # noqa: E402
from tests.gesture_board import GestureBoard  # noqa: E402
from whiteboard.document import gestures as G  # noqa: E402
from whiteboard.document.code_places import _PARSER  # noqa: E402
from whiteboard.sim.run import run_source  # noqa: E402


def programs() -> dict[str, str]:
    seed = next((ROOT / "scenes").glob("03_*.rs")).read_text(encoding="utf-8")
    pushes = "fn main() {\n    let mut v: Vec<i32> = Vec::new();\n" + "    v.push(1);\n" * 300 + "}\n"
    return {"seed lesson": seed, "300 pushes": pushes}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=11)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from whiteboard.app.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    window.set_speed(None)
    print(f"{'program':14} {'measure':34} {'ms':>9} {'floor ms':>9} {'ratio':>6}")
    for name, source in programs().items():
        board = GestureBoard(source)
        # late in the run, with the Vec still alive: the most steps to search back through
        board.step = max(
            k
            for k in range(len(board.trace))
            if any(
                s.ty.startswith(("Vec", "MyStruct"))
                for f in board.trace.state_at(k).frames.values()
                for s in f.slots.values()
            )
        )
        vec = next(
            s for f in board.state.frames.values() for s in f.slots.values() if s.ty.startswith(("Vec", "MyStruct"))
        )
        key = f"val:slot:{vec.slot_id}" + ("/age" if vec.ty == "MyStruct" else "")
        target = board.target(key)
        item = board.items()["i32"]

        def edit(board=board, target=target, item=item):
            return G.drop_item(board.source, item, target, board.anchor(target))

        data = source.encode()
        floor = median_ms(lambda data=data: _PARSER.parse(data), args.repeat)
        row(name, "edit (tree-sitter, place, Rust)", median_ms(edit, args.repeat), floor)
        window.load_source(source, f"/tmp/{name}.rs")
        window.go_to(board.step)
        app.processEvents()
        preview = median_ms(lambda key=key: window.drop_preview(("item", "i32"), key, False), args.repeat)
        row(name, "drag preview (outline label)", preview, floor)
        run_floor = median_ms(
            lambda source=source: run_source(source, "main.rs", record=True), max(3, args.repeat // 2)
        )
        times, undo_times = [], []
        for _ in range(max(3, args.repeat // 2)):
            window.go_to(board.step)
            start = time.perf_counter()
            window.drop_item("i32", key)
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            window.undo()
            app.processEvents()
            undo_times.append((time.perf_counter() - start) * 1000)
        row(name, "drop → run → new step drawn", statistics.median(times), run_floor)
        row(name, "undo → run → old step drawn", statistics.median(undo_times), run_floor)
    callouts(window, app, args.repeat)
    window.saved_program = window.program()
    window.close_session()
    return 0


def callouts(window, app, repeat: int) -> None:
    """Outlining a target on a crowded board: the callout is placed where it covers no text, which means measuring
    the picture's labels (once per picture) and scoring four spots (on every new target)."""
    lets = "".join(f"    let a{i}: u64 = {i};\n" for i in range(1000))
    source = f'fn main() {{\n{lets}    println!("{{}}", a999);\n}}\n'
    window.load_source(source, "/tmp/locals.rs")
    window.go_to(window.step_count() - 3)
    app.processEvents()
    board = window.board
    keys = [k for k in board.target_keys() if k.startswith("slot:")][:50]

    def outline(text):
        for key in keys:
            board.show_target(key, text)

    plain = median_ms(lambda: outline(None), repeat) / len(keys)
    placed = median_ms(lambda: outline("a1.push(1);"), repeat) / len(keys)
    row("1,000 locals", "outline + callout (per target)", placed, plain)

    def first():
        board._text_boxes = (None, None)
        board.clear_target()
        board.show_target(keys[0], "a1.push(1);")

    row("1,000 locals", "first callout on a new picture", median_ms(first, repeat), plain)
    board.clear_target()


def row(name: str, what: str, ms: float, floor: float) -> None:
    print(f"{name:14} {what:34} {ms:9.2f} {floor:9.2f} {ms / floor if floor else 0:6.1f}")


if __name__ == "__main__":
    raise SystemExit(main())
