"""Record what rustc's debug build of each corpus program does, beside the program as `<name>.expected.json`.

    .venv/bin/python tests/record_programs.py                 # every program
    .venv/bin/python tests/record_programs.py panics errors/e0384_assign_twice
    .venv/bin/python tests/record_programs.py --check         # report stale recordings, write nothing

Each program is compiled with `rustc --edition 2024 -C opt-level=0` from the repository root, given its
repo-relative path (rustc puts that path into panic messages and compiler errors), built into a temporary directory
and run. The recording holds stdout, stderr with the OS thread id removed, the exit code as a shell reports it
(134 for SIGABRT), whether it compiled, and the rustc version. A program that does not compile records exit code 1
and rustc's complete output (warnings included) as stderr. Programs under `unsupported/` are outside the simulated
subset; nothing is recorded for them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import differential as dt


def record(case: dt.Case, outcome: dt.Outcome, version: str) -> str:
    data = {
        "rustc": version,
        "command": " ".join(["rustc", *dt.RUSTC_ARGS, case.arg]),
        "compiled": outcome.compiled,
        "exit_code": outcome.exit_code,
        "stdout": outcome.stdout,
        "stderr": outcome.stderr,
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def selected(cases: list[dt.Case], wanted: list[str]) -> list[dt.Case]:
    """Cases whose id is, or lies in a category named by, one of `wanted` (all when empty)."""
    if not wanted:
        return cases
    keys = {w.removesuffix(".rs").removeprefix("tests/programs/").strip("/") for w in wanted}
    chosen = [c for c in cases if c.id in keys or c.category in keys]
    unknown = keys - {c.id for c in chosen} - {c.category for c in chosen}
    if unknown:
        sys.exit(f"no such program or category: {', '.join(sorted(unknown))}")
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("programs", nargs="*", help="categories or ids (basics, panics/unwrap_none); default: all")
    parser.add_argument("--check", action="store_true", help="only report recordings that differ from rustc")
    args = parser.parse_args(argv)

    if not dt.rustc_available():
        sys.exit("rustc is not on PATH")
    version = dt.rustc_version()
    cases = [c for c in selected(dt.corpus_cases(), args.programs) if not c.unsupported]

    with tempfile.TemporaryDirectory(prefix="whiteboard-record-") as tmp:
        build = Path(tmp)
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            outcomes = list(pool.map(lambda case: dt.compile_and_run(case, build, build), cases))

    stale = 0
    for case, outcome in zip(cases, outcomes, strict=True):
        assert case.expected_path is not None
        text = record(case, outcome, version)
        old = case.expected_path.read_text(encoding="utf-8") if case.expected_path.exists() else None
        if old == text:
            continue
        stale += 1
        status = "compile error" if not outcome.compiled else f"exit {outcome.exit_code}"
        print(f"{'stale' if args.check else 'recorded'}: {case.id} ({status})")
        if not args.check:
            case.expected_path.write_text(text, encoding="utf-8")
    print(f"{len(cases)} programs, {stale} {'stale' if args.check else 'changed'}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
