"""Saving without ever losing what was there: write a file beside the target, flush it to the disk, then rename it
over the target (a rename within one folder is atomic on POSIX and Windows). A full disk, a read-only folder or a
kill half-way leaves the old file as it was; the caller keeps the board open and unchanged."""

from __future__ import annotations

import errno
import os
from pathlib import Path


class SaveError(OSError):
    """`str()` is the whole message for the user: what failed, why, and what to do."""


def write_atomically(path, data: bytes) -> None:
    path = Path(os.path.realpath(path))  # through a symlink to its target: the link stays a link
    temporary = path.with_name(f".{path.name}.{os.getpid()}.saving")
    try:
        _write_and_flush(temporary, data, _mode_of(path))
        os.replace(temporary, path)
    except OSError as err:
        _remove_quietly(temporary)
        raise SaveError(_message(path, err)) from None
    _flush_folder(path.parent)


def _write_and_flush(temporary: Path, data: bytes, mode: int) -> None:
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), mode)
    try:
        view = memoryview(data)
        while view:
            written = os.write(handle, view)
            view = view[written:]
        os.fsync(handle)
    finally:
        os.close(handle)


def _mode_of(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777  # a board kept private stays private
    except OSError:
        return 0o644


def _flush_folder(folder: Path) -> None:
    """So the rename itself survives a power cut (POSIX only; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the data itself is already on the disk
    finally:
        os.close(handle)


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _message(path: Path, err: OSError) -> str:
    keep = "The board is still open and unchanged"
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"Cannot save {path}: the disk is full. {keep}; free some space, or use Save As… on another disk."
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"Cannot save {path}: the folder {path.parent} is read-only for you. {keep}; use Save As… to save it "
            "somewhere you can write (your home folder, for instance)."
        )
    if err.errno == errno.ENOENT:
        return f"Cannot save {path}: the folder {path.parent} does not exist (any more). {keep}; use Save As…."
    if err.errno == errno.EISDIR:
        return f"Cannot save to {path}: it is a folder. {keep}; use Save As… and give a file name."
    return f"Cannot save {path}: {err.strerror or err}. {keep}; try Save As… somewhere else."
