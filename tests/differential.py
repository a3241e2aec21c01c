"""Differential testing: run a Rust program for real (rustc) and in the simulator, and compare what they print.

The corpus is every `tests/programs/<category>/<name>.rs` plus every program of `tests/oracle/drop_order.json`.
Beside each corpus program, `<name>.expected.json` records what rustc's debug build did (written by
`tests/record_programs.py`, never by hand), so the comparison also works on machines without rustc.

Paths matter: rustc writes the source path it was given into panic messages (`panicked at
tests/programs/panics/unwrap_none.rs:15:27:`) and compiler errors (` --> tests/programs/...`). Both rustc and the
simulator are therefore run from the same directory with the same relative path: the repository root for corpus
programs, a scratch directory holding `<id>.rs` for the drop-order oracle (which was recorded that way).
"""

from __future__ import annotations

import contextlib
import difflib
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROGRAMS = REPO / "tests" / "programs"
DROP_ORDER_ORACLE = REPO / "tests" / "oracle" / "drop_order.json"
ORACLE_ENVIRONMENT = REPO / "tests" / "oracle" / "misc.json"  # names the rustc the oracle files were measured with

# What the simulator models: a debug build (overflow checks on) of edition 2024. `--color never` only pins what
# rustc already does when its stderr is a pipe.
RUSTC_ARGS = ("--edition", "2024", "-C", "opt-level=0", "--color", "never")

# Programs in this category are valid Rust outside the supported subset: the simulator must refuse them (exit 2,
# naming where), so nothing from rustc is recorded for them.
UNSUPPORTED = "unsupported"
UNSUPPORTED_EXIT_CODE = 2

# Set to 1 to compare with the recorded expectations even where rustc is installed (e.g. a different version).
USE_RECORDED_ENV = "WHITEBOARD_USE_RECORDED"

# The simulated main thread has Linux's default 8 MiB stack; run real programs with the same limit so a runaway
# recursion overflows as it would on a default machine rather than growing into an unlimited stack.
MAIN_STACK_KIB = 8192
RUN_TIMEOUT_S = 30
COMPILE_TIMEOUT_S = 120

# The OS thread id rustc 1.95 prints after the thread name (`thread 'main' (12345) panicked at`, `thread 'main'
# (12345) has overflowed its stack`) differs on every run and cannot be simulated.
_THREAD_ID = re.compile(r"^(thread '[^']*') \(\d+\)", re.MULTILINE)
_ERROR_HEADLINE = re.compile(r"^error(\[E\d{4}\])?: ")
_LOCATION = re.compile(r"^\s*--> ")
_LINE_COLUMN = re.compile(r"\d+:\d+")


def normalise_stderr(stderr: str) -> str:
    """Remove what varies between runs of the same binary (the OS thread id)."""
    return _THREAD_ID.sub(r"\1", stderr)


def first_error(stderr: str) -> tuple[str, str] | None:
    """The first `error…:` headline of compiler output and the ` --> path:line:col` line after it.

    rustc also prints warnings, later errors and notes; the simulator only promises the first error."""
    lines = stderr.splitlines()
    for line, following in itertools.zip_longest(lines, lines[1:], fillvalue=""):
        if _ERROR_HEADLINE.match(line):
            return line, following.strip() if _LOCATION.match(following) else ""
    return None


def names_line_column(stderr: str) -> bool:
    return _LINE_COLUMN.search(stderr) is not None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a program did: its output streams and exit code, or (compiled=False) rustc's errors on stderr."""

    stdout: str
    stderr: str
    exit_code: int
    compiled: bool = True

    @classmethod
    def from_json(cls, data: dict) -> Outcome:
        return cls(data["stdout"], data["stderr"], data["exit_code"], data["compiled"])


@dataclass(frozen=True, slots=True)
class Case:
    """One program of the corpus.

    `arg` is the path handed to rustc and the simulator, relative to the directory they run in (see the module
    docstring); `source` is set for oracle programs that exist only inside a JSON file and are written out on use."""

    id: str  # "basics/shadowing", "drop_order/locals_reverse_order"
    category: str
    arg: str
    recorded: Outcome | None  # None: not recorded yet (or unsupported, where nothing is recorded)
    recorded_with: str | None = None  # `rustc --version` of the recording
    expected_path: Path | None = None  # the `.expected.json` of a corpus program
    source: str | None = field(default=None, repr=False)

    @property
    def unsupported(self) -> bool:
        return self.category == UNSUPPORTED

    def materialise(self, scratch: Path) -> Path:
        """The directory to run in, with the program at `arg` inside it."""
        if self.source is None:
            return REPO
        directory = scratch / self.category
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / self.arg
        if not path.exists() or path.read_text(encoding="utf-8") != self.source:
            # Atomically: rustc (in a pool thread) and the simulator may want the same file at the same time.
            partial = path.with_name(f".{path.name}.{threading.get_ident()}")
            partial.write_text(self.source, encoding="utf-8")
            os.replace(partial, path)
        return directory


def expected_path(source: Path) -> Path:
    return source.with_suffix(".expected.json")


def corpus_sources() -> list[Path]:
    return sorted(PROGRAMS.glob("*/*.rs"))


def corpus_cases() -> list[Case]:
    cases = []
    for source in corpus_sources():
        category = source.parent.name
        expected = None if category == UNSUPPORTED else expected_path(source)
        recorded = version = None
        if expected is not None and expected.exists():
            data = json.loads(expected.read_text(encoding="utf-8"))
            recorded, version = Outcome.from_json(data), data["rustc"]
        cases.append(
            Case(
                id=f"{category}/{source.stem}",
                category=category,
                arg=source.relative_to(REPO).as_posix(),
                recorded=recorded,
                recorded_with=version,
                expected_path=expected,
            )
        )
    return cases


# Oracle programs that need closures (the subset has none): the simulator must refuse them clearly (exit 2),
# like the programs in tests/programs/unsupported/.
DROP_ORDER_OUTSIDE_SUBSET = {
    "closure_move_capture",
    "closure_move_capture_copy_field_only",
    "panic_unwinding_drops_locals",
}


def drop_order_cases() -> list[Case]:
    version = json.loads(ORACLE_ENVIRONMENT.read_text(encoding="utf-8"))["environment"]["rustc_version"]
    cases = []
    for program in json.loads(DROP_ORDER_ORACLE.read_text(encoding="utf-8")):
        stdout = "".join(line + "\n" for line in program["stdout_lines"])
        # The oracle lists stderr only where the program wrote some.
        recorded = Outcome(stdout, normalise_stderr(program.get("stderr", "")), program["exit_code"])
        cases.append(
            Case(
                id=f"drop_order/{program['id']}",
                category=UNSUPPORTED if program["id"] in DROP_ORDER_OUTSIDE_SUBSET else "drop_order",
                arg=f"{program['id']}.rs",
                recorded=recorded,
                recorded_with=version,
                source=program["source"],
            )
        )
    return cases


def all_cases() -> list[Case]:
    return corpus_cases() + drop_order_cases()


# ------------------------------------------------------------------------------------------------------ real rustc


def rustc_available() -> bool:
    return shutil.which("rustc") is not None


def use_recorded() -> bool:
    return os.environ.get(USE_RECORDED_ENV, "") not in ("", "0")


def rustc_version() -> str:
    done = subprocess.run(["rustc", "--version"], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def _run_env() -> dict[str, str]:
    env = dict(os.environ)
    # A backtrace setting would replace the `note: run with RUST_BACKTRACE=1 …` line that the recordings hold.
    for name in ("RUST_BACKTRACE", "RUST_LIB_BACKTRACE", "RUST_MIN_STACK"):
        env.pop(name, None)
    return env


def exit_code_of(returncode: int) -> int:
    """As a shell reports it: a process killed by signal N (Python's returncode -N) exits with 128 + N."""
    return 128 - returncode if returncode < 0 else returncode


# Starting a process from a thread pool can fail for reasons that have nothing to do with the program: a CI run
# once saw rustc's exec fail in the child (exit 255) while other threads were forking (ETXTBSY/EAGAIN races).
SPAWN_ATTEMPTS = 4


def run_process(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    """`subprocess.run`, tried again (with a short pause) when the process could not be started at all."""
    for attempt in range(1, SPAWN_ATTEMPTS + 1):
        try:
            return subprocess.run(command, **kwargs)
        except FileNotFoundError:
            raise  # no such program: trying again cannot help
        except OSError as error:  # (the child's failed exec comes back as the parent's OSError)
            if attempt == SPAWN_ATTEMPTS:
                raise OSError(error.errno, f"could not start {command[0]} after {attempt} attempts: {error}") from error
            time.sleep(0.2 * attempt)
    raise AssertionError("unreachable")


def compile_and_run(case: Case, scratch: Path, build_dir: Path) -> Outcome:
    """Build the program in debug mode and run it. Thread-safe: each case has its own binary."""
    cwd = case.materialise(scratch)
    binary = build_dir / case.id.replace("/", "__")
    compiled = run_process(
        ["rustc", *RUSTC_ARGS, case.arg, "-o", str(binary)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=COMPILE_TIMEOUT_S,
    )
    if compiled.returncode != 0:
        return Outcome("", compiled.stderr, compiled.returncode, compiled=False)
    # `exec` keeps the program's own exit status (and the signal that killed it) as the shell's.
    command = ["/bin/sh", "-c", f'ulimit -s {MAIN_STACK_KIB} && exec "$0"', str(binary)]
    ran = run_process(command, cwd=cwd, capture_output=True, env=_run_env(), timeout=RUN_TIMEOUT_S)
    return Outcome(
        ran.stdout.decode("utf-8", errors="replace"),
        normalise_stderr(ran.stderr.decode("utf-8", errors="replace")),
        exit_code_of(ran.returncode),
    )


# ------------------------------------------------------------------------------------------------------- simulator


def run_simulator(case: Case, scratch: Path) -> Outcome:
    """`whiteboard run <arg>` in-process, from the same directory rustc ran in, with both streams captured."""
    from whiteboard.cli import main

    cwd = case.materialise(scratch)
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            code = main(["run", case.arg])
        except SystemExit as exit_:  # a CLI may also leave through sys.exit
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    return Outcome(stdout.getvalue(), normalise_stderr(stderr.getvalue()), code)


# ------------------------------------------------------------------------------------------------------ comparison


def differences(case: Case, real: Outcome | None, simulated: Outcome) -> list[str]:
    """Every way the simulation differs from the real behaviour, as readable lines; empty when they agree.

    `real` is not looked at (and may be None) for unsupported programs."""
    if case.unsupported:
        problems = []
        if simulated.exit_code != UNSUPPORTED_EXIT_CODE:
            problems.append(f"exit code {simulated.exit_code}, expected {UNSUPPORTED_EXIT_CODE} (outside the subset)")
        if not names_line_column(simulated.stderr):
            problems.append(f"stderr does not name a line:column: {simulated.stderr!r}")
        return problems

    assert real is not None
    problems = []
    if simulated.exit_code != real.exit_code:
        problems.append(f"exit code {simulated.exit_code}, rustc's program: {real.exit_code}")
    if simulated.stdout != real.stdout:
        problems.append(unified_diff("stdout", real.stdout, simulated.stdout))
    if not real.compiled:
        want, got = first_error(real.stderr), first_error(simulated.stderr)
        if want != got:
            problems.append(f"first compile error {got!r}, rustc: {want!r}")
    elif simulated.stderr != real.stderr:
        problems.append(unified_diff("stderr", real.stderr, simulated.stderr))
    return problems


def unified_diff(what: str, want: str, got: str) -> str:
    """`want` (rustc) against `got` (simulator); as reprs when they differ only in line endings, which a diff hides."""
    if want.splitlines() == got.splitlines():
        return f"{what}: {got!r}, rustc: {want!r}"
    lines = difflib.unified_diff(
        want.splitlines(keepends=True), got.splitlines(keepends=True), f"{what} (rustc)", f"{what} (simulator)"
    )
    return "".join(lines)
