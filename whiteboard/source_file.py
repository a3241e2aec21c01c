"""Reading a program or a board from disk, with one message per way it can fail (the command line, the export
command and the window all say the same thing)."""

from __future__ import annotations

from pathlib import Path


class SourceError(OSError):
    """A file that cannot be read; `str()` is the message for the user."""


def read_bytes(path, max_bytes: int | None = None, too_big=None) -> bytes:
    """The file's bytes. Over `max_bytes` it is not read at all: `too_big(size)` gives the message."""
    path = Path(path)
    try:
        if max_bytes is not None:
            size = path.stat().st_size
            if size > max_bytes:
                raise SourceError(too_big(size) if too_big else f"{path} is too large ({size:,} bytes).")
        with path.open("rb") as handle:
            return handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except SourceError:
        raise
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file. Check the path and try again.") from None
    except IsADirectoryError:
        raise SourceError(f"{path} is a folder; give a .rs file (or a .whiteboard board).") from None
    except PermissionError:
        raise SourceError(f"{path}: you do not have permission to read it.") from None
    except OSError as err:
        raise SourceError(f"cannot read {path}: {err.strerror or err}.") from None


def read_program(path) -> str:
    path = Path(path)
    try:
        return read_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        raise SourceError(f"{path} is not UTF-8 text; Rust source files are UTF-8.") from None
