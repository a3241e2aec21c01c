"""Reading a program from disk, with one message per way it can fail (the command line, the export command and the
window all say the same thing)."""

from __future__ import annotations

from pathlib import Path


class SourceError(OSError):
    """A program file that cannot be read; `str()` is the message for the user."""


def read_program(path) -> str:
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file. Check the path and try again.") from None
    except IsADirectoryError:
        raise SourceError(f"{path} is a folder; give a .rs file.") from None
    except UnicodeDecodeError:
        raise SourceError(f"{path} is not UTF-8 text; Rust source files are UTF-8.") from None
    except PermissionError:
        raise SourceError(f"{path}: you do not have permission to read it.") from None
    except OSError as err:
        raise SourceError(f"cannot read {path}: {err.strerror or err}.") from None
