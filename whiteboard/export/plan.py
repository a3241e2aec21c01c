"""The checked form of `whiteboard export`'s arguments: which steps, which format, which files.

Everything a user can get wrong is caught here, before the program runs or a pixel is drawn, and becomes a
`UsageError` whose message says what is wrong, where, and what to do. No Qt, so it is cheap to test.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

from whiteboard.canvas.themes import THEME_NAMES
from whiteboard.export.registry import formats

ALL, LAST = "all", "last"
MAX_SIDE = 32_767  # pixels: QPainter's raster engine cannot draw into anything wider or taller
MAX_PIXELS = 150_000_000  # about 600 MB of ARGB; 8K (7680×4320) is 33 million


class UsageError(Exception):
    """A mistake in the command line or its files; the message is shown as is, after "whiteboard: "."""


@dataclass(frozen=True, slots=True)
class Plan:
    step: str  # "all", "last" or a step number as typed (checked against the trace by `steps`)
    format: str
    theme: str
    scale: float
    out: Path  # a file, or the folder of `--step all`

    def steps(self, count: int) -> list[int]:
        """The 0-based steps to draw out of `count`."""
        if self.step == ALL:
            return list(range(count))
        if self.step == LAST:
            return [count - 1]
        n = int(self.step)
        if not 0 <= n < count:
            raise UsageError(
                f"--step {n} is out of range: this run has {count} step{'s' if count != 1 else ''}, "
                f"numbered 0 to {count - 1}. Use a number in that range, 'last' or 'all'."
            )
        return [n]

    def target(self, index: int, count: int) -> Path:
        """Where step `index` goes: OUT itself, or OUT/step-NNN.fmt padded to the width of the step count."""
        if self.step != ALL:
            return self.out
        return self.out / f"step-{index:0{len(str(count))}d}.{self.format}"


def make_plan(step: str, fmt: str | None, theme: str, scale: str, out: str) -> Plan:
    step = _check_step(step)
    if theme not in THEME_NAMES:
        raise UsageError(f"unknown theme {theme!r}: choose one of {', '.join(THEME_NAMES)} (--theme).")
    out_path = Path(out)
    fmt = _check_format(fmt, out_path, step == ALL)
    return Plan(step, fmt, theme, _check_scale(scale), out_path)


def _check_step(step: str) -> str:
    step = step.strip().lower()
    if step in (ALL, LAST):
        return step
    try:
        n = int(step)
    except ValueError:
        raise UsageError(
            f"--step {step!r} is not a step: give a number (0 is the first step), 'last' or 'all'."
        ) from None
    if n < 0:
        raise UsageError(f"--step {n} is negative: steps are numbered from 0; use 'last' for the final one.")
    return str(n)


def _check_scale(scale: str) -> float:
    try:
        value = float(scale)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise UsageError(f"--scale {scale!r} is not a positive number: 1 is one pixel per unit, 2 doubles the size.")
    return value


def _check_format(fmt: str | None, out: Path, folder: bool) -> str:
    known = formats()
    if fmt is not None:
        fmt = fmt.lower().lstrip(".")
        if fmt not in known:
            raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(known)} (--format).")
    if folder:  # --step all: OUT is a folder, its name says nothing about the format
        return fmt or known[0]
    suffix = out.suffix.lower().lstrip(".")
    if fmt is None:
        if suffix not in known:
            what = f"ends in .{suffix}" if suffix else "has no suffix"
            raise UsageError(
                f"cannot tell the format of {out}: it {what}. Name it .{', .'.join(known)} or add --format."
            )
        return suffix
    if suffix and suffix != fmt:
        fixed = out.with_suffix("." + fmt)
        raise UsageError(f"{out} ends in .{suffix} but --format is {fmt}: make them agree (e.g. -o {fixed}).")
    return fmt


def check_pixels(width: int, height: int, scale: float) -> None:
    """A raster too large to allocate is a usage error, not a blank file or a crash."""
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise UsageError(
            f"--scale {scale:g} makes a {width}×{height} pixel image, too large to draw (at most {MAX_SIDE} pixels a "
            f"side and {MAX_PIXELS // 1_000_000} million in all). Use a smaller --scale, or SVG/PDF."
        )


def check_output(plan: Plan) -> None:
    """Refuse an output we could not write, before running anything: missing or read-only folders, a folder in the
    way of a file. `--step all` creates OUT itself, but not its parents (a mistyped path should not become folders)."""
    out = plan.out
    if plan.step == ALL:
        if out.exists():
            if not out.is_dir():
                raise UsageError(
                    f"{out} is a file, but --step all writes one file per step into a folder. Give -o a folder."
                )
            _check_folder(out, out)
        else:
            _check_folder(out.parent, out)
        return
    if out.is_dir():
        raise UsageError(f"{out} is a folder; give -o a file name such as {out / ('step.' + plan.format)}.")
    if out.exists() and not os.access(out, os.W_OK):
        raise UsageError(f"cannot write {out}: the file is read-only. Make it writable or choose another -o.")
    _check_folder(out.parent, out)


def _check_folder(folder: Path, out: Path) -> None:
    if not folder.exists():
        raise UsageError(f"cannot write {out}: the folder {folder} does not exist. Create it or choose another -o.")
    if not folder.is_dir():
        raise UsageError(f"cannot write {out}: {folder} is a file, not a folder. Choose another -o.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write {out}: no permission to write in {folder}. Choose another -o.")
