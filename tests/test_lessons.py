"""Every lesson in scenes/: rustc compiles it (no warning but the one a lesson is about), `whiteboard run` prints what
the compiled program prints, every step has a caption a projector can show, and every step renders.

Where rustc is absent, the outcome recorded from rustc 1.95 (tests/scenes/expected/, written with
WHITEBOARD_RECORD_LESSONS=1 where rustc is present) stands in for it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from differential import Case, Outcome, compile_and_run, differences, run_simulator, rustc_version
from record_programs import record

from whiteboard.diagram.build import DiagramOptions, build_diagram
from whiteboard.document.board import board_from_program
from whiteboard.document.captions import read_captions
from whiteboard.sim.run import run_source

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "scenes").glob("*.rs"))
EXPECTED = ROOT / "tests" / "scenes" / "expected"
MAX_CAPTION = 200  # two lines of the caption bar at 1920 px
MAX_SUMMARY = 100  # two lines under a start-page thumbnail
# The one warning a lesson may draw: the stack-overflow lesson's recursion is the point of it.
ALLOWED_WARNINGS = {"01_stack_overflow.rs": {"function cannot return without recursing"}}
RECORD_ENV = "WHITEBOARD_RECORD_LESSONS"

ids = [path.name for path in LESSONS]


def test_there_are_the_twelve_lessons_of_the_story():
    assert len(LESSONS) >= 12
    numbers = [int(path.name.split("_", 1)[0]) for path in LESSONS]
    assert numbers == list(range(1, len(LESSONS) + 1))  # numbered in teaching order, none missing


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_the_lesson_prints_what_rustc_s_program_prints(path, tmp_path):
    case = Case(f"scenes/{path.stem}", "scenes", f"scenes/{path.name}", None)
    expected = EXPECTED / f"{path.stem}.json"
    if shutil.which("rustc"):
        real = compile_and_run(case, tmp_path, tmp_path)
        if os.environ.get(RECORD_ENV):
            EXPECTED.mkdir(parents=True, exist_ok=True)
            expected.write_text(record(case, real, rustc_version()), encoding="utf-8")
        recorded = _recorded(expected)
        assert recorded is None or recorded == real, f"{expected} is stale: record again with {RECORD_ENV}=1"
    else:
        real = _recorded(expected)
        if real is None:
            pytest.skip("rustc is not installed and this lesson has no recording")
    simulated = run_simulator(case, tmp_path)
    assert real.compiled, real.stderr
    assert differences(case, real, simulated) == []


def _recorded(path: Path):
    return Outcome.from_json(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else None


@pytest.mark.skipif(shutil.which("rustc") is None, reason="needs rustc")
@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_rustc_has_no_warning_for_the_lesson(path, tmp_path):
    done = subprocess.run(
        ["rustc", "--edition", "2024", "--emit=metadata", "-o", str(tmp_path / "lesson.rmeta"), str(path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    warnings = set(re.findall(r"^warning: (.*)$", done.stderr, re.MULTILINE))
    warnings = {w for w in warnings if not re.match(r"\d+ warnings? emitted", w)}
    assert warnings <= ALLOWED_WARNINGS.get(path.name, set()), done.stderr


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_every_step_has_a_caption_a_projector_can_show(path):
    source = path.read_text(encoding="utf-8")
    captions = read_captions(source)
    assert captions.title and len(captions.title) <= 40
    assert captions.summary and len(captions.summary) <= MAX_SUMMARY, captions.summary
    trace = run_source(source, path.name, record=True).trace
    assert 5 <= len(trace.steps)
    for step in trace.steps:
        caption = captions.for_line(step.span[0])
        assert caption, f"step {step.index} ({step.label!r}, line {step.span[0]}) has no caption"
        assert len(caption) <= MAX_CAPTION, f"line {step.span[0]}: {len(caption)} characters"


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_every_step_renders(path, qapp):
    from whiteboard.canvas.render import render_image

    source = path.read_text(encoding="utf-8")
    view = board_from_program(source).view
    options = DiagramOptions(view.addresses, view.byte_view, view.allocator)
    trace = run_source(source, path.name, record=True).trace
    for index in range(len(trace.steps)):
        diagram = build_diagram(trace, index, options)
        assert diagram.items, f"step {index} draws nothing"
        image = render_image(diagram, scale=0.2)
        assert not image.isNull() and image.width() > 10
