"""Let Qt render on a machine without a display (a server, CI, ssh), where its default platform would abort."""

from __future__ import annotations

import os
import sys


def default_to_offscreen() -> None:
    """Choose Qt's offscreen platform when nothing says otherwise and there is no X11 or Wayland display.

    Must run before the first Qt import. macOS and Windows always have their native platform, so they are left alone;
    an explicit QT_QPA_PLATFORM always wins.
    """
    if sys.platform in ("darwin", "win32") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
