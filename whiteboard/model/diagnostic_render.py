"""Diagnostics printed the way rustc prints them: headline, location, the source lines with their labels."""

from __future__ import annotations

from whiteboard.model.diagnostics import Diagnostic


def render_diagnostics(diagnostics: list[Diagnostic], source: str, path: str) -> str:
    out = [render(d, source, path) for d in diagnostics]
    count = len(diagnostics)
    out.append(f"error: aborting due to {'1 previous error' if count == 1 else f'{count} previous errors'}\n\n")
    codes = sorted({d.code for d in diagnostics if d.code})
    if len(codes) == 1:
        out.append(f"For more information about this error, try `rustc --explain {codes[0]}`.\n")
    elif codes:
        out.append(f"Some errors have detailed explanations: {', '.join(codes)}.\n"
                   f"For more information about an error, try `rustc --explain {codes[0]}`.\n")
    return "".join(out)


def render(d: Diagnostic, source: str, path: str) -> str:
    lines = source.splitlines()
    head = f"error[{d.code}]: {d.message}" if d.code else f"error: {d.message}"
    primary = d.primary_span
    labelled = sorted({label.span[0] for label in d.labels if label.span[0]})
    width = len(str(max(labelled))) if labelled else 1
    gutter = " " * width
    out = [head, f"{gutter}--> {path}:{primary[0]}:{primary[1]}", f"{gutter} |"]
    previous = None
    for number in labelled:
        if previous is not None and number > previous + 1:
            out.append("...")
        text = lines[number - 1] if number - 1 < len(lines) else ""
        out.append(f"{number:>{width}} | {text}")
        for label in sorted((lb for lb in d.labels if lb.span[0] == number), key=lambda lb: lb.span[1]):
            start = label.span[1]
            end = label.span[3] if label.span[2] == number else len(text) + 1
            mark = ("^" if label.primary else "-") * max(end - start, 1)
            out.append(f"{gutter} | {' ' * (start - 1)}{mark}{' ' + label.message if label.message else ''}")
        previous = number
    out.append(f"{gutter} |")
    for note in d.notes:
        out.append(f"{gutter} = note: {note}")
    if d.help:
        out.append(f"{gutter} = help: {d.help}")
    return "\n".join(out) + "\n\n"
