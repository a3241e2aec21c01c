"""From Rust source to a finished run: parse, type-check, borrow-check, lay out, interpret.

Every way a run can end is one `RunResult`: the program's own output and exit status, or a compile error, or a
construct outside the subset — never a Python traceback.
"""

from __future__ import annotations

import gc
import sys
import threading
from dataclasses import dataclass

from whiteboard.model import syntax as S
from whiteboard.model.diagnostic_render import render_diagnostics
from whiteboard.model.diagnostics import CompileError, Diagnostic
from whiteboard.model.layout import LayoutEngine
from whiteboard.model.layout_calc import LayoutError
from whiteboard.model.parser import ParseError, parse_program
from whiteboard.model.typeck import check_program
from whiteboard.sim import events as E
from whiteboard.sim.const_lint import const_lint
from whiteboard.sim.control import InternalLimit, StepLimit
from whiteboard.sim.interpreter import DEFAULT_MAX_STEPS, Interpreter
from whiteboard.sim.trace import Recorder, Trace

EXIT_COMPILE_ERROR = 1
EXIT_UNSUPPORTED = 2
EXIT_STEP_LIMIT = 3
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in the whiteboard, not in the user's program


@dataclass
class RunResult:
    stdout: str
    stderr: str
    exit_code: int
    trace: Trace | None = None
    diagnostics: list[Diagnostic] | None = None


def run_source(
    source: str, path: str = "main.rs", *, record: bool = False, max_steps: int = DEFAULT_MAX_STEPS
) -> RunResult:
    """Run a program; whatever happens, the result is a message for the user, never an exception."""
    try:
        return _with_deep_stack(lambda: _run(source, path, record, max_steps))
    except Exception as err:  # noqa: BLE001 - the last line of defence: a bug of ours must not become a traceback
        import traceback

        where = traceback.extract_tb(err.__traceback__)[-1]
        text = (
            f"whiteboard: internal error while running {path}: {type(err).__name__}: {err} "
            f"(in {where.name}, {where.filename.rsplit('/', 1)[-1]}:{where.lineno}).\n"
            "This is a bug in the whiteboard, not in your program. Please report it with the program attached.\n"
        )
        return RunResult("", text, EXIT_INTERNAL)


# Rust calls never recurse in Python (the driver keeps frames in a list), but values do: dropping, cloning or
# printing a linked list of 10,000 boxes walks 10,000 nested values. Such walks get a thread with a big stack.
DEEP_STACK_BYTES = 512 * 1024 * 1024
DEEP_RECURSION_LIMIT = 200_000


def _with_deep_stack(work):
    outcome: list = []

    def target() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as err:  # noqa: BLE001 - handed back to the caller's thread as is
            outcome.append((False, err))

    old_size, old_limit = threading.stack_size(), sys.getrecursionlimit()
    threading.stack_size(DEEP_STACK_BYTES)
    sys.setrecursionlimit(max(old_limit, DEEP_RECURSION_LIMIT))
    try:
        thread = threading.Thread(target=target, name="whiteboard-run")
        thread.start()
        thread.join()
    finally:
        threading.stack_size(old_size)
        sys.setrecursionlimit(old_limit)
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


def _run(source: str, path: str, record: bool, max_steps: int) -> RunResult:
    try:
        program = parse_program(source, path)
        info = check_program(program)
        _borrow_check(program, info)
        const_lint(program, info)
        layouts = LayoutEngine(info.structs, info.enums)
    except CompileError as err:
        return _finish(
            source,
            path,
            "",
            render_diagnostics(err.diagnostics, source, path),
            EXIT_COMPILE_ERROR,
            record,
            [_error_event(d) for d in err.diagnostics],
            err.diagnostics,
        )
    except ParseError as err:
        text = f"error: {err.message}\n --> {path}:{err.span[0]}:{err.span[1]}\n"
        return _finish(
            source, path, "", text, EXIT_COMPILE_ERROR, record, [E.ErrorReported(None, err.message, err.span)]
        )
    except S.Unsupported as err:
        return _unsupported(source, path, err.what, err.span, record)
    except LayoutError as err:
        return _unsupported(source, path, str(err), (1, 1, 1, 1), record)

    recorder = Recorder() if record else None
    interp = Interpreter(program, info, layouts, recorder=recorder, max_steps=max_steps)
    extra = ""
    # A deep recursion keeps tens of thousands of frames alive, and Python's cyclic collector would walk them all
    # again and again; nothing the interpreter builds needs it while it runs, so it waits until the end.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        code = interp.run()
    except InternalLimit as err:
        return _unsupported(source, path, err.what, err.span, record, recorder, "".join(interp.stdout))
    except LayoutError as err:
        what = f"a value of a type the whiteboard cannot lay out ({err})"
        return _unsupported(source, path, what, interp.last_span, record, recorder, "".join(interp.stdout))
    except StepLimit as err:
        code = EXIT_STEP_LIMIT
        extra = (
            f"whiteboard: stopped after {err.limit:,} steps at {path}:{err.span[0]}:{err.span[1]}: the program "
            f"may never finish. Raise the limit with --max-steps if it is just long.\n"
        )
        interp.emit(E.StepLimitReached(err.limit))
    finally:
        if gc_was_enabled:
            gc.enable()
    stdout, stderr = "".join(interp.stdout), "".join(interp.stderr) + extra
    trace = None
    if recorder is not None:
        trace = Trace.from_recorder(recorder, source=source, path=path, exit_code=code, stdout=stdout, stderr=stderr)
        trace.layouts = layouts  # the diagram asks it for field sizes and padding (the byte view)
    return RunResult(stdout, stderr, code, trace)


def _borrow_check(program, info) -> None:
    try:
        from whiteboard.sim.borrowck import borrow_check
    except ImportError:  # the borrow checker lands separately
        return
    borrow_check(program, info)


def _unsupported(source, path, what, span, record, recorder=None, stdout="") -> RunResult:
    text = (
        f"whiteboard: {path}:{span[0]}:{span[1]}: {what} is outside the Rust subset this whiteboard runs.\n"
        f'Rewrite that part with the supported constructs (see README.md, "The Rust subset").\n'
    )
    return _finish(
        source, path, stdout, text, EXIT_UNSUPPORTED, record, [E.ErrorReported(None, what, span)], recorder=recorder
    )


def _error_event(d: Diagnostic) -> E.ErrorReported:
    return E.ErrorReported(d.code, d.message, d.primary_span)


def _finish(source, path, stdout, stderr, code, record, events, diagnostics=None, recorder=None) -> RunResult:
    trace = None
    if record:
        recorder = recorder or Recorder()
        recorder.step(events[0].span if events else (0, 0, 0, 0), "error", 0)
        for ev in events:
            recorder.event(ev)
        trace = Trace(recorder.steps, source=source, path=path, exit_code=code, stdout=stdout, stderr=stderr)
    return RunResult(stdout, stderr, code, trace, diagnostics)
