"""Syntax colours for the code panel: one left-to-right tokenizer regex, so `//` inside a string stays a string.

Only what the whiteboard's Rust subset needs: keywords, types, literals, comments (block comments may span lines),
macros and attributes. Colours follow the theme and keep enough contrast on a washed-out projector.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

KEYWORDS = (
    "as break const continue crate dyn else enum extern false fn for if impl in let loop match mod move mut pub ref "
    "return self Self static struct super trait true type unsafe use where while"
).split()
PRIMITIVES = "u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f32 f64 bool char str".split()

TOKEN = re.compile(
    r"""
    (?P<comment>//.*$)
  | (?P<block_start>/\*)
  | (?P<string>b?"(?:\\.|[^"\\])*"?)
  | (?P<char>b?'(?:\\.|\\u\{[0-9a-fA-F]+\}|[^'\\])')
  | (?P<lifetime>'[A-Za-z_]\w*)
  | (?P<attribute>\#!?\[[^\]]*\]?)
  | (?P<number>\b(?:0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)
        (?:[iu](?:8|16|32|64|128|size)|f32|f64)?\b)
  | (?P<macro>\b[A-Za-z_]\w*!)
  | (?P<word>\b[A-Za-z_]\w*\b)
    """,
    re.VERBOSE,
)

PALETTES = {
    "light": {
        "keyword": "#0b4f8a",
        "type": "#00715a",
        "literal": "#a34800",
        "comment": "#5f6b5f",
        "macro": "#8a2a6a",
        "attribute": "#6b6300",
    },
    "dark": {
        "keyword": "#8db8e0",
        "type": "#5fd4a8",
        "literal": "#ffb08a",
        "comment": "#9aa39a",
        "macro": "#e6a0c8",
        "attribute": "#e0d070",
    },
}
PALETTES["projector"] = {**PALETTES["light"], "keyword": "#00336b", "comment": "#3f4a3f", "literal": "#8a3a00"}

IN_BLOCK_COMMENT = 1


class RustHighlighter(QSyntaxHighlighter):
    def __init__(self, document, theme: str = "light") -> None:
        super().__init__(document)
        self.formats: dict[str, QTextCharFormat] = {}
        self.set_theme(theme, rehighlight=False)

    def set_theme(self, name: str, rehighlight: bool = True) -> None:
        colours = PALETTES.get(name, PALETTES["light"])
        formats = {}
        for role, colour in colours.items():
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(colour))
            if role == "keyword":
                fmt.setFontWeight(QFont.Bold)
            if role == "comment":
                fmt.setFontItalic(True)
            formats[role] = fmt
        self.formats = formats
        if rehighlight:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        # Qt counts positions in UTF-16 units; Python in code points. They differ only past U+FFFF (emoji).
        units = _utf16_offsets(text)
        pos = 0
        if self.previousBlockState() == IN_BLOCK_COMMENT:
            pos = self._block_comment(text, 0, units)
        self.setCurrentBlockState(0)
        while pos < len(text):
            m = TOKEN.search(text, pos)
            if m is None:
                break
            kind = m.lastgroup
            if kind == "block_start":
                pos = self._block_comment(text, m.start(), units)
                continue
            role = _role(kind, m.group())
            if role:
                self._paint(units, m.start(), m.end(), role)
            pos = max(m.end(), pos + 1)

    def _block_comment(self, text: str, start: int, units) -> int:
        end = text.find("*/", start + 2 if text.startswith("/*", start) else start)
        if end < 0:
            self._paint(units, start, len(text), "comment")
            self.setCurrentBlockState(IN_BLOCK_COMMENT)
            return len(text)
        self._paint(units, start, end + 2, "comment")
        return end + 2

    def _paint(self, units, start: int, end: int, role: str) -> None:
        self.setFormat(units(start), units(end) - units(start), self.formats[role])


def _role(kind: str, text: str) -> str | None:
    if kind == "comment":
        return "comment"
    if kind in ("string", "char", "number"):
        return "literal"
    if kind == "macro":
        return "macro"
    if kind == "attribute":
        return "attribute"
    if kind == "lifetime":
        return "type"
    if kind == "word":
        if text in ("true", "false"):
            return "literal"
        if text in KEYWORDS:
            return "keyword"
        if text in PRIMITIVES or text[0].isupper():
            return "type"
    return None


def _utf16_offsets(text: str):
    if text.isascii():
        return lambda i: i
    return lambda i: len(text[:i].encode("utf-16-le")) // 2
