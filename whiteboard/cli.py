"""Command line: `whiteboard run|trace|layout|export`, and `whiteboard [FILE.rs] [--theme …]` for the window.

`run` behaves like the compiled program (its stdout, stderr and exit status); `trace` prints every step and event
as JSON (format in README.md); `layout` shows how rustc lays out a type; `export` renders steps as PNG, SVG or PDF
with the canvas's own renderer, no window needed. Anything else opens the desktop app, whose
Qt imports happen only then: `whiteboard run` must work where PySide6 is absent.
"""

from __future__ import annotations

import argparse
import json
import sys

EXIT_USAGE = 2
SUBCOMMANDS = ("run", "trace", "layout", "export")
HELP = ("-h", "--help")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or (argv[0] not in SUBCOMMANDS and argv[0] not in HELP):
        from whiteboard.app.app import run_app

        return run_app(argv)
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except BrokenPipeError:  # `whiteboard trace x.rs | head`: the reader left, which is not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="whiteboard",
        description="Rust Memory Whiteboard: run a Rust program the "
        "way rustc would and see its static data, stack and heap.",
        epilog="Without a command (`whiteboard`, `whiteboard FILE.rs`, `whiteboard --theme dark FILE.rs`) the "
        "desktop app opens (`whiteboard FILE.rs --help` lists its options).",
    )
    sub = parser.add_subparsers(dest="command")
    run = sub.add_parser("run", help="run a program; prints what the compiled program prints")
    run.add_argument("file")
    run.add_argument("--max-steps", type=int, default=None, help="stop a program that runs longer than this")
    run.set_defaults(func=_cmd_run)
    trace = sub.add_parser("trace", help="print the steps and memory events of a run")
    trace.add_argument("file")
    trace.add_argument("--json", action="store_true", help="machine-readable output (see README.md)")
    trace.add_argument("--states", action="store_true", help="include the full memory state after every step")
    trace.add_argument("--max-steps", type=int, default=None)
    trace.add_argument("--captions", action="store_true", help="show each step's caption (the comment above its line)")
    trace.set_defaults(func=_cmd_trace)
    layout = sub.add_parser("layout", help="size, alignment, field offsets and padding of a type")
    layout.add_argument("type", help="a type as written in Rust, e.g. 'Option<Box<u8>>' or a struct name")
    layout.add_argument("--defs", help="a .rs file whose structs and enums the type may name")
    layout.add_argument("--json", action="store_true")
    layout.set_defaults(func=_cmd_layout)
    from whiteboard.export.command import add_export_parser  # here, not at the top: the window never needs it

    add_export_parser(sub)
    return parser


def _read(path: str) -> str | None:
    from whiteboard.source_file import SourceError, read_program

    try:
        return read_program(path)
    except SourceError as err:
        print(f"whiteboard: {err}", file=sys.stderr)
    return None


def _limits(args) -> dict:
    return {"max_steps": args.max_steps} if args.max_steps else {}


def _cmd_run(args) -> int:
    from whiteboard.sim.run import run_source

    source = _read(args.file)
    if source is None:
        return EXIT_USAGE
    result = run_source(source, args.file, **_limits(args))
    sys.stdout.write(result.stdout)
    sys.stdout.flush()
    sys.stderr.write(result.stderr)
    return result.exit_code


def _cmd_trace(args) -> int:
    from whiteboard.sim.run import run_source
    from whiteboard.sim.trace_json import trace_to_json

    source = _read(args.file)
    if source is None:
        return EXIT_USAGE
    result = run_source(source, args.file, record=True, **_limits(args))
    if args.json:
        json.dump(trace_to_json(result.trace, states=args.states), sys.stdout, separators=(",", ":"))
        sys.stdout.write("\n")
    else:
        captions = None
        if args.captions:
            from whiteboard.document.captions import read_captions

            captions = read_captions(source)
        for step in result.trace.steps:
            line = f"{step.index:>6}  {step.span[0]:>4}:{step.span[1]:<3} {'  ' * step.depth}{step.label}"
            print(line)
            if captions is not None:
                print(f"{'':>18}» {captions.for_line(step.span[0]) or '(no caption)'}")
            for ev in step.events:
                print(f"{'':>18}{'  ' * step.depth}· {ev.kind}")
    return result.exit_code


def _cmd_layout(args) -> int:
    from whiteboard.model.layout import LayoutEngine
    from whiteboard.model.layout_calc import LayoutError
    from whiteboard.model.layout_report import describe, to_json
    from whiteboard.model.type_parse import parse_type

    structs, enums = {}, {}
    if args.defs:
        from whiteboard.model.parser import ParseError, parse_program
        from whiteboard.model.syntax import EnumDef, StructDef, Unsupported

        source = _read(args.defs)
        if source is None:
            return EXIT_USAGE
        try:
            program = parse_program(source, args.defs)
        except (ParseError, Unsupported) as err:
            what = getattr(err, "message", None) or getattr(err, "what", "")
            print(f"whiteboard: {args.defs}:{err.span[0]}:{err.span[1]}: {what}", file=sys.stderr)
            return 1
        structs = {i.name: i for i in program.items if isinstance(i, StructDef)}
        enums = {i.name: i for i in program.items if isinstance(i, EnumDef)}
    try:
        ty = parse_type(args.type)
        engine = LayoutEngine(structs, enums)
        layout = engine.layout(ty)
    except (ValueError, LayoutError) as err:
        print(f"whiteboard: cannot lay out `{args.type}`: {err}", file=sys.stderr)
        return 1
    if args.json:
        json.dump(to_json(layout, engine), sys.stdout, indent=1)
    else:
        sys.stdout.write(describe(layout, engine))
    sys.stdout.write("\n")
    return 0
