"""Benchmarks of the document layer, each beside the bare operation it is built on (the floor).

    .venv/bin/python benchmarks/bench_document.py [--repeat N]

- opening a board: read + decode + migrate + validate, beside `json.loads` of the same bytes;
- saving: dump + atomic write (write aside, fsync, rename, fsync the folder), beside writing the same bytes with
  one fsync;
- the autosave the window does after an edit, beside the same plain write;
- start-page thumbnails: all lessons rendered cold (run, key step, diagram, render), and again from the disk cache.

Figures are wall-clock medians in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from whiteboard.document.board import Board, View  # noqa: E402
from whiteboard.document.board_file import MAX_PROGRAM_CHARS, dump_board, parse_board  # noqa: E402
from whiteboard.document.recovery import Session  # noqa: E402
from whiteboard.document.safe_write import write_atomically  # noqa: E402


def median_ms(work, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def plain_write(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def row(name: str, ours: float, floor: float) -> None:
    print(f"| {name} | {ours:.2f} ms | {floor:.2f} ms | {ours / floor:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    lesson = (ROOT / "scenes" / "12_box_list.rs").read_text(encoding="utf-8")
    boards = {
        "lesson board (12_box_list, 2 KB)": Board(lesson, View(step=12, zoom=1.25, theme="dark")),
        "largest board (1,000,000-character program)": Board(
            ("// " + "x" * 96 + "\n") * (MAX_PROGRAM_CHARS // 100 - 1) + "fn main() {}\n", View()
        ),
    }
    folder = Path(tempfile.mkdtemp(prefix="bench_document_"))
    try:
        print("| measure | ours | floor | ratio |\n| --- | --- | --- | --- |")
        for name, board in boards.items():
            measure_board(name, board, folder, args.repeat)
        session = Session(folder / "recovery")
        board = boards["lesson board (12_box_list, 2 KB)"]
        row("autosave of the lesson board", median_ms(lambda: session.save(board, "/x/y.rs"), args.repeat),
            median_ms(lambda: plain_write(folder / "plain", dump_board(board)), args.repeat))  # fmt: skip
        session.close()
        thumbnails(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure_board(name: str, board: Board, folder: Path, repeat: int) -> None:
    data = dump_board(board)
    target = folder / "b.whiteboard"
    row(f"open {name}", median_ms(lambda: parse_board(data, "b.whiteboard"), repeat),
        median_ms(lambda: json.loads(data), repeat))  # fmt: skip
    row(f"save {name}", median_ms(lambda: write_atomically(target, dump_board(board)), repeat),
        median_ms(lambda: plain_write(folder / "plain", data), repeat))  # fmt: skip


def thumbnails(folder: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from whiteboard.app.thumbnails import lesson_thumbnail
    from whiteboard.canvas.fonts import load_fonts

    _app = QApplication.instance() or QApplication([])
    load_fonts()
    lessons = sorted((ROOT / "scenes").glob("*.rs"))
    cache = folder / "thumbnails"
    start = time.perf_counter()
    for path in lessons:
        lesson_thumbnail(path, "light", cache)
    cold = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    for path in lessons:
        lesson_thumbnail(path, "light", cache)
    warm = (time.perf_counter() - start) * 1000
    print(f"\nstart-page thumbnails, {len(lessons)} lessons: cold {cold:.0f} ms ({cold / len(lessons):.0f} ms each, "
          f"one per event-loop turn), from the cache {warm:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
