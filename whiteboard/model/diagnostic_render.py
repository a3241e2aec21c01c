"""Diagnostics printed the way rustc prints them: headline, location, the source lines with their labels.

The placement of several labels on one line follows rustc's emitter (`render_source_line` in
`rustc_errors/src/emitter.rs`): the rightmost label stays on the underline row when nothing overlaps it, the others
hang below their span's start on rows of their own, joined to it by `|`.
"""

from __future__ import annotations

from whiteboard.model.diagnostics import Diagnostic, Label


def render_diagnostics(diagnostics: list[Diagnostic], source: str, path: str) -> str:
    out = [render(d, source, path) for d in diagnostics]
    count = len(diagnostics)
    out.append(f"error: aborting due to {'1 previous error' if count == 1 else f'{count} previous errors'}\n\n")
    codes = sorted({d.code for d in diagnostics if d.code})
    if len(codes) == 1:
        out.append(f"For more information about this error, try `rustc --explain {codes[0]}`.\n")
    elif codes:
        out.append(
            f"Some errors have detailed explanations: {', '.join(codes)}.\n"
            f"For more information about an error, try `rustc --explain {codes[0]}`.\n"
        )
    return "".join(out)


def render(d: Diagnostic, source: str, path: str) -> str:
    lines = source.splitlines()
    head = f"error[{d.code}]: {d.message}" if d.code else f"error: {d.message}"
    primary = d.primary_span
    by_line: dict[int, list[Label]] = {}
    for label in d.labels:
        if label.span[0]:
            by_line.setdefault(label.span[0], []).append(label)
    numbers = sorted(by_line)
    width = len(str(max(numbers))) if numbers else 1
    gutter = " " * width
    out = [head, f"{gutter}--> {path}:{primary[0]}:{primary[1]}", f"{gutter} |"]
    for i, number in enumerate(numbers):
        text = _line(lines, number)
        out.append(f"{number:>{width}} | {text}")
        out += [f"{gutter} | {row}" for row in _annotation_rows(by_line[number], number, len(text))]
        following = numbers[i + 1] if i + 1 < len(numbers) else None
        if following == number + 2:  # a single line between two labelled ones is shown, more are elided
            out.append(f"{number + 1:>{width}} | {_line(lines, number + 1)}")
        elif following is not None and following > number + 2:
            out.append("...")
    if d.notes or d.help:
        out.append(f"{gutter} |")
    for note in d.notes:
        out.append(f"{gutter} = note: {note}")
    if d.help:
        out.append(f"{gutter} = help: {d.help}")
    return "\n".join(line.rstrip() for line in out) + "\n\n"


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if number - 1 < len(lines) else ""


def _annotation_rows(labels: list[Label], number: int, length: int) -> list[str]:
    """The rows under one source line: underlines first, then the labels that hang below."""
    # Columns are 0-based and end-exclusive; a span running past this line is cut at its end.
    anns = [(label.span[1] - 1, label.span[3] - 1 if label.span[2] == number else length, label) for label in labels]
    anns = [(start, max(end, start + 1), label) for start, end, label in anns]
    anns.sort(key=lambda ann: -ann[0])  # rightmost first, keeping the order labels were added in among equals
    positions = _positions(anns)
    lowest = max(pos for pos, _ in positions)
    rows: list[list[str]] = [[] for _ in range(lowest + 2 if lowest else 1)]

    def put(row: int, col: int, text: str) -> None:
        line = rows[row]
        line.extend(" " * (col + len(text) - len(line)))
        line[col : col + len(text)] = text

    for pos, (start, _, label) in positions:
        if pos > 0 and label.message:
            for row in range(pos + 1):
                put(row, start, "|")
    for pos, (start, end, label) in positions:
        if label.message and pos == 0:
            put(0, end + 1, label.message)
        elif label.message:
            put(pos + 1, start, label.message)
    # Longer spans first, so shorter ones (and, at equal length, the primary one) show on top.
    for _, (start, end, label) in sorted(positions, key=lambda p: (-(p[1][1] - p[1][0]), p[1][2].primary)):
        put(0, start, ("^" if label.primary else "-") * (end - start))
    return ["".join(row) for row in rows]


def _positions(anns: list[tuple[int, int, Label]]) -> list[tuple[int, tuple[int, int, Label]]]:
    """Which row each label goes on: 0 is the underline row; a label moves down when it would overlap another."""
    positions = []
    p = 0
    for i, ann in enumerate(anns):
        start, end, label = ann
        for j, (n_start, n_end, n_label) in enumerate(anns):
            if j > i and p == 0 and label.message and _overlaps(n_start, n_end, start, end, 0):
                if (n_start, n_end) == (start, end) and not n_label.message:
                    continue  # an unlabelled span under the same marks merges with this one
                p += 1
                break
        positions.append((p, ann))
        for j, (n_start, n_end, n_label) in enumerate(anns):
            if j <= i:
                continue
            pad = len(n_label.message) + 2 if n_label.message else 0
            overlap = _overlaps(n_start, n_end, start, end, pad)
            if (
                overlap
                and label.message
                and n_label.message
                or (overlap and n_end <= end and n_label.message and p == 0)
            ):
                p += 1
                break
    return positions


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int, padding: int) -> bool:
    """rustc's `overlaps(a, b, padding)`: whether `a`, widened by `padding` on the right, meets `b`."""
    return b_start <= a_start < b_end or a_start <= b_start < a_end + padding
