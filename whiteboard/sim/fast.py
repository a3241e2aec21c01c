"""A fast path for simple expressions: literals, Copy locals, constants and arithmetic or comparisons on them.

Such expressions can neither call user code, move, drop nor allocate, so they need no generator: they are compiled
once into plain Python closures. Hot loops (`while i < n { …; i += 1; }`) spend most of their time here.
"""

from __future__ import annotations

from whiteboard.model import syntax as S
from whiteboard.model import types as T
from whiteboard.sim.arith import ArithPanic, compare, float_binary, int_binary, to_f32

_COMPARE = frozenset(("==", "!=", "<", "<=", ">", ">="))
_ARITH = frozenset(("+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"))
_SCALARS = (T.Int, T.Float, T.Bool, T.Char)


def compile_simple(interp, e, operand: bool = False):
    """A closure computing `e`, or None when `e` is not simple. A bare local is simple only as an operand of
    arithmetic, or when nothing is recorded: `let b = a;` must stay visible as a copy in a trace."""
    ty = interp.expr_types.get(e.id)
    if not isinstance(ty, _SCALARS):
        return None
    if isinstance(e, S.Lit) and e.kind in ("int", "float", "bool", "char", "byte"):
        value = e.value
        if isinstance(ty, T.Float):
            value = to_f32(float(value)) if ty.name == "f32" else float(value)
        return lambda: value
    if isinstance(e, S.Path):
        res = interp.resolutions.get(e.id)
        if res is None or res[0] != "local" or e.segments == ("self",):
            return None
        if not operand and interp.recorder is not None:
            return None
        binding = res[1]
        frames = interp.frames

        return lambda: frames[-1].slots[binding].cell[0]
    if isinstance(e, S.Binary) and (e.op in _COMPARE or e.op in _ARITH):
        left_ty = interp.expr_types.get(e.lhs.id)
        if not isinstance(left_ty, _SCALARS) or e.op == "&&" or e.op == "||":
            return None
        left, right = compile_simple(interp, e.lhs, True), compile_simple(interp, e.rhs, True)
        if left is None or right is None:
            return None
        op = e.op
        if op in _COMPARE:
            return lambda: compare(op, left(), right())
        if isinstance(left_ty, T.Int):

            def arith():
                try:
                    return int_binary(op, left(), right(), left_ty)
                except ArithPanic as err:
                    raise interp.panic(err.message, e.span) from None

            return arith
        if isinstance(left_ty, T.Float):
            return lambda: float_binary(op, left(), right(), left_ty)
        return None
    return None


def compile_simple_stmt(interp, stmt):
    """`i += 1;` / `x = y * 2;` on a scalar local with a simple right side, as one closure; None otherwise. Only
    for plain runs: a recorded run goes the long way, which reports the write to the view."""
    if interp.recorder is not None or not isinstance(stmt, S.ExprStmt) or not isinstance(stmt.expr, S.Assign):
        return None
    assign = stmt.expr
    target = assign.target
    if not isinstance(target, S.Path) or target.segments == ("self",):
        return None
    res = interp.resolutions.get(target.id)
    ty = interp.expr_types.get(target.id)
    if res is None or res[0] != "local" or not isinstance(ty, _SCALARS):
        return None
    value = compile_simple(interp, assign.value, True)
    if value is None:
        return None
    binding, frames, op = res[1], interp.frames, assign.op
    if op is None:

        def store():
            frames[-1].slots[binding].cell[0] = value()

        return store
    if isinstance(ty, T.Int):

        def update_int():
            rhs = value()  # the right side first, as rustc does for primitive compound assignment
            cell = frames[-1].slots[binding].cell
            try:
                cell[0] = int_binary(op, cell[0], rhs, ty)
            except ArithPanic as err:
                raise interp.panic(err.message, assign.span) from None

        return update_int
    if isinstance(ty, T.Float):

        def update_float():
            rhs = value()
            cell = frames[-1].slots[binding].cell
            cell[0] = float_binary(op, cell[0], rhs, ty)

        return update_float
    return None


_MISSING = object()


class FastMixin:
    def simple_stmt(self, stmt):
        """The compiled closure for a simple assignment statement, or None (cached per node)."""
        cache = self.simple_cache
        f = cache.get(stmt.id, _MISSING)
        if f is _MISSING:
            f = cache[stmt.id] = compile_simple_stmt(self, stmt)
        return f

    def simple(self, e):
        """The compiled closure for `e` if it is simple, else None (cached per node)."""
        cache = self.simple_cache
        f = cache.get(e.id, _MISSING)
        if f is _MISSING:
            f = cache[e.id] = compile_simple(self, e)
        return f
