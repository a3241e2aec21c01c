"""When Rust says no, the board says why: every memory-safety error the borrow checker reports comes with a plain
explanation, shown on the error card under rustc's headline and in the code panel's tooltip."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from whiteboard.diagram.build import build_diagram
from whiteboard.diagram.primitives import Label
from whiteboard.document.explanations import EXPLANATIONS, explain
from whiteboard.sim.run import run_source

ROOT = Path(__file__).resolve().parent.parent
ERRORS = sorted((ROOT / "tests" / "programs" / "errors").glob("e0*.rs"))


def test_every_error_the_borrow_checker_reports_is_explained():
    codes = set()
    for path in (ROOT / "whiteboard" / "sim").glob("borrowck*.py"):
        codes |= set(re.findall(r'"(E0\d{3})"', path.read_text(encoding="utf-8")))
    assert codes and codes <= set(EXPLANATIONS), codes - set(EXPLANATIONS)


@pytest.mark.parametrize("path", ERRORS, ids=[p.stem for p in ERRORS])
def test_the_error_card_explains_what_rustc_refused(path):
    code = path.stem.split("_", 1)[0].upper()  # the corpus names each program after rustc's code for it
    trace = run_source(path.read_text(encoding="utf-8"), path.name, record=True).trace
    diagram = build_diagram(trace, len(trace.steps) - 1)
    card = " ".join(
        item.text for key, item in diagram.items.items() if key.startswith("error:") and isinstance(item, Label)
    )
    assert f"error[{code}]" in card
    words = " ".join(f"Why: {explain(code).why}".split()[:6])  # the card wraps lines; its first words are whole
    assert words in card
