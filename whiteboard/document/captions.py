"""Captions live in the program as comments, so a lesson stays one file that rustc compiles and any editor opens.

- `//!` lines at the top of the file: the lesson's title (first line) and its one-paragraph summary; a
  `//! show: addresses, bytes, allocator` line turns those views on when the lesson opens (all are off otherwise).
- A block of `//` lines directly above a line of code (no blank line between) is the caption of every step that
  starts on that line; a trailing `// ...` on the line itself serves when there is no block above.
- An empty `//` line inside a block starts a new paragraph.

Comments are found with tree-sitter, so `"//"` inside a string literal is never mistaken for one.
"""

from __future__ import annotations

from dataclasses import dataclass

import tree_sitter_rust
from tree_sitter import Language, Parser

VIEWS = ("addresses", "bytes", "allocator")
_PARSER = Parser(Language(tree_sitter_rust.language()))


@dataclass(frozen=True)
class Captions:
    title: str
    summary: str
    by_line: dict[int, str]  # 1-based line of code -> caption
    show: frozenset[str] = frozenset()  # views the lesson turns on: addresses, bytes, allocator

    def for_line(self, line: int) -> str:
        return self.by_line.get(line, "")


def read_captions(source: str) -> Captions:
    lines = source.split("\n")  # as tree-sitter counts rows (splitlines would also split at form feeds, U+2028 …)
    first_code = next((row for row, text in enumerate(lines) if text.strip() and not text.lstrip().startswith("//")),
                      len(lines))  # fmt: skip
    tree = _PARSER.parse(source.encode("utf-8"))
    own_line: dict[int, str] = {}  # 0-based row -> text of a comment alone on its line
    trailing: dict[int, str] = {}
    header: list[str] = []
    views: dict[str, set[str]] = {"show": set()}
    for node in _comments(tree.root_node):
        row = node.start_point[0]
        raw = node.text.decode("utf-8", "replace")
        if raw.startswith("//!"):
            if row > first_code:
                continue  # a header is only a header at the top of the file
            text = _strip(raw, 3)
            key, colon, words = text.partition(":")
            if colon and key.strip() in views:
                views[key.strip()].update(w.strip() for w in words.split(",") if w.strip() in VIEWS)
            else:
                header.append(text)
            continue
        if not raw.startswith("//") or raw.startswith("///"):
            continue  # block comments and doc comments are not captions
        before = lines[row][: _char_col(lines[row], node.start_point[1])] if row < len(lines) else ""
        (own_line if before.strip() == "" else trailing)[row] = _strip(raw, 2)
    by_line: dict[int, str] = {}
    for row, text in enumerate(lines):
        if row in own_line or not text.strip():
            continue
        block: list[str] = []
        above = row - 1
        while above in own_line:
            block.insert(0, own_line[above])
            above -= 1
        caption = _paragraphs(block) if block else trailing.get(row, "")
        if caption:
            by_line[row + 1] = caption
    title, summary = _header(header)
    return Captions(title, summary, by_line, frozenset(views["show"]))


def _comments(node) -> list:
    found, stack = [], [node]
    while stack:
        current = stack.pop()
        if current.type == "line_comment":
            found.append(current)
        else:
            stack.extend(current.children)
    return sorted(found, key=lambda comment: comment.start_byte)


def _strip(raw: str, marker: int) -> str:
    text = raw[marker:].rstrip("\r\n")
    return text[1:] if text.startswith(" ") else text


def _char_col(line: str, byte_col: int) -> int:
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", "replace"))


def _paragraphs(block: list[str]) -> str:
    paragraphs: list[list[str]] = [[]]
    for text in block:
        if text.strip():
            paragraphs[-1].append(text.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n".join(" ".join(words) for words in paragraphs if words)


def _header(header: list[str]) -> tuple[str, str]:
    if not header:
        return "", ""
    title = header[0].strip().lstrip("#").strip()
    summary = _paragraphs(header[1:]).split("\n", 1)[0]
    return title, summary
