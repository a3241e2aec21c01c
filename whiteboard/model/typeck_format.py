"""The placeholders of a format string (`"{} {x:?} {0:>5.2}"`): which argument each one formats, with which trait.

This is the part of `format_args!` that decides whether a program compiles; the interpreter does the formatting."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Formatting traits by the type letter of a format spec.
TRAITS = {
    "": "Display",
    "?": "Debug",
    "x?": "Debug",
    "X?": "Debug",
    "x": "LowerHex",
    "X": "UpperHex",
    "o": "Octal",
    "b": "Binary",
    "e": "LowerExp",
    "E": "UpperExp",
    "p": "Pointer",
}

_SPEC = re.compile(
    r"(?:.?[<^>])?[+-]?#?0?"
    r"(?P<width>\d+\$?|[A-Za-z_]\w*\$)?"
    r"(?:\.(?P<precision>\d+\$?|[A-Za-z_]\w*\$|\*))?"
    r"(?P<kind>x\?|X\?|[?xXobeEp])?"
)


class FormatStringError(Exception):
    """The template itself is malformed (an unmatched `{` or `}`, an unknown spec)."""


@dataclass(frozen=True, slots=True)
class Placeholder:
    argument: int | str  # positional index, or a name (a named argument or a captured variable)
    trait: str
    counts: tuple[int | str, ...] = ()  # arguments used as width / precision (`{:1$}`, `{:.prec$}`, `{:.*}`)
    start: int = 0  # index of the `{` in the template
    end: int = 0  # index just after the `}`


def placeholders(template: str) -> list[Placeholder]:
    found: list[Placeholder] = []
    next_positional = 0
    i = 0
    while i < len(template):
        char = template[i]
        if template.startswith("{{", i) or template.startswith("}}", i):
            i += 2
            continue
        if char == "}":
            raise FormatStringError("invalid format string: unmatched `}` found")
        if char != "{":
            i += 1
            continue
        end = template.find("}", i)
        if end < 0:
            raise FormatStringError("invalid format string: expected `}` but string was terminated")
        placeholder, next_positional = _placeholder(template[i + 1 : end], next_positional)
        found.append(replace(placeholder, start=i, end=end + 1))
        i = end + 1
    return found


def _placeholder(body: str, next_positional: int) -> tuple[Placeholder, int]:
    argument, _, spec = body.partition(":")
    argument = argument.strip()
    match = _SPEC.fullmatch(spec)
    if match is None:
        raise FormatStringError(f"invalid format string: unknown format spec `{spec}`")
    counts: list[int | str] = []
    for part in (match["width"], match["precision"]):
        if part == "*":  # `.*` takes the precision from the next positional argument, before the value
            counts.append(next_positional)
            next_positional += 1
        elif part is not None and part.endswith("$"):
            counts.append(int(part[:-1]) if part[0].isdigit() else part[:-1])
    if argument == "":
        value: int | str = next_positional
        next_positional += 1
    else:
        value = int(argument) if argument.isdigit() else argument
    return Placeholder(value, TRAITS[match["kind"] or ""], tuple(counts)), next_positional
