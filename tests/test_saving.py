"""Saving never loses work: a full disk or a read-only folder leaves the old file whole and no litter beside it, and
an autosave left by a killed session is found again (and one of a session still running is not)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from whiteboard.document import safe_write
from whiteboard.document.board import Board, View
from whiteboard.document.board_file import dump_board, read_board
from whiteboard.document.recovery import Session, discard_file, orphans
from whiteboard.document.safe_write import SaveError, write_atomically

OLD = Board("fn main() {}\n", View(step=1))
NEW = Board('fn main() {\n    println!("{}", "x".repeat(3));\n}\n' + "// padding\n" * 20_000, View(step=2))


def _only_the_board(folder: Path, name: str) -> None:
    assert sorted(p.name for p in folder.iterdir()) == [name], "a temporary file was left behind"


def test_saving_replaces_the_file_whole(tmp_path):
    target = tmp_path / "b.whiteboard"
    write_atomically(target, dump_board(OLD))
    write_atomically(target, dump_board(NEW))
    assert read_board(target) == NEW
    _only_the_board(tmp_path, "b.whiteboard")


def test_a_real_full_device_keeps_the_old_file(tmp_path, monkeypatch):
    """/dev/full: the kernel answers every write with ENOSPC, as a full disk does."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    target = tmp_path / "b.whiteboard"
    write_atomically(target, dump_board(OLD))
    real_open = os.open

    def open_on_full_device(path, flags, mode=0o777):
        if str(path).endswith(".saving"):
            return real_open("/dev/full", os.O_WRONLY)
        return real_open(path, flags, mode)

    monkeypatch.setattr(safe_write.os, "open", open_on_full_device)
    with pytest.raises(SaveError) as caught:
        write_atomically(target, dump_board(NEW))
    monkeypatch.undo()
    assert "the disk is full" in str(caught.value) and "still open and unchanged" in str(caught.value)
    assert read_board(target) == OLD
    _only_the_board(tmp_path, "b.whiteboard")


@contextlib.contextmanager
def _tiny_filesystem(tmp_path: Path, kib: int):
    """A real 64 KiB file system (tmpfs), where the machine lets us mount one (root, outside most containers)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small file system needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_really_full_disk_keeps_the_old_file(tmp_path):
    with _tiny_filesystem(tmp_path, 64) as disk:
        target = disk / "b.whiteboard"
        write_atomically(target, dump_board(OLD))
        filler = disk / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as handle:
            while True:
                handle.write(b"\0" * 4096)
                handle.flush()
        assert len(dump_board(NEW)) > 64 * 1024
        filler.unlink()  # room for a little, not for the new board
        with filler.open("wb") as handle:
            handle.write(b"\0" * 40 * 1024)
        with pytest.raises(SaveError) as caught:
            write_atomically(target, dump_board(NEW))
        assert "the disk is full" in str(caught.value)
        assert read_board(target) == OLD
        assert sorted(p.name for p in disk.iterdir()) == ["b.whiteboard", "filler"]


def test_a_read_only_folder_keeps_the_old_file(tmp_path):
    if os.geteuid() == 0:  # root writes through permissions: a read-only mount stops even root
        with _tiny_filesystem(tmp_path, 256) as disk:
            target = disk / "b.whiteboard"
            write_atomically(target, dump_board(OLD))
            subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
            with pytest.raises(SaveError) as caught:
                write_atomically(target, dump_board(NEW))
            assert read_board(target) == OLD
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        target = folder / "b.whiteboard"
        write_atomically(target, dump_board(OLD))
        folder.chmod(0o555)
        try:
            with pytest.raises(SaveError) as caught:
                write_atomically(target, dump_board(NEW))
        finally:
            folder.chmod(0o755)
        assert read_board(target) == OLD
        _only_the_board(folder, "b.whiteboard")
    assert "read-only" in str(caught.value) and "Save As" in str(caught.value)


def test_a_missing_folder_is_a_message(tmp_path):
    with pytest.raises(SaveError) as caught:
        write_atomically(tmp_path / "gone" / "b.whiteboard", b"{}")
    assert "does not exist" in str(caught.value)


def test_the_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "b.whiteboard"
    write_atomically(target, dump_board(OLD))
    target.chmod(0o600)
    write_atomically(target, dump_board(NEW))
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_live_session_is_not_offered_for_recovery(tmp_path):
    session = Session(tmp_path)
    session.save(NEW, "/home/me/lesson.whiteboard")
    assert orphans(tmp_path) == []  # it is this running session's
    session.close()
    assert orphans(tmp_path) == [] and list(tmp_path.iterdir()) == []


KILLED_SESSION = """
import os, signal, sys
from whiteboard.document.board import Board, View
from whiteboard.document.recovery import Session
session = Session(sys.argv[1])
session.save(Board("fn main() { let unsaved = 1; }\\n", View(step=3)), "/home/me/x.rs")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_killed_session_is_offered_for_recovery(tmp_path):
    done = subprocess.run([sys.executable, "-c", KILLED_SESSION, str(tmp_path)], capture_output=True)
    assert done.returncode == -9, done.stderr.decode()
    found = orphans(tmp_path)
    assert len(found) == 1
    assert found[0].board == Board("fn main() { let unsaved = 1; }\n", View(step=3))
    assert found[0].origin == "/home/me/x.rs"
    discard_file(found[0].file)
    assert orphans(tmp_path) == [] and list(tmp_path.iterdir()) == []


def test_an_unreadable_autosave_is_skipped_but_kept_and_stale_locks_are_swept(tmp_path):
    newer = tmp_path / "session-1-2.autosave"
    newer.write_bytes(b'{"format": "rust-memory-whiteboard", "version": 99, "program": []}')
    (tmp_path / "session-3-4.lock").write_bytes(b"")  # a session that died before its first autosave
    assert orphans(tmp_path) == []
    assert newer.exists()  # somebody's work, from a newer app: not ours to delete
    assert not (tmp_path / "session-3-4.lock").exists()


def test_saving_through_a_symlink_keeps_the_link(tmp_path):
    real = tmp_path / "real.whiteboard"
    link = tmp_path / "link.whiteboard"
    write_atomically(real, dump_board(OLD))
    link.symlink_to(real)
    write_atomically(link, dump_board(NEW))
    assert link.is_symlink() and read_board(real) == NEW
