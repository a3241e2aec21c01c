"""`whiteboard export`: run a program and write the board of one step, or of every step, as PNG, SVG or PDF.

The images come from the canvas's own renderer (no window), so an export looks exactly like the board. Usage
mistakes are caught before the program runs and end with one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

from whiteboard.export.plan import ALL, LAST, UsageError, check_output, check_pixels, make_plan
from whiteboard.export.registry import exporter_for, formats

EXIT_USAGE = 2
EXIT_INTERNAL = 70  # EX_SOFTWARE, as `whiteboard run` uses for a bug of ours
MAX_FILES = 10_000  # `--step all` on a runaway loop would otherwise fill a disk with images

HELP_STEP = (
    "which step to draw: a number (0 is the first step, as in `whiteboard trace`), 'last' (the default) or 'all'. "
    "With 'all', OUT is a folder (created if missing; its parent must exist) that gets one file per step, numbered "
    "from 0 like --step and zero-padded to the width of the step count: step-000.png … step-499.png for 500 steps"
)


def add_export_parser(subparsers):
    """Define `export` on the CLI's subparsers; argparse checks only the shape, `run_export` checks the values."""
    fmts = "|".join(formats())
    p = subparsers.add_parser(
        "export",
        help="write the board of a step (or of every step) as PNG, SVG or PDF",
        description="Run a Rust program and draw its static data, stack and heap at a step, without a window.",
    )
    p.add_argument("file", metavar="FILE", help="the .rs program to run")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write (a folder with --step all)")
    p.add_argument("--step", default=LAST, metavar="N|last|all", help=HELP_STEP)
    p.add_argument(
        "--format",
        default=None,
        metavar=fmts,
        help="the file format; by default the suffix of OUT (png for --step all)",
    )
    p.add_argument(
        "--scale",
        default="1",
        metavar="S",
        help="size: PNG pixels per board unit (2 = twice as many), the nominal size of SVG and PDF; default 1",
    )
    p.add_argument("--theme", default="light", metavar="light|dark|projector", help="colours; default light")
    p.add_argument("--byte-view", action="store_true", help="show values as bytes with padding")
    p.add_argument("--allocator", action="store_true", help="show the allocator's bookkeeping around heap blocks")
    p.add_argument("--no-addresses", action="store_true", help="leave out addresses")
    p.add_argument("--max-steps", type=int, default=None, metavar="N", help="stop a program that runs longer than this")
    p.set_defaults(func=run_export)
    return p


def run_export(args) -> int:
    """Export as `args` (from `add_export_parser`) ask; print each path written. 0 on success, 2 on a usage error."""
    try:
        return _export(args)
    except UsageError as err:
        return _fail(str(err), EXIT_USAGE)
    except OSError as err:
        where = f" {err.filename}" if err.filename else ""
        what = err.strerror or str(err)
        return _fail(
            f"cannot write{where}: {what}. Check the folder and its permissions, or choose another -o.", EXIT_USAGE
        )
    except Exception as err:  # noqa: BLE001 - a bug of ours must still be one line, not a traceback
        return _fail(
            f"internal error while exporting {args.file}: {type(err).__name__}: {err}. This is a bug in the "
            "whiteboard; please report it with the program attached.",
            EXIT_INTERNAL,
        )


def _export(args) -> int:
    plan = make_plan(args.step, args.format, args.theme, args.scale, args.output)
    source = _read_source(args.file)
    check_output(plan)

    from whiteboard.export.headless import default_to_offscreen

    default_to_offscreen()  # before the first Qt import
    from whiteboard.canvas.fonts import ensure_app
    from whiteboard.diagram.build import DiagramOptions, build_diagram
    from whiteboard.sim.run import run_source

    limits = {"max_steps": args.max_steps} if args.max_steps else {}
    result = run_source(source, args.file, record=True, **limits)
    trace = result.trace
    if trace is None:  # the interpreter broke; its message already says so and how to report it
        sys.stderr.write(result.stderr)
        return EXIT_INTERNAL
    count = len(trace)
    steps = plan.steps(count)
    if len(steps) > MAX_FILES:
        raise UsageError(
            f"--step all would write {count:,} files (at most {MAX_FILES:,}). Pick one --step, or stop the "
            "program earlier with --max-steps."
        )
    _note_outcome(args.file, result)
    options = DiagramOptions(addresses=not args.no_addresses, byte_view=args.byte_view, allocator=args.allocator)
    exporter = exporter_for(plan.format)
    ensure_app()  # one QApplication and one font load for every step
    if plan.step == ALL:
        plan.out.mkdir(exist_ok=True)
    for index in steps:
        diagram = build_diagram(trace, index, options)
        if exporter.raster:
            check_pixels(*_pixel_size(diagram, plan.scale), plan.scale)
        target = plan.target(index, count)
        _open_for_writing(target)
        path = exporter.export(diagram, target, plan.theme, plan.scale)
        print(path, flush=True)
    return 0


def _pixel_size(diagram, scale: float) -> tuple[int, int]:
    """The size `render_image` gives the diagram at `scale` (its margin on each side included)."""
    from whiteboard.canvas.render import MARGIN

    _, _, w, h = diagram.bounds
    return max(1, round((w + 2 * MARGIN) * scale)), max(1, round((h + 2 * MARGIN) * scale))


def _open_for_writing(path: Path) -> None:
    """Raise the operating system's own reason (read-only disk, no permission) before Qt fails with a page of
    warnings and no reason; the checks before the run cannot see everything, e.g. a read-only mount for root."""
    with open(path, "ab"):
        pass


def _read_source(path: str) -> str:
    from whiteboard.source_file import SourceError, read_program

    try:
        return read_program(path)
    except SourceError as err:
        raise UsageError(str(err)) from None


def _note_outcome(path: str, result) -> None:
    """A program that does not compile, panics or stops still exports (the board shows why); say so on stderr."""
    if result.exit_code == 0:
        return
    lines = [line.strip() for line in result.stderr.splitlines() if line.strip()] + [""]
    first = lines[0] + (" " + lines[1] if lines[0].endswith(":") else "")  # a panic gives its reason on line 2
    first = first.removeprefix("whiteboard: ").rstrip(".")
    steps = result.trace.steps
    if len(steps) == 1 and steps[0].label == "error":
        what = f"{path} does not compile ({first}); the board shows the error"
    else:
        what = f"{path} exits with status {result.exit_code} ({first}); the board shows the run up to there"
    _fail(f"note: {what}. See it in full with `whiteboard run {path}`.", 0)


def _fail(message: str, code: int) -> int:
    print(f"whiteboard: {message}", file=sys.stderr)
    return code
