"""A board driven by gestures without a window: the pure edit functions applied the way the window applies them
(target from a diagram key, insertion after the step shown, landing on the new statement), plus rustc and rustfmt
as judges. Shared by the gesture tests."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from whiteboard.document import gestures as G
from whiteboard.document import palette as P
from whiteboard.document import targets as TG
from whiteboard.document.code_places import Tree, structs
from whiteboard.sim.run import run_source

RUSTC = shutil.which("rustc")
RUSTFMT = shutil.which("rustfmt")
EDITION = "2024"  # what the simulator models (tests/differential.py)


class GestureBoard:
    def __init__(self, source: str, element: str = "i32") -> None:
        self.element = element
        self.load(source, 0)

    def load(self, source: str, step: int) -> None:
        self.source = source
        self.result = run_source(source, "main.rs", record=True)
        self.trace = self.result.trace
        self.step = max(0, min(step, len(self.trace) - 1))

    @property
    def state(self):
        return self.trace.state_at(self.step)

    def items(self) -> dict:
        return {i.key: i for i in P.palette_items(self.element, structs(Tree(self.source)))}

    # -- keys as the diagram names things ------------------------------------------------------------------------
    def frame_key(self, function: str = "main") -> str:
        frames = [f for f in self.state.frames.values() if f.function == function]
        assert frames, f"no frame of {function} at step {self.step}"
        return f"frame:{frames[-1].frame_id}"

    def key(self, place: str) -> str:
        """`h.items` -> val:slot:N/items; `v[2]` -> cell:B:2 (the Vec's buffer)."""
        m = re.fullmatch(r"(\w+)((?:\.\w+)*)(?:\[(\d+)\])?", place)
        name, fields, index = m.group(1), m.group(2), m.group(3)
        slot = self.slot(name)
        assert slot is not None, f"no local {name} at step {self.step}"
        key = f"val:slot:{slot.slot_id}" + fields.replace(".", "/")
        if index is not None:
            target = TG.target_of(self.state, key, self.trace.layouts)
            return f"cell:{target.view[4]}:{index}"
        return key

    def target(self, key: str):
        return TG.target_of(self.state, key, self.trace.layouts)

    def anchor(self, target) -> G.Anchor:
        return G.Anchor(*TG.anchor(self.trace, self.step, target.frame_id))

    def go_to_line(self, line: int) -> None:
        self.step = next(s.index for s in self.trace.steps if s.span[0] == line)

    # -- gestures ---------------------------------------------------------------------------------------------------
    def apply(self, edit: G.Edit) -> G.Edit:
        old, times = self.step, TG.occurrence(self.trace, self.step)
        self.load(edit.program, old)
        if edit.line:
            self.step = TG.landing_step(self.trace, edit.line, old, times)
        return edit

    def drop(self, item: str, key: str) -> G.Edit:
        target = self.target(key)
        return self.apply(G.drop_item(self.source, self.items()[item], target, self.anchor(target)))

    def move(self, src: str, dst: str, clone: bool = False) -> G.Edit:
        s, d = self.target(src), self.target(dst)
        return self.apply(G.move_value(self.source, s, d, self.anchor(d), clone))

    def action(self, key: str, action: str) -> G.Edit:
        target = self.target(key)
        return self.apply(G.apply_action(self.source, target, action, self.anchor(target)))

    def bin(self, key: str) -> G.Edit:
        target = self.target(key)
        return self.apply(G.drop_value(self.source, target, self.anchor(target)))

    # -- what the board shows ---------------------------------------------------------------------------------------
    def slot(self, name: str):
        found = [s for f in self.state.frames.values() for s in f.slots.values() if s.name == name]
        return found[-1] if found else None

    def errors(self) -> list[str]:
        return [d.code or d.message for d in (self.result.diagnostics or [])]


def rustc_verdict(source: str) -> tuple[bool, list[str], str]:
    """(compiled, error codes, stdout of running it) from the real compiler."""
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "main.rs").write_text(source)
        args = [RUSTC, "--edition", EDITION, "-C", "opt-level=0", "--error-format=short", "-o", "m", "main.rs"]
        done = subprocess.run(args, cwd=tmp, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            return False, re.findall(r"error\[(E\d{4})\]", done.stderr) or ["error"], ""
        ran = subprocess.run([str(Path(tmp, "m"))], capture_output=True, text=True, timeout=30)
        return True, [], ran.stdout


def rustfmt_clean(source: str, config: str = "") -> tuple[bool, str]:
    """Whether rustfmt would leave the text as it is (and what it would write); `config` e.g. "tab_spaces=2"."""
    extra = ["--config", config] if config else []
    done = subprocess.run(
        [RUSTFMT, "--edition", EDITION, "--emit", "stdout", *extra],
        input=source,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.stdout == source, done.stdout
