"""tree-sitter plumbing for the parser: parsing, rustc-style positions, and syntax errors.

tree-sitter reports positions as (row, byte column) from 0; rustc prints 1-based lines and columns counted in
characters. `Source` converts between the two, and can also stand for a snippet cut out of the user's file and parsed
inside a small wrapper program (how macro arguments are parsed), mapping the snippet's positions back to the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import tree_sitter_rust
from tree_sitter import Language, Node, Parser

from whiteboard.model.syntax import Span

_RUST = Language(tree_sitter_rust.language())


class ParseError(Exception):
    """Source that is not valid Rust (a syntax error, or a malformed literal or parameter), with the position of
    the first problem, worded as rustc words it where that can be known."""

    def __init__(self, message: str, span: Span):
        super().__init__(message)
        self.message = message
        self.span = span


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an embedded snippet sits: its first character is at (line, col) of the user's file, and the wrapper
    puts `prefix_len` ASCII characters before it on the wrapper's first line."""

    line: int
    col: int
    prefix_len: int


class Source:
    """One tree-sitter parse of `text`, with positions reported in the user's file."""

    def __init__(self, text: str, placement: Placement | None = None):
        self.data = text.encode()
        self.root = Parser(_RUST).parse(self.data).root_node  # a parser per parse: parsers are not thread-safe
        self._placement = placement
        self._line_starts = [0] + [i + 1 for i, byte in enumerate(self.data) if byte == 0x0A]

    def text(self, node: Node) -> str:
        return self.data[node.start_byte : node.end_byte].decode()

    def position(self, row: int, byte_col: int) -> tuple[int, int]:
        """The 1-based (line, character column) in the user's file of a tree-sitter point of this source."""
        start = self._line_starts[row]
        col = len(self.data[start : start + byte_col].decode()) + 1
        place = self._placement
        if place is None:
            return row + 1, col
        if row == 0:
            return place.line, place.col + col - 1 - place.prefix_len
        # The snippet is copied verbatim, so its later lines keep their columns.
        return place.line + row, col

    def span(self, node: Node) -> Span:
        return self.span_between(node, node)

    def span_between(self, first: Node, last: Node) -> Span:
        """From the start of `first` to the end of `last`."""
        return self.position(*first.start_point) + self.position(*last.end_point)

    def check_syntax(self) -> None:
        """Raise ParseError at the first ERROR or MISSING node, in source order, worded like rustc."""
        if not self.root.has_error:
            return
        self._check_delimiters()
        bad = _first_error(self.root)
        found = _next_leaf(bad) if bad.is_missing else _first_leaf(bad)
        found_text = self._describe_token(found)
        if not bad.is_missing:
            raise ParseError(f"unexpected {found_text}", self.span(found))
        message = f"expected {_describe_missing(bad)}, found {found_text}"
        # rustc reports a missing `;` right after the statement, anything else at the token found instead.
        at = bad if bad.type == ";" or found is None else found
        raise ParseError(message, self.span(at))

    def _describe_token(self, token: Node | None) -> str:
        if token is None:
            return "end of file"
        text = self.text(token)
        return f"keyword `{text}`" if text in _KEYWORDS else f"`{text}`"

    def _check_delimiters(self) -> None:
        """Unbalanced brackets first, as rustc's lexer does: tree-sitter's recovery from them points nowhere useful."""
        open_stack: list[Node] = []
        for leaf in _leaves(self.root):
            if leaf.is_missing:
                continue
            if leaf.type in _CLOSER_OF:
                open_stack.append(leaf)
            elif leaf.type in _CLOSER_OF.values():
                if not open_stack:
                    raise ParseError(f"unexpected closing delimiter: `{leaf.type}`", self.span(leaf))
                opener = open_stack.pop()
                if _CLOSER_OF[opener.type] != leaf.type:
                    raise ParseError(f"mismatched closing delimiter: `{leaf.type}`", self.span(opener))
        if open_stack:
            raise ParseError(f"unclosed delimiter `{open_stack[-1].type}`", self.span(open_stack[-1]))


_CLOSER_OF = {"(": ")", "[": "]", "{": "}"}


def _leaves(root: Node) -> Iterator[Node]:
    stack = [root]
    while stack:
        node = stack.pop()
        if node.child_count:
            stack.extend(reversed(node.children))
        else:
            yield node


def _first_error(node: Node) -> Node:
    for child in node.children:
        if child.is_missing or child.type == "ERROR":
            return child
        if child.has_error:
            return _first_error(child)
    return node


def _first_leaf(node: Node) -> Node:
    while node.child_count:
        node = node.children[0]
    return node


def _next_leaf(node: Node) -> Node | None:
    """The token after `node`, or None at the end of the file."""
    while node.next_sibling is None:
        node = node.parent
        if node is None:
            return None
    return _first_leaf(node.next_sibling)


_KEYWORDS = frozenset(
    "as break const continue crate else enum extern false fn for if impl in let loop match mod move mut pub ref "
    "return self Self static struct super trait true type unsafe use where while async await dyn".split()
)


def _describe_missing(node: Node) -> str:
    """What a MISSING node stands for, in rustc's words. tree-sitter fills a missing operand with an identifier."""
    if node.type == "identifier" and (node.parent.type.endswith("expression") or node.parent.type == "arguments"):
        return "expression"
    return {"type_identifier": "type", "field_identifier": "identifier"}.get(node.type, f"`{node.type}`")
