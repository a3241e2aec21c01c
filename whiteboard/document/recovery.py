"""Autosave and crash recovery: each running window keeps its unsaved board in a file of its own, and holds a lock on
that file for as long as it lives. The operating system drops the lock when the process ends, however it ends (a
crash, a kill, a power cut), so a board file whose lock is free belongs to a session that did not close cleanly: the
next start offers it back. A window that closes cleanly deletes its file."""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from whiteboard.document.board import Board
from whiteboard.document.board_file import BoardFileError, board_to_record, parse_board
from whiteboard.document.safe_write import write_atomically

SUFFIX = ".autosave"


@dataclass(frozen=True)
class Recovered:
    board: Board
    origin: str | None  # the file Save writes to, if any (None: a new board, a lesson, …)
    shown: str | None  # the name the window showed (a lesson's file name, say)
    saved_at: float  # seconds since the epoch
    file: Path  # the autosave itself (discard it once dealt with)


class Session:
    """One window's autosave slot: `save` after edits, `clear` once the board is saved or discarded."""

    def __init__(self, folder) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.id = f"{os.getpid()}-{time.time_ns()}"
        self.file = self.folder / f"session-{self.id}{SUFFIX}"
        self._lock = _Lock(self.folder / f"session-{self.id}.lock")

    def save(self, board: Board, origin: str | None, shown: str | None = None) -> None:
        record = board_to_record(board)
        record["recovery"] = {"origin": origin, "shown": shown, "saved_at": time.time()}
        write_atomically(self.file, json.dumps(record, indent=1, ensure_ascii=False).encode("utf-8"))

    def clear(self) -> None:
        _unlink(self.file)

    def close(self) -> None:
        """A clean end: no board to recover, no lock left."""
        self.clear()
        self._lock.release()


def orphans(folder) -> list[Recovered]:
    """Autosaves left by sessions that ended without closing cleanly, newest first. One this app cannot read (from
    a newer version, say) is skipped but kept: it is somebody's work. Locks of dead sessions that never autosaved
    are swept away."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for file in folder.glob(f"session-*{SUFFIX}"):
        if _held(file.with_name(file.name[: -len(SUFFIX)] + ".lock")):
            continue  # another window, still open, owns it
        recovered = _read(file)
        if recovered is not None:
            found.append(recovered)
    for lock in folder.glob("session-*.lock"):
        if not lock.with_name(lock.name[: -len(".lock")] + SUFFIX).exists() and not _held(lock):
            _unlink(lock)
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def _held(lock: Path) -> bool:
    return lock.exists() and _Lock.held_by_someone(lock)


def discard_file(file: Path) -> None:
    _unlink(file)
    _unlink(file.with_name(file.name[: -len(SUFFIX)] + ".lock"))


def _read(file: Path) -> Recovered | None:
    try:
        data = file.read_bytes()
        board = parse_board(data, file.name)
        extra = json.loads(data).get("recovery", {})
        mtime = file.stat().st_mtime
    except (OSError, BoardFileError, ValueError):
        return None
    extra = extra if isinstance(extra, dict) else {}
    origin, shown, saved_at = extra.get("origin"), extra.get("shown"), extra.get("saved_at")
    if not isinstance(saved_at, (int, float)) or isinstance(saved_at, bool) or not 0 < saved_at < 1e11:
        saved_at = mtime
    text = lambda value: value if isinstance(value, str) else None  # noqa: E731
    return Recovered(board, text(origin), text(shown), float(saved_at), file)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


class _Lock:
    """An exclusive lock on a file, released by the OS when the process dies (flock on POSIX, msvcrt on Windows)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle = open(path, "a+b")  # noqa: SIM115 - held open for the session's lifetime on purpose
        if not _try_lock(self.handle):
            raise OSError(f"{path} is locked by another session")

    def release(self) -> None:
        if self.handle is not None:
            self.handle.close()  # closing drops the lock
            self.handle = None
            _unlink(self.path)

    @staticmethod
    def held_by_someone(path: Path) -> bool:
        try:
            with open(path, "a+b") as handle:
                if _try_lock(handle):
                    _unlock(handle)
                    return False
                return True
        except OSError:
            return False


def _try_lock(handle) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _unlock(handle) -> None:
    if os.name == "nt":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
