"""The real window on a real (virtual) X server: the app starts, paints, and a screenshot shows the board."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (scripts/setup.sh test)")


@pytest.fixture
def xserver():
    """An Xvfb server on a free display number (it writes the number it chose to the pipe)."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        display = pipe.readline().strip()
    try:
        assert display, "Xvfb did not report a display"
        yield f":{display}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_window_opens_and_screenshots_under_xvfb(xserver, tmp_path):
    from PySide6.QtGui import QImage

    shot = tmp_path / "window.png"
    env = {**os.environ, "DISPLAY": xserver, "QT_QPA_PLATFORM": "xcb", "WHITEBOARD_SETTINGS_DIR": str(tmp_path)}
    program = ROOT / "tests" / "scenes" / "hello_heap.rs"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "whiteboard",
            "--size",
            "1920x1080",
            "--step",
            "6",
            "--screenshot",
            str(shot),
            str(program),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1920, 1080)
    # A painted window, not a black or empty grab: many distinct colours (text, regions, arrows).
    colours = {image.pixel(x, y) for x in range(0, 1920, 7) for y in range(0, 1080, 7)}
    assert len(colours) > 50
