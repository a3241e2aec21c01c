"""Integer and float arithmetic with the checks of a debug build (overflow panics), and `as` casts."""

from __future__ import annotations

import math
import struct

from whiteboard.model import types as T

OVERFLOW_VERB = {
    "+": "add",
    "-": "subtract",
    "*": "multiply",
    "/": "divide",
    "%": "calculate the remainder",
    "<<": "shift left",
    ">>": "shift right",
}


class ArithPanic(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def to_f32(x: float) -> float:
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def int_to_f32(value: int) -> float:
    """`n as f32` rounds once, to nearest even; going through f64 first would round twice (u64 values above 2^53)."""
    magnitude = abs(value)
    extra = magnitude.bit_length() - 24  # f32 keeps 24 significant bits
    if extra > 0:
        mantissa, rest = magnitude >> extra, magnitude & ((1 << extra) - 1)
        half = 1 << (extra - 1)
        if rest > half or (rest == half and mantissa & 1):
            mantissa += 1
        magnitude = mantissa << extra
    return to_f32(float(-magnitude if value < 0 else magnitude))


def int_binary(op: str, a: int, b: int, ty: T.Int) -> int:
    if op == "+":
        r = a + b
    elif op == "-":
        r = a - b
    elif op == "*":
        r = a * b
    elif op in ("/", "%"):
        if b == 0:
            raise ArithPanic(
                "attempt to divide by zero"
                if op == "/"
                else "attempt to calculate the remainder with a divisor of zero"
            )
        q = abs(a) // abs(b)
        if (a < 0) != (b < 0):
            q = -q  # Rust's division truncates toward zero
        if ty.signed and a == ty.min and b == -1:
            raise ArithPanic(
                "attempt to divide with overflow" if op == "/" else "attempt to calculate the remainder with overflow"
            )
        return q if op == "/" else a - b * q
    elif op in ("<<", ">>"):
        if b < 0 or b >= ty.bits:
            raise ArithPanic(f"attempt to {OVERFLOW_VERB[op]} with overflow")
        if op == ">>":
            return a >> b
        return wrap(a << b, ty)  # shl never panics for bits shifted out, only for the shift amount
    elif op == "&":
        return a & b
    elif op == "|":
        return a | b
    elif op == "^":
        return a ^ b
    else:
        raise ValueError(op)
    if r < ty.min or r > ty.max:
        raise ArithPanic(f"attempt to {OVERFLOW_VERB[op]} with overflow")
    return r


def wrap(value: int, ty: T.Int) -> int:
    value &= (1 << ty.bits) - 1
    if ty.signed and value > ty.max:
        value -= 1 << ty.bits
    return value


def float_binary(op: str, a: float, b: float, ty: T.Float) -> float:
    if op == "+":
        r = a + b
    elif op == "-":
        r = a - b
    elif op == "*":
        r = a * b
    elif op == "/":
        if b == 0:
            r = math.nan if a == 0 or math.isnan(a) else math.copysign(math.inf, a) * math.copysign(1, b)
        else:
            r = a / b
    elif op == "%":
        r = math.nan if b == 0 or math.isinf(a) or math.isnan(a) or math.isnan(b) else math.fmod(a, b)
    else:
        raise ValueError(op)
    return to_f32(r) if ty.name == "f32" else r


def compare(op: str, a, b) -> bool:
    if op == "==":
        return a == b
    if op == "!=":
        return a != b
    if op == "<":
        return a < b
    if op == "<=":
        return a <= b
    if op == ">":
        return a > b
    return a >= b


def cast(value, src: T.Ty, dst: T.Ty):
    """`value as dst`, as Rust defines it: integers wrap, floats to integers saturate (NaN → 0)."""
    if isinstance(dst, T.Int):
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, str):
            return wrap(ord(value), dst)
        if isinstance(value, float):
            if math.isnan(value):
                return 0
            if math.isinf(value):
                return dst.max if value > 0 else dst.min
            return max(dst.min, min(dst.max, int(value)))
        return wrap(value, dst)
    if isinstance(dst, T.Float):
        if isinstance(value, str):
            value = ord(value)
        if dst.name == "f32" and isinstance(value, int) and not isinstance(value, bool):
            return int_to_f32(value)
        value = float(value)
        return to_f32(value) if dst.name == "f32" else value
    if isinstance(dst, T.Char):
        return chr(value) if isinstance(value, int) else value
    if isinstance(dst, T.Bool):
        return bool(value)
    return value
