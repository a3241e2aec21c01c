"""Benchmarks of the simulation core, each beside rustc compiling and running the same program on this machine.

    .venv/bin/python benchmarks/bench_core.py [--repeat N]

Figures are wall-clock medians. `whiteboard run` is measured as a user meets it: a fresh process (Python start-up,
imports, parse, type check, run). The goal is to answer faster than `rustc` compile-and-run.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PUSH_100K = """\
fn main() {
    let mut v: Vec<u64> = Vec::new();
    let mut i: u64 = 0;
    while i < 100000 {
        v.push(i);
        i += 1;
    }
    println!("{} {}", v.len(), v.capacity());
}
"""

OVERFLOW = """\
fn foo() {
    foo();
}

fn main() {
    foo();
}
"""

OVERFLOW_COUNTING = """\
fn down(n: u64) -> u64 {
    down(n + 1) + 1
}

fn main() {
    println!("{}", down(0));
}
"""

STEPS_100K = """\
fn main() {
    let mut total: u64 = 0;
    let mut v: Vec<u32> = Vec::new();
    for i in 0..50000 {
        total += i as u64;
        v.push(i);
    }
    println!("{total} {}", v.len());
}
"""


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def whiteboard_run(path: Path) -> None:
    subprocess.run([sys.executable, "-m", "whiteboard", "run", str(path)], cwd=ROOT, capture_output=True, check=False)


def rustc_compile_and_run(path: Path, workdir: Path) -> None:
    exe = workdir / "prog"
    subprocess.run(
        ["rustc", "--edition", "2024", "-C", "opt-level=0", "-o", str(exe), str(path)],
        cwd=workdir,
        capture_output=True,
        check=True,
    )
    subprocess.run([str(exe)], capture_output=True, check=False)


def trace_access(source: str) -> tuple[int, float, float, float]:
    sys.path.insert(0, str(ROOT))
    from whiteboard.sim.run import run_source

    start = time.perf_counter()
    result = run_source(source, "steps.rs", record=True)
    recorded = time.perf_counter() - start
    trace = result.trace
    last = len(trace) - 1
    start = time.perf_counter()
    trace.state_at(last)
    first = time.perf_counter() - start
    start = time.perf_counter()
    for k in (last, last // 2, 17, last - 300):
        trace.state_at(k)
    later = (time.perf_counter() - start) / 4
    return len(trace), recorded, first, later


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    have_rustc = shutil.which("rustc") is not None
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows = []
        programs = (
            ("push 100,000 integers", "push", PUSH_100K),
            ("fn foo() { foo(); } overflow", "overflow", OVERFLOW),
            ("down(n + 1) overflow (no fast-forward)", "counting", OVERFLOW_COUNTING),
        )
        for name, stem, source in programs:
            path = work / f"{stem}.rs"
            path.write_text(source)
            ours = median_time(lambda path=path: whiteboard_run(path), args.repeat)
            theirs = (
                median_time(lambda path=path: rustc_compile_and_run(path, work), args.repeat) if have_rustc else None
            )
            rows.append((name, ours, theirs))
        print(f"{'program':<42} {'whiteboard run':>15} {'rustc + run':>12}")
        for name, ours, theirs in rows:
            rustc = f"{theirs:>11.3f}s" if theirs is not None else "   (no rustc)"
            print(f"{name:<42} {ours:>14.3f}s {rustc}")
        steps, recorded, first, later = trace_access(STEPS_100K)
        print(
            f"\ntrace of {steps:,} steps: recorded in {recorded:.2f}s; state at the last step: first access "
            f"{first * 1000:.0f} ms, later random access {later * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
