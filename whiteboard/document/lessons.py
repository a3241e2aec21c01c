"""The lessons in `scenes/`: numbered Rust programs whose `//!` header gives a title and a one-line summary."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from whiteboard.document.captions import read_captions


@dataclass(frozen=True)
class Lesson:
    path: Path
    title: str
    summary: str


def list_lessons(folder) -> list[Lesson]:
    """Every `.rs` file of `folder` in file-name order (lessons are numbered so that this is teaching order); a
    file without a `//!` title is listed under its file name."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    lessons = []
    for path in sorted(folder.glob("*.rs")):
        try:
            captions = read_captions(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        title = captions.title or path.stem.replace("_", " ")
        lessons.append(Lesson(path, title, captions.summary))
    return lessons


def key_step(trace) -> int:
    """The step a thumbnail shows: the one with the most on the board (frames, their locals, heap blocks, a folded
    deep stack), the earliest of equals, and never after main has returned (when the board is empty again)."""
    best, best_score = 0, -1
    for index in range(len(trace.steps)):
        state = trace.state_at(index)
        if index and not state.frames:
            break
        frames = state.frames.values()
        score = len(frames) + sum(len(f.slots) for f in frames) + 2 * len(state.blocks) + 8 * len(state.collapsed)
        if score > best_score:
            best, best_score = index, score
    return best
