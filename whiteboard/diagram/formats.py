"""How numbers read on the board: addresses in 4-digit groups, byte counts with thousands separators or binary units,
and text wrapped to a width. Shared by every part of the layout so the same fact always reads the same way."""

from __future__ import annotations

from whiteboard.diagram.metrics import ADVANCE_EM

_UNITS = ((1 << 40, "TiB"), (1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB"))


def addr(value: int) -> str:
    """0x7fff_ffff_e0a8: groups of four hex digits, as rustc and gdb users read them."""
    return "0x" + format(value, "_x")


def count(value: int) -> str:
    """1,136: thousands separators, so 523,854 frames or a 1 TiB capacity can be read aloud."""
    return f"{value:,}"


def nbytes(value: int) -> str:
    """ "96 B", "1,136 B", "8 MiB", "1 TiB": whole binary units when exact, bytes otherwise."""
    for unit, name in _UNITS:
        if value >= unit and value % unit == 0:
            return f"{value // unit:,} {name}"
    return f"{value:,} B"


def small_int(text: str) -> str:
    """Integer text with separators once it is long enough to need them (cap 1,099,511,627,776)."""
    if len(text) > 5 and text.isdigit():
        return f"{int(text):,}"
    return text


def wrap(text: str, width: float, size: float) -> list[str]:
    """Greedy word wrap to `width` scene units; a word longer than a line is cut, never left overflowing."""
    room = max(int(width / (ADVANCE_EM * size)), 1)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            while len(word) > room:
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:room])
                word = word[room:]
            candidate = f"{line} {word}" if line else word
            if len(candidate) <= room:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines
