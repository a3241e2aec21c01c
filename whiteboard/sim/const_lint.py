"""rustc's deny-by-default lints `arithmetic_overflow` and `unconditional_panic`.

rustc propagates constants through literals, consts and immutable locals (not `let mut`, not parameters) and
refuses to compile an operation that is bound to overflow, divide by zero or index past the end of an array. A
teaching program like `let x: u8 = 255; let y = x + 1;` therefore never runs: it is a compile error. This pass does
the same propagation on the syntax tree and reports the same errors.
"""

from __future__ import annotations

from whiteboard.model import syntax as S
from whiteboard.model import types as T
from whiteboard.model.diagnostics import CompileError, Diagnostic, Label
from whiteboard.model.typeck_items import iter_nodes
from whiteboard.sim.frames import _children

_VERB = {"+": "+", "-": "-", "*": "*"}


def const_lint(program: S.Program, info) -> None:
    linter = _Linter(info)
    for node in iter_nodes(program):
        if isinstance(node, S.FnDef):
            linter.walk(node.body)
    if linter.diagnostics:
        raise CompileError(linter.diagnostics)


class _Linter:
    def __init__(self, info) -> None:
        self.info = info
        self.known: dict[int, int | bool] = {}  # immutable local (PIdent id) -> its constant value
        self.diagnostics: list[Diagnostic] = []
        self.noted: set[str] = set()

    def walk(self, node) -> None:
        """Visit what rustc's lint visits: code not ruled out by a condition it knows (`if false { … }` and the
        `else` of `if count == 0` with `count` known to be 0 are skipped, as rustc skips unreachable blocks)."""
        if isinstance(node, S.Let) and isinstance(node.pattern, S.PIdent) and not node.pattern.mutable:
            if node.init is not None:
                self.walk(node.init)
                value = self.value(node.init)
                if value is None:
                    value = self.truth(node.init)
                if value is not None:
                    self.known[node.pattern.id] = value
            return
        if isinstance(node, (S.If, S.While)) and not isinstance(node.cond, S.LetCond):
            self.walk(node.cond)
            known = self.truth(node.cond)
            if known is not False:
                self.walk(node.then if isinstance(node, S.If) else node.body)
            if isinstance(node, S.If) and node.orelse is not None and known is not True:
                self.walk(node.orelse)
            return
        if isinstance(node, S.Match):
            self.walk(node.scrutinee)
            if self.value(node.scrutinee) is None and self.truth(node.scrutinee) is None:
                for arm in node.arms:  # which arm runs is unknown, so every arm is reachable
                    self.walk(arm.body)
            return
        if isinstance(node, (S.FnDef, S.ItemStmt)):
            return
        if isinstance(node, S.Binary):
            self.check_binary(node)
        elif isinstance(node, S.Unary) and node.op == "-":
            self.check_negation(node)
        elif isinstance(node, S.Index):
            self.check_index(node)
        for child in _children(node):
            self.walk(child)

    def truth(self, e) -> bool | None:
        """The compile-time value of a bool expression, if known."""
        if isinstance(e, S.Lit) and e.kind == "bool":
            return e.value
        if isinstance(e, S.Path):
            res = self.info.resolutions.get(e.id)
            known = self.known.get(res[1]) if res and res[0] == "local" else None
            return known if isinstance(known, bool) else None
        if isinstance(e, S.Unary) and e.op == "!":
            inner = self.truth(e.expr)
            return None if inner is None else not inner
        if isinstance(e, S.Binary) and e.op in ("==", "!=", "<", "<=", ">", ">="):
            left, right = self.value(e.lhs), self.value(e.rhs)
            if left is None or right is None:
                return None
            return {
                "==": left == right,
                "!=": left != right,
                "<": left < right,
                "<=": left <= right,
                ">": left > right,
                ">=": left >= right,
            }[e.op]
        return None

    def value(self, e) -> int | None:
        """The compile-time integer value of `e`, if rustc's propagation would know it."""
        ty = self.info.expr_types.get(e.id)
        if not isinstance(ty, T.Int):
            return None
        if isinstance(e, S.Lit) and e.kind in ("int", "byte"):
            return e.value
        if isinstance(e, S.Path):
            res = self.info.resolutions.get(e.id)
            if res and res[0] == "local":
                known = self.known.get(res[1])
                return None if isinstance(known, bool) else known
            if res and res[0] == "const":
                const = self.info.consts.get(res[1])
                return self.value(const.value) if const is not None else None
            if res and res[0] == "std" and res[1].endswith(("::MAX", "::MIN")):
                return ty.max if res[1].endswith("MAX") else ty.min
            return None
        if isinstance(e, S.Unary) and e.op == "-":
            inner = self.value(e.expr)
            return -inner if inner is not None and ty.min <= -inner <= ty.max else None
        if isinstance(e, S.Binary) and e.op in ("+", "-", "*"):
            left, right = self.value(e.lhs), self.value(e.rhs)
            if left is None or right is None:
                return None
            result = {"+": left + right, "-": left - right, "*": left * right}[e.op]
            return result if ty.min <= result <= ty.max else None
        return None

    def check_negation(self, e: S.Unary) -> None:
        ty = self.info.expr_types.get(e.id)
        if isinstance(ty, T.Int) and ty.signed and self.value(e.expr) == ty.min:
            self.report(
                "this arithmetic operation will overflow",
                e.span,
                f"attempt to negate `{_literal(ty.min, ty)}`, which would overflow",
                "arithmetic_overflow",
            )

    def check_binary(self, e: S.Binary) -> None:
        ty = self.info.expr_types.get(e.lhs.id)
        if not isinstance(ty, T.Int):
            return
        if e.op in ("<<", ">>"):
            amount, amount_ty = self.value(e.rhs), self.info.expr_types.get(e.rhs.id)
            if amount is not None and not 0 <= amount < ty.bits:
                side = "left" if e.op == "<<" else "right"
                self.report(
                    "this arithmetic operation will overflow",
                    e.span,
                    f"attempt to shift {side} by `{_literal(amount, amount_ty)}`, which would overflow",
                    "arithmetic_overflow",
                )
            return
        if e.op not in ("+", "-", "*", "/", "%"):
            return
        left, right = self.value(e.lhs), self.value(e.rhs)
        if e.op in ("/", "%") and ty.signed and left == ty.min and right == -1:
            what = "compute" if e.op == "/" else "compute the remainder of"
            self.report(
                "this operation will panic at runtime",
                e.span,
                f"attempt to {what} `{_literal(left, ty)} {e.op} {_literal(right, ty)}`, which would overflow",
                "unconditional_panic",
            )
            return
        if e.op in ("/", "%") and right == 0:
            what = "divide" if e.op == "/" else "calculate the remainder of"
            middle = "by zero" if e.op == "/" else "with a divisor of zero"
            shown = _literal(left, ty) if left is not None else "_"
            self.report(
                "this operation will panic at runtime",
                e.span,
                f"attempt to {what} `{shown}` {middle}",
                "unconditional_panic",
            )
            return
        if left is None or right is None or e.op not in _VERB:
            return
        result = {"+": left + right, "-": left - right, "*": left * right}[e.op]
        if not ty.min <= result <= ty.max:
            self.report(
                "this arithmetic operation will overflow",
                e.span,
                f"attempt to compute `{_literal(left, ty)} {e.op} {_literal(right, ty)}`, which would overflow",
                "arithmetic_overflow",
            )

    def check_index(self, e: S.Index) -> None:
        base = self.info.expr_types.get(e.expr.id)
        while isinstance(base, T.Ref):
            base = base.inner
        if not isinstance(base, T.Array):
            return
        index = self.value(e.index)
        if index is not None and index >= base.length:
            self.report(
                "this operation will panic at runtime",
                e.span,
                f"index out of bounds: the length is {base.length} but the index is {index}",
                "unconditional_panic",
            )

    def report(self, message: str, span: tuple, label: str, lint: str) -> None:
        notes = () if lint in self.noted else (f"`#[deny({lint})]` on by default",)
        self.noted.add(lint)
        self.diagnostics.append(Diagnostic(None, message, (Label(span, label, True),), notes))


def _literal(value: int, ty: T.Int) -> str:
    if value == ty.max:
        return f"{ty.name}::MAX"
    if value == ty.min and ty.signed:
        return f"{ty.name}::MIN"
    return f"{value}_{ty.name}"
