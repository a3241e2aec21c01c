"""The trace as JSON (`whiteboard trace FILE --json`); the format is documented in README.md."""

from __future__ import annotations

from dataclasses import asdict

from whiteboard.sim.trace import Trace

FORMAT = "rust-memory-whiteboard/trace"
VERSION = 1


def trace_to_json(trace: Trace, *, states: bool = False) -> dict:
    steps = []
    for step in trace.steps:
        item = {
            "index": step.index,
            "span": list(step.span),
            "label": step.label,
            "depth": step.depth,
            "events": [ev.to_json() for ev in step.events],
        }
        if states:
            item["state"] = state_to_json(trace, step.index)
        steps.append(item)
    return {
        "format": FORMAT,
        "version": VERSION,
        "path": trace.path,
        "exit_code": trace.exit_code,
        "stdout": trace.stdout,
        "stderr": trace.stderr,
        "steps": steps,
    }


def state_to_json(trace: Trace, index: int) -> dict:
    state = trace.state_at(index)
    return {
        "frames": [
            {**{k: v for k, v in asdict(f).items() if k != "slots"}, "slots": [asdict(s) for s in f.slots.values()]}
            for f in state.frames.values()
        ],
        "heap": [asdict(b) for b in state.blocks.values()],
        "statics": [asdict(s) for s in state.statics.values()],
        "collapsed_frames": [ev.to_json() for ev in state.collapsed],
        "stack_bytes": state.stack_bytes,
        "heap_bytes": state.heap_bytes,
    }
