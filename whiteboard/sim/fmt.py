"""`format!` as std does it: the template syntax, Display and Debug of the subset's types, width, fill, precision.

Float output follows core::fmt exactly: the shortest digits that read back as the same value, never an exponent in
Display (`1e21` prints as `1000000000000000000000`, `1.0` as `1`), and in Debug an exponent outside 1e-4 ≤ |x| < 1e16
(`1.0` as `1.0`).
"""

from __future__ import annotations

import math
import re
import struct
import unicodedata
from dataclasses import dataclass

from whiteboard.model import types as T

# --------------------------------------------------------------------------------------------------- templates


@dataclass(frozen=True, slots=True)
class Spec:
    arg: str | int | None  # None: next positional; int: explicit index; str: a named or captured variable
    fill: str = " "
    align: str = ""  # "<" | ">" | "^" | ""
    sign: str = ""  # "+" | ""
    alternate: bool = False
    zero: bool = False
    width: int | tuple | None = None  # ("$", N | name): taken from an argument
    precision: int | tuple | None = None  # also ("*",): from the next positional argument
    kind: str = ""  # "" Display, "?" Debug, "x", "X", "b", "o", "e", "E"
    debug_hex: str = ""  # "x" / "X" for `{:x?}`: Debug with integers in hex


class TemplateError(ValueError):
    pass


def parse_template(template: str) -> list[str | Spec]:
    """Split a format string into literal text and argument specs."""
    parts: list[str | Spec] = []
    text: list[str] = []
    i, n = 0, len(template)
    while i < n:
        ch = template[i]
        if ch == "{":
            if i + 1 < n and template[i + 1] == "{":
                text.append("{")
                i += 2
                continue
            end = template.find("}", i)
            if end < 0:
                raise TemplateError("invalid format string: expected `}` but string was terminated")
            if text:
                parts.append("".join(text))
                text = []
            parts.append(_parse_spec(template[i + 1 : end]))
            i = end + 1
        elif ch == "}":
            if i + 1 < n and template[i + 1] == "}":
                text.append("}")
                i += 2
                continue
            raise TemplateError("invalid format string: unmatched `}` found")
        else:
            text.append(ch)
            i += 1
    if text:
        parts.append("".join(text))
    return parts


def _parse_spec(body: str) -> Spec:
    name, _, fmt = body.partition(":")
    name = name.strip()
    arg: str | int | None = None
    if name:
        arg = int(name) if name.isdigit() else name
    fill, align, sign, alternate, zero = " ", "", "", False, False
    i = 0
    if len(fmt) >= 2 and fmt[1] in "<>^":
        fill, align, i = fmt[0], fmt[1], 2
    elif fmt[:1] in ("<", ">", "^"):
        align, i = fmt[0], 1
    if fmt[i : i + 1] in ("+", "-"):
        sign = fmt[i] if fmt[i] == "+" else ""
        i += 1
    if fmt[i : i + 1] == "#":
        alternate, i = True, i + 1
    if fmt[i : i + 1] == "0" and not re.match(r"0+\$", fmt[i:]):  # `0$` is a width taken from argument 0
        zero, i = True, i + 1
    width, i = _count(fmt, i)
    precision = None
    if fmt[i : i + 1] == ".":
        precision, i = _count(fmt, i + 1)
    kind = fmt[i:]
    if kind not in ("", "?", "x", "X", "b", "o", "e", "E", "x?", "X?"):
        raise TemplateError(f"unknown format trait `{kind}`")
    if kind in ("x?", "X?"):
        return Spec(arg, fill, align, sign, alternate, zero, width, precision, "?", kind[0])
    return Spec(arg, fill, align, sign, alternate, zero, width, precision, kind)


def _count(fmt: str, i: int) -> tuple[int | tuple | None, int]:
    """A width or precision: a literal number, `N$` / `name$` (taken from an argument, returned as ("$", N|name)),
    or `*` (precision from the next positional argument, returned as ("*",))."""
    if fmt[i : i + 1] == "*":
        return ("*",), i + 1
    j = i
    while j < len(fmt) and (fmt[j].isalnum() or fmt[j] == "_"):
        j += 1
    if j < len(fmt) and fmt[j] == "$":
        token = fmt[i:j]
        return ("$", int(token) if token.isdigit() else token), j + 1
    k = i
    while k < len(fmt) and fmt[k].isdigit():
        k += 1
    return (int(fmt[i:k]) if k > i else None), k


def pad(text: str, spec: Spec, width: int | None, default_align: str = "<") -> str:
    if width is None or len(text) >= width:
        return text
    missing = width - len(text)
    align = spec.align or default_align
    if align == "<":
        return text + spec.fill * missing
    if align == ">":
        return spec.fill * missing + text
    left = missing // 2
    return spec.fill * left + text + spec.fill * (missing - left)


def pad_number(text: str, spec: Spec, width: int | None) -> str:
    """Numbers align right by default; `0` pads after the sign and prefix."""
    if spec.zero and width is not None and len(text) < width:
        sign = text[0] if text[:1] in ("-", "+") else ""
        body = text[len(sign) :]
        prefix = body[:2] if body[:2] in ("0x", "0b", "0o", "0X") else ""
        body = body[len(prefix) :]
        return sign + prefix + "0" * (width - len(text)) + body
    return pad(text, spec, width, ">")


# ------------------------------------------------------------------------------------------------------- floats


def _shortest_digits(x: float, ty: T.Ty) -> tuple[str, int]:
    """Digits and decimal exponent of the shortest representation that reads back as `x` (x > 0, finite):
    x == 0.DIGITS × 10^exp."""
    if ty == T.Float("f32"):
        for precision in range(1, 10):
            text = f"{x:.{precision}e}"
            if struct.unpack("f", struct.pack("f", float(text)))[0] == x:
                break
        # Drop the trailing zeros the fixed precision may have left.
        mantissa, exp = text.split("e")
        digits = mantissa.replace(".", "").rstrip("0") or "0"
        return digits, int(exp) + 1
    text = repr(x)
    mantissa, _, exp = text.partition("e")
    exponent = int(exp) if exp else 0
    int_part, _, frac_part = mantissa.partition(".")
    digits = (int_part + frac_part).lstrip("0")
    lead_zeros = len(int_part + frac_part) - len((int_part + frac_part).lstrip("0"))
    point = len(int_part) - lead_zeros + exponent
    return digits.rstrip("0") or "0", point


def format_float(x: float, ty: T.Ty, debug: bool, precision: int | None, sign: str = "", exp: str = "") -> str:
    if math.isnan(x):
        return "NaN"
    negative = math.copysign(1.0, x) < 0
    prefix = "-" if negative else ("+" if sign == "+" else "")
    x = abs(x)
    if math.isinf(x):
        return prefix + "inf"
    if exp:
        return prefix + _format_exp(x, ty, precision, exp)
    if precision is not None:
        if ty == T.Float("f32"):
            return prefix + f"{x:.{precision}f}"  # f32 values are exact f64s: correctly rounded
        return prefix + f"{x:.{precision}f}"
    if x == 0:
        return prefix + ("0.0" if debug else "0")
    digits, point = _shortest_digits(x, ty)
    if debug and not (-4 < point <= 16):
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        return prefix + f"{mantissa}e{point - 1}"
    if point <= 0:
        text = "0." + "0" * (-point) + digits
    elif point >= len(digits):
        text = digits + "0" * (point - len(digits)) + (".0" if debug else "")
    else:
        text = digits[:point] + "." + digits[point:]
    return prefix + text


def _format_exp(x: float, ty: T.Ty, precision: int | None, letter: str) -> str:
    if precision is not None:
        mantissa, exp = f"{x:.{precision}e}".split("e")
    elif x == 0:
        mantissa, exp = "0", "0"
    else:
        digits, point = _shortest_digits(x, ty)
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        exp = str(point - 1)
    return f"{mantissa}{letter}{int(exp)}"


# ------------------------------------------------------------------------------------------------- text escapes


def escape_debug(text: str, quote: str) -> str:
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == quote:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\0":
            out.append("\\0")
        elif (not ch.isprintable() and ch != " ") or unicodedata.category(ch) in ("Mn", "Me"):
            # Rust escapes what it cannot print and grapheme extenders (combining marks), which would otherwise
            # attach themselves to the quote before them.
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    return "".join(out)


def format_int(value: int, ty: T.Ty, spec: Spec) -> str:
    kind = spec.kind
    if kind in ("x", "X", "b", "o"):
        bits = ty.bits if isinstance(ty, T.Int) else 64
        if value < 0:
            value += 1 << bits  # two's complement, as Rust prints negative numbers in hex/binary/octal
        base = {"x": "x", "X": "X", "b": "b", "o": "o"}[kind]
        text = format(value, base)
        if spec.alternate:
            text = {"x": "0x", "X": "0x", "b": "0b", "o": "0o"}[kind] + text
        return text
    if kind in ("e", "E"):
        return _format_exp(float(value), T.F64, spec.precision if isinstance(spec.precision, int) else None, kind)
    text = str(value)
    if spec.sign == "+" and value >= 0:
        text = "+" + text
    return text
