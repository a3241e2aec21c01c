"""Golden-image comparison with a tolerance (after pyqtgraph's assertImageApproved).

A baseline lives in tests/golden/NAME.png. A new rendering matches when at most `max_fraction` of its pixels
(0.02 %; one changed six-letter label is 0.09 %) differ from the baseline by more than `channel_tolerance` in any
channel (anti-aliasing may move an edge by a shade). On a mismatch the actual image and a diff go to
tests/golden/failures/ for a look.

To accept new baselines after a deliberate change of the picture, run the tests with WHITEBOARD_ACCEPT_GOLDEN=1,
look at the changed PNGs (`git diff --stat tests/golden`), and commit them.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from PySide6.QtGui import QColor, QImage

GOLDEN = Path(__file__).resolve().parent / "golden"
FAILURES = GOLDEN / "failures"


def _array(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format_ARGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    rows = data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4]
    # A copy: the converted image (and the memory the view points into) dies when this function returns.
    return rows.reshape(image.height(), image.width(), 4).astype(np.int16)


def assert_image_matches(image: QImage, name: str, channel_tolerance: int = 40, max_fraction: float = 0.0002) -> None:
    image = image.convertToFormat(QImage.Format_ARGB32)
    path = GOLDEN / f"{name}.png"
    if os.environ.get("WHITEBOARD_ACCEPT_GOLDEN") == "1":
        image.save(str(path))
        return
    assert path.exists(), f"no baseline {path.name}: run with WHITEBOARD_ACCEPT_GOLDEN=1, look at it, commit it"
    base = QImage(str(path)).convertToFormat(QImage.Format_ARGB32)
    assert (base.width(), base.height()) == (image.width(), image.height()), (
        f"{name}: size {image.width()}x{image.height()} differs from the baseline's {base.width()}x{base.height()}"
    )
    width, height = image.width(), image.height()
    delta = np.abs(_array(image) - _array(base)).max(axis=2)
    bad = int((delta > channel_tolerance).sum())
    fraction = bad / (width * height)
    if fraction > max_fraction:
        FAILURES.mkdir(exist_ok=True)
        image.save(str(FAILURES / f"{name}.actual.png"))
        diff = QImage(width, height, QImage.Format_ARGB32)
        diff.fill(QColor("white"))
        for y, x in zip(*np.nonzero(delta > channel_tolerance)):
            diff.setPixel(int(x), int(y), 0xFFFF0000)
        diff.save(str(FAILURES / f"{name}.diff.png"))
        raise AssertionError(
            f"{name}: {fraction:.2%} of pixels differ from the baseline (allowed {max_fraction:.2%}); "
            f"see {FAILURES}/{name}.actual.png and .diff.png"
        )
