"""The type checker's diagnostics, worded as rustc 1.95 words them (headline and primary label)."""

from __future__ import annotations

from whiteboard.model.diagnostics import CompileError, Diagnostic, Label
from whiteboard.model.syntax import Span
from whiteboard.model.types import Adt, Ty, Var


def error(code: str | None, message: str, span: Span, label: str = "", notes: tuple[str, ...] = ()) -> CompileError:
    return CompileError([Diagnostic(code, message, (Label(span, label, primary=True),), notes)])


def describe(ty: Ty) -> str:
    """A type as rustc names it inside a label: "`u8`", or "integer" for an integer literal of unknown type."""
    if isinstance(ty, Var) and ty.kind:
        return "integer" if ty.kind == "int" else "floating-point number"
    return f"`{ty}`"


def mismatched(
    span: Span, expected: Ty, found: Ty, message: str = "mismatched types", code: str = "E0308"
) -> CompileError:
    return error(code, message, span, f"expected {describe(expected)}, found {describe(found)}")


def kind_of(ty: Ty, enums: dict) -> str:
    """rustc's word for a type in "no method named `x` found for struct `P`": struct, enum, type, reference …"""
    if isinstance(ty, Adt):
        return "enum" if ty.name in enums or ty.name == "Option" else "struct"
    return "type"


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def arg_count(span: Span, kind: str, expected: int, found: int) -> CompileError:
    """E0061: `this function takes 2 arguments but 1 argument was supplied`."""
    message = f"this {kind} takes {plural(expected, 'argument')} but {plural(found, 'argument')} "
    message += "was supplied" if found == 1 else "were supplied"
    return error("E0061", message, span)


def missing_fields(span: Span, names: list[str], type_name: str) -> CompileError:
    """E0063: "missing field `y` in initializer of `Point`" / "missing fields `x` and `y` …" / "`a`, `b` and `c`"."""
    quoted = [f"`{name}`" for name in names]
    if len(quoted) == 1:
        listing = f"field {quoted[0]}"
    elif len(quoted) <= 3:
        listing = "fields " + ", ".join(quoted[:-1]) + " and " + quoted[-1]
    else:
        listing = "fields " + ", ".join(quoted[:3]) + f" and {len(quoted) - 3} other field"
        listing += "" if len(quoted) == 4 else "s"
    return error("E0063", f"missing {listing} in initializer of `{type_name}`", span, f"missing {listing}")
