"""The board file: JSON, versioned, read in four stages so a bad file never becomes a half-loaded board.

    bytes ──decode──▶ plain dict ──migrate──▶ current version ──validate──▶ Board

Every failure is a `BoardFileError` whose text says what is wrong, where, and what to do; the caller keeps the board
it had. Plain `.rs` files open too (a program with the view its `//! show:` header asks for). The format is described
in README.md ("The board file").
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

from whiteboard.document.board import MAX_ZOOM, MIN_ZOOM, Board, View, board_from_program
from whiteboard.source_file import SourceError, read_bytes

FORMAT = "rust-memory-whiteboard"
VERSION = 1
EXTENSION = ".whiteboard"

# A board is a small teaching program: anything bigger is not a board, or is damaged, and reading it whole would
# freeze the window. The file limit leaves room for the largest program the app saves (a million characters, each
# escaped as \uXXXX in the worst case, plus a few bytes of JSON per line).
MAX_PROGRAM_CHARS = 1_000_000
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_STEP = 10**9

# version N -> a function taking a version-N dict and returning a version-(N+1) dict. Version 1 is the first board
# format, so the chain is empty; a format change adds its step here and a test with a file saved by the old version.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}


class BoardFileError(ValueError):
    """A file that cannot become a board; `str()` is the whole message for the user."""


# -- reading ------------------------------------------------------------------------------------------------------


def read_board(path) -> Board:
    """The board in the file at `path` (a board file or a plain `.rs` program)."""
    path = Path(path)
    try:
        data = read_bytes(path, MAX_FILE_BYTES, lambda size: _too_big(path, size))
    except SourceError as err:
        raise BoardFileError(str(err)) from None
    return parse_board(data, path.name)


def parse_board(data: bytes, name: str = "board") -> Board:
    if len(data) > MAX_FILE_BYTES:
        raise BoardFileError(_too_big(name, len(data)))
    text = _decode(data, name)
    if name.endswith(".rs"):
        text = normalise_newlines(text)
        _check_program(text, name)
        return board_from_program(text)
    record = _parse_json(text, name)
    record = migrate(record, name)
    try:
        return _validate(record, name)
    except BoardFileError:
        raise
    except (ValueError, TypeError, OverflowError, RecursionError) as err:  # the last line of defence: a message
        raise BoardFileError(f"{name} is damaged: {err}.") from None


def normalise_newlines(text: str) -> str:
    """Windows and old-Mac line ends as `\n`: what the editor holds, runs and saves (so a file is not "changed" by
    being opened)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise BoardFileError(f"{name} is a binary file, not a board or a Rust program.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise BoardFileError(
            f"{name} is not UTF-8 text (byte {err.start} is not valid UTF-8): it is damaged or not a board."
        ) from None


def _parse_json(text: str, name: str) -> dict:
    stripped = text.lstrip()
    if not stripped.startswith("{"):
        looks_rust = any(word in stripped[:2000] for word in ("fn ", "struct ", "//", "use "))
        hint = " It looks like Rust: save it with the .rs extension to open it as a program." if looks_rust else ""
        raise BoardFileError(f"{name} is not a board file (a board is JSON that starts with '{{').{hint}")
    try:
        record = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as err:
        end = err.pos >= len(text.rstrip()) or err.msg.startswith("Unterminated string")
        what = "ends too early: the file is truncated" if end else f"is damaged: {err.msg.lower()}"
        raise BoardFileError(f"{name} {what} (line {err.lineno}, column {err.colno}).") from None
    except (ValueError, RecursionError) as err:
        raise BoardFileError(f"{name} is damaged: {err}.") from None
    if not isinstance(record, dict):
        raise BoardFileError(f"{name} is not a board file (its JSON is not an object).")
    return record


def _no_constant(word: str):
    raise ValueError(f"{word} is not a number a board can hold")


def migrate(record: dict, name: str = "board") -> dict:
    """Bring a board record of any version this app knows up to `VERSION`."""
    if record.get("format") != FORMAT:
        found = record.get("format")
        said = f" (its format is {found!r})" if isinstance(found, str) and len(found) < 80 else ""
        raise BoardFileError(f"{name} is not a Rust Memory Whiteboard board{said}.")
    version = record.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BoardFileError(f"{name} is damaged: its version is {version!r}, not a whole number from 1.")
    if version > VERSION:
        raise BoardFileError(
            f"{name} was saved by a newer Rust Memory Whiteboard (board version {version}; this one reads up to "
            f"{VERSION}). Update the app to open it."
        )
    while version < VERSION:
        record = MIGRATIONS[version](dict(record))
        version = record["version"]
    return record


def _validate(record: dict, name: str) -> Board:
    program = record.get("program")
    if isinstance(program, list) and all(isinstance(line, str) for line in program):
        program = normalise_newlines("\n".join(program))
    if not isinstance(program, str):
        raise BoardFileError(f'{name} is damaged: it has no program ("program" must be a list of lines).')
    _check_program(program, name)
    view = record.get("view", {})
    if not isinstance(view, dict):
        raise BoardFileError(f'{name} is damaged: "view" must be an object.')
    return Board(program, _view(view, name))


def _check_program(program: str, name: str) -> None:
    if len(program) > MAX_PROGRAM_CHARS:
        raise BoardFileError(
            f"{name} holds a program of {len(program):,} characters; a board holds at most {MAX_PROGRAM_CHARS:,}."
        )
    if "\x00" in program:
        raise BoardFileError(f"{name} is damaged: its program contains a NUL character.")
    if not _encodable(program):
        raise BoardFileError(f"{name} is damaged: its program holds a broken character (a lone UTF-16 surrogate).")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _view(view: dict, name: str) -> View:
    def field_of(key: str, kinds, default, check=lambda v: True, wanted: str = ""):
        value = view.get(key, default)
        if value is default:
            return default
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in _tuple(kinds)) or not check(value):
            raise BoardFileError(f"{name} is damaged: view.{key} is {_short(value)}; it must be {wanted}.")
        return value

    step = field_of("step", int, 0, lambda v: 0 <= v <= MAX_STEP, "a step number from 0")
    zoom = field_of(
        "zoom", (int, float), None, lambda v: MIN_ZOOM <= v <= MAX_ZOOM,  # (NaN compares false; huge ints compare)
        f"null (fit) or a number from {MIN_ZOOM} to {MAX_ZOOM}",
    )  # fmt: skip
    theme = field_of("theme", str, None, lambda v: len(v) <= 40 and _encodable(v), "null or a theme name")
    flags = {
        key: field_of(key, bool, default, wanted="true or false")
        for key, default in (("addresses", False), ("byte_view", False), ("allocator", False))
    }
    return View(step, None if zoom is None else float(zoom), theme, **flags)


def _tuple(kinds) -> tuple:
    return kinds if isinstance(kinds, tuple) else (kinds,)


def _short(value) -> str:
    text = json.dumps(value) if not isinstance(value, float) or math.isfinite(value) else str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _too_big(name, size: int) -> str:
    return (
        f"{name} is {size / 1024 / 1024:.1f} MB; a board is at most {MAX_FILE_BYTES // 1024 // 1024} MB. It is "
        "damaged or not a board."
    )


# -- writing ------------------------------------------------------------------------------------------------------


def board_to_record(board: Board) -> dict:
    """The JSON record of `board` (a program over MAX_PROGRAM_CHARS is refused: it could not be read back)."""
    if len(board.program) > MAX_PROGRAM_CHARS:
        raise ValueError(
            f"the program has {len(board.program):,} characters; a board holds at most {MAX_PROGRAM_CHARS:,}"
        )
    view = board.view
    return {
        "format": FORMAT,
        "version": VERSION,
        # One string per line: a board under version control diffs like the program it holds.
        "program": board.program.split("\n"),
        "view": {
            "step": view.step,
            "zoom": None if view.zoom is None else min(max(view.zoom, MIN_ZOOM), MAX_ZOOM),
            "theme": view.theme,
            "addresses": view.addresses,
            "byte_view": view.byte_view,
            "allocator": view.allocator,
        },
    }


def dump_board(board: Board) -> bytes:
    return (json.dumps(board_to_record(board), indent=1, ensure_ascii=False) + "\n").encode("utf-8")
