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
    origin: str | None  # the file the board was opened from, if any
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

    def save(self, board: Board, origin: str | None) -> None:
        record = board_to_record(board)
        record["recovery"] = {"origin": origin, "saved_at": time.time()}
        write_atomically(self.file, json.dumps(record, indent=1, ensure_ascii=False).encode("utf-8"))

    def clear(self) -> None:
        _unlink(self.file)

    def close(self) -> None:
        """A clean end: no board to recover, no lock left."""
        self.clear()
        self._lock.release()


def orphans(folder) -> list[Recovered]:
    """Autosaves left by sessions that ended without closing cleanly, newest first. Unreadable ones are skipped:
    a recovery that cannot be read is not worth an error at start-up (and is removed)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for file in folder.glob(f"session-*{SUFFIX}"):
        session_id = file.name[len("session-") : -len(SUFFIX)]
        lock = folder / f"session-{session_id}.lock"
        if lock.exists() and _Lock.held_by_someone(lock):
            continue  # another window, still open, owns it
        recovered = _read(file)
        if recovered is None:
            discard_file(file)
        else:
            found.append(recovered)
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def discard_file(file: Path) -> None:
    _unlink(file)
    session_id = file.name[len("session-") : -len(SUFFIX)]
    _unlink(file.with_name(f"session-{session_id}.lock"))


def _read(file: Path) -> Recovered | None:
    try:
        data = file.read_bytes()
        board = parse_board(data, file.name)
        extra = json.loads(data).get("recovery", {})
    except (OSError, BoardFileError, ValueError):
        return None
    origin = extra.get("origin") if isinstance(extra, dict) else None
    saved_at = extra.get("saved_at") if isinstance(extra, dict) else None
    if not isinstance(saved_at, (int, float)) or isinstance(saved_at, bool):
        saved_at = file.stat().st_mtime
    return Recovered(board, origin if isinstance(origin, str) else None, float(saved_at), file)


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
