"""Spans of the small pieces rustc points at that the syntax tree has no node for: a field name, a path's last
segment, a compound-assignment operator, a name inside a type annotation. They are found in the source text next
to the spans the tree does have. Spans are 1-based (line, column, end line, end column), columns in characters."""

from __future__ import annotations

import re

from whiteboard.model import syntax as ast
from whiteboard.model.syntax import Span


class SourceText:
    def __init__(self, source: str):
        self.lines = source.splitlines()

    def suffix(self, span: Span, text: str) -> Span:
        """The last `len(text)` characters of `span`: a field access's field, a path's last segment."""
        line, col = span[2], span[3]
        return (line, col - len(text), line, col)

    def find(self, pattern: str, start: tuple[int, int], end: tuple[int, int] | None = None) -> Span | None:
        """The first match of the regular expression `pattern` from `start` (before `end`), on one line."""
        last_line = end[0] if end else len(self.lines)
        for line_no in range(start[0], last_line + 1):
            text = self.lines[line_no - 1] if line_no <= len(self.lines) else ""
            first = start[1] - 1 if line_no == start[0] else 0
            stop = end[1] - 1 if end and line_no == end[0] else len(text)
            match = re.compile(pattern).search(text, first, stop)
            if match:
                return (line_no, match.start() + 1, line_no, match.end() + 1)
        return None

    def word(self, name: str, within: Span) -> Span | None:
        """Where the identifier `name` first appears inside `within`."""
        return self.find(rf"(?<![\w]){re.escape(name)}(?![\w])", within[:2], within[2:])

    def word_before(self, name: str, position: tuple[int, int]) -> Span | None:
        """The last whole-word `name` on the line of `position`, before it (a struct literal's field name)."""
        line_no, col = position
        text = self.lines[line_no - 1][: col - 1]
        matches = list(re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", text))
        return (line_no, matches[-1].start() + 1, line_no, matches[-1].end() + 1) if matches else None

    def return_type(self, fn: ast.FnDef) -> Span | None:
        """The return type written after the last `->` of a function's header."""
        header = (fn.span[0], fn.span[1], fn.body.span[0], fn.body.span[1])
        arrow = None
        position = header[:2]
        while (found := self.find(r"->", position, header[2:])) is not None:
            arrow, position = found, found[2:]
        if arrow is None:
            return None
        start = self.find(r"\S", arrow[2:], header[2:])
        return (start[0], start[1], header[2], header[3] - 1) if start else None

    def end(self) -> Span:
        """Just after the last character of the file (where rustc reports a missing `main`)."""
        line_no = max((i + 1 for i, text in enumerate(self.lines) if text.strip()), default=1)
        col = len(self.lines[line_no - 1]) + 1 if self.lines else 1
        return (line_no, col, line_no, col)
