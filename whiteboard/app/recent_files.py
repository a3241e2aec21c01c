"""The Open Recent list, kept in QSettings: newest first, at most ten, files that have gone away dropped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recent_files"
MAX_RECENT = 10


class RecentFiles:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def paths(self) -> list[str]:
        """The list, pruned of files that no longer exist (and saved so pruned)."""
        stored = self._stored()
        kept = [p for p in stored if Path(p).is_file()]
        if kept != stored:
            self._save(kept)
        return kept

    def add(self, path: str | Path) -> list[str]:
        path = str(Path(path).resolve())
        paths = [path] + [p for p in self._stored() if p != path and Path(p).is_file()]
        self._save(paths[:MAX_RECENT])
        return self.paths()

    def clear(self) -> None:
        self._save([])

    def _stored(self) -> list[str]:
        value = self.settings.value(KEY, [])
        if isinstance(value, str):  # QSettings hands back a one-item list as a plain string (INI format)
            value = [value]
        return [str(v) for v in value or []]

    def _save(self, paths: list[str]) -> None:
        self.settings.setValue(KEY, paths)
        self.settings.sync()
