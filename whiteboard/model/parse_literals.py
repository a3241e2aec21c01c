"""Rust literal tokens to values: number suffixes and bases, char and string escapes, raw strings.

tree-sitter hands literals over as raw token text; these pure functions turn that text into `syntax.Lit` parts.
"""

from __future__ import annotations

import re

from whiteboard.model.types import FLOAT_NAMES, INT_NAMES

_INT = re.compile(r"(0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+|[0-9]+)([a-z][a-z0-9]*)?")
_FLOAT = re.compile(r"([0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)([a-z][a-z0-9]*)?")
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F_]+\}|x[0-9a-fA-F]{2}|\r?\n\s*|.)", re.DOTALL)
_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\", "0": "\0", "'": "'", '"': '"'}


class LiteralError(ValueError):
    """A literal token rustc would reject; `offset` is the character in the token it points at, if not the whole."""

    def __init__(self, message: str, offset: int | None = None):
        super().__init__(message)
        self.offset = offset


def integer(text: str) -> tuple[str, int | float, str | None]:
    """(kind, value, suffix) of an integer token; `1f32` is a float, as in rustc."""
    match = _INT.fullmatch(text.replace("_", ""))
    if match is None:
        raise LiteralError(f"invalid integer literal `{text}`")
    body, suffix = match.groups()
    if suffix in FLOAT_NAMES and body.isdigit():
        return "float", float(body), suffix
    if suffix is not None and suffix not in INT_NAMES:
        raise LiteralError(f"invalid suffix `{suffix}` for number literal")
    return "int", int(body, 0) if body[:2] in ("0x", "0o", "0b") else int(body), suffix


def floating(text: str) -> tuple[str, float, str | None]:
    """(kind, value, suffix) of a float token like `2.0f32` or `1.5e-3`."""
    match = _FLOAT.fullmatch(text.replace("_", ""))
    if match is None:
        raise LiteralError(f"invalid float literal `{text}`")
    body, suffix = match.groups()
    if suffix is not None and suffix not in FLOAT_NAMES:
        raise LiteralError(f"invalid suffix `{suffix}` for float literal")
    return "float", float(body), suffix


def char(text: str) -> tuple[str, str | int, str | None]:
    """(kind, value, suffix) of `'a'` (a 1-character str) or `b'a'` (an int, typed u8)."""
    is_byte = text.startswith("b")
    if is_byte:
        _check_ascii(text, "byte literal")
    value = unescape(text[2:-1] if is_byte else text[1:-1])
    if not value:
        raise LiteralError("empty character literal", len(text) - 1)  # rustc points at the closing quote
    if len(value) > 1:
        raise LiteralError("character literal may only contain one codepoint")
    return ("byte", ord(value), "u8") if is_byte else ("char", value, None)


def boolean(text: str) -> tuple[str, bool, None]:
    return "bool", text == "true", None


def string(text: str) -> tuple[str, str | bytes, None]:
    """(kind, value, no suffix) of a string token: `"…"`, `r#"…"#`, `b"…"`, `br"…"`."""
    prefix, _, rest = text.partition('"')
    raw = "r" in prefix
    # A raw string's closing quote is followed by as many `#` as opened it.
    body = rest[: len(rest) - 1 - prefix.count("#")] if raw else rest[:-1]
    if prefix.startswith("b"):
        _check_ascii(text, "byte string literal")
        # `\xff` is the byte 255, so the escaped text is one code point per byte.
        return "bytestr", (body if raw else unescape(body)).encode("latin-1"), None
    return "str", body if raw else unescape(body), None


def _check_ascii(text: str, what: str) -> None:
    for offset, character in enumerate(text):
        if not character.isascii():
            raise LiteralError(f"non-ASCII character in {what}", offset)


def unescape(body: str) -> str:
    return _ESCAPE.sub(_escape_value, body)


def _escape_value(match: re.Match[str]) -> str:
    escape = match.group(1)
    if escape[0] == "u":
        return chr(int(escape[2:-1].replace("_", ""), 16))
    if escape[0] == "x":
        return chr(int(escape[1:], 16))
    if escape[0] in "\r\n":  # a backslash at the end of a line skips the newline and the next line's indentation
        return ""
    return _SIMPLE_ESCAPES.get(escape, escape)
