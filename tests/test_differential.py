"""The simulator must print exactly what rustc's debug build prints, for every program of the corpus.

The truth is rustc itself when it is installed (each selected program is compiled once per session, in parallel,
in the background), otherwise the recordings beside the programs. `WHITEBOARD_USE_RECORDED=1` forces the
recordings, e.g. where the installed rustc is not the version the simulator models. What is compared is described
in `differential.differences`; how programs are found and run, in `differential`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import differential as dt
import pytest

CASES = dt.all_cases()


def case_id(case: dt.Case) -> str:
    return case.id


class RustcRuns:
    """rustc outcomes of this session's programs, computed by a thread pool and awaited one test at a time."""

    def __init__(self, cases: list[dt.Case], scratch: Path, build: Path):
        self._scratch, self._build = scratch, build
        self._pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 2, thread_name_prefix="rustc")
        self._futures: dict[str, Future[dt.Outcome]] = {}
        # Submitting in test order lets the first tests start while later programs are still compiling.
        for case in cases:
            self._submit(case)

    def _submit(self, case: dt.Case) -> Future[dt.Outcome]:
        if case.id not in self._futures:
            self._futures[case.id] = self._pool.submit(dt.compile_and_run, case, self._scratch, self._build)
        return self._futures[case.id]

    def outcome(self, case: dt.Case) -> dt.Outcome:
        return self._submit(case).result()

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


def selected_cases(session: pytest.Session) -> list[dt.Case]:
    """The corpus programs of the tests this session will run (`-k` and node ids narrow it), in run order."""
    seen: dict[str, dt.Case] = {}
    for item in session.items:
        callspec = getattr(item, "callspec", None)
        case = callspec.params.get("case") if callspec else None
        if isinstance(case, dt.Case):
            seen.setdefault(case.id, case)
    return list(seen.values())


@pytest.fixture(scope="session")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where oracle programs that live only in JSON are written out as `<id>.rs`."""
    return tmp_path_factory.mktemp("programs")


@pytest.fixture(scope="session")
def rustc_runs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, scratch: Path
) -> Iterator[RustcRuns | None]:
    """None when the recordings are the truth: no rustc here, or WHITEBOARD_USE_RECORDED=1."""
    if dt.use_recorded() or not dt.rustc_available():
        yield None
        return
    runs = RustcRuns(selected_cases(request.session), scratch, tmp_path_factory.mktemp("rustc-builds"))
    yield runs
    runs.close()


@pytest.fixture(scope="session")
def rustc_version(rustc_runs: RustcRuns | None) -> str | None:
    return dt.rustc_version() if rustc_runs is not None else None


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_simulator_matches_rustc(case: dt.Case, rustc_runs: RustcRuns | None, scratch: Path) -> None:
    if case.unsupported:
        real = None  # what rustc does is irrelevant: the simulator must decline
    elif rustc_runs is not None:
        real = rustc_runs.outcome(case)
    elif case.recorded is not None:
        real = case.recorded
    else:
        pytest.fail(f"{case.id} has no recording and rustc is not available; run tests/record_programs.py")
    simulated = dt.run_simulator(case, scratch)
    problems = dt.differences(case, real, simulated)
    if problems:
        pytest.fail(f"{case.id}:\n" + "\n".join(problems), pytrace=False)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_recording_matches_rustc(case: dt.Case, rustc_runs: RustcRuns | None, rustc_version: str | None) -> None:
    """The recordings are facts: recompiling the program gives exactly what was recorded."""
    if rustc_runs is None:
        pytest.skip("needs rustc (and WHITEBOARD_USE_RECORDED unset)")
    actual = rustc_runs.outcome(case)
    if case.unsupported:
        # The simulator must refuse these for being outside the subset, not for being wrong.
        assert actual.compiled, f"{case.id} should be valid Rust:\n{actual.stderr}"
        return
    assert case.recorded is not None, f"{case.id} has no recording; run tests/record_programs.py {case.id}"
    if case.recorded_with != rustc_version:
        pytest.skip(f"recorded with {case.recorded_with}, this is {rustc_version}")
    if actual != case.recorded:
        problems = dt.differences(case, case.recorded, actual)
        if not (actual.compiled and case.recorded.compiled):
            # differences() looks at a compile error's first headline only; a recording must match all of it.
            problems.append(dt.unified_diff("compiler output", case.recorded.stderr, actual.stderr))
        message = f"{case.id}: stale recording, run tests/record_programs.py {case.id}\n" + "\n".join(problems)
        pytest.fail(message, pytrace=False)


def test_every_program_is_recorded() -> None:
    """Every recordable program has a recording, and every recording still has its program."""
    programs = {c.id for c in dt.corpus_cases() if not c.unsupported}
    recordings = {
        f"{p.parent.name}/{p.name.removesuffix('.expected.json')}" for p in dt.PROGRAMS.glob("*/*.expected.json")
    }
    assert not programs - recordings, f"run tests/record_programs.py for: {sorted(programs - recordings)}"
    assert not recordings - programs, f"recordings without a recordable program: {sorted(recordings - programs)}"


def test_comparison_helpers() -> None:
    """The comparison's own pieces, on rustc's real texts."""
    assert dt.normalise_stderr("\nthread 'main' (7816) has overflowed its stack\n") == (
        "\nthread 'main' has overflowed its stack\n"
    )
    assert dt.normalise_stderr("thread 'main' (1) panicked at a.rs:1:2:\nthread 'x' (2)") == (
        "thread 'main' panicked at a.rs:1:2:\nthread 'x'"
    )
    compiler_output = (
        "warning: unused variable: `t`\n --> e.rs:3:9\n\n"
        "error[E0382]: borrow of moved value: `s`\n --> e.rs:4:20\n  |\n"
        "error: aborting due to 1 previous error; 1 warning emitted\n"
    )
    assert dt.first_error(compiler_output) == ("error[E0382]: borrow of moved value: `s`", "--> e.rs:4:20")
    assert dt.first_error("error: expected `;`, found keyword `let`\n --> a.rs:2:14\n") == (
        "error: expected `;`, found keyword `let`",
        "--> a.rs:2:14",
    )
    assert dt.first_error("warning: x\n") is None
    assert dt.exit_code_of(-6) == 134 and dt.exit_code_of(101) == 101
