"""Type checking of one function body (or constant initialiser): the checker's state, statements, blocks, control
flow and coercions. Expressions, paths, methods, patterns and macros are checked by the mixins this class combines,
the way rustc splits its `FnCtxt` over several files.

Inference is rustc's: one unification table per body, expressions checked in source order with the expected type
passed down, method calls resolved when they are reached (so the receiver's type must be known by then), and
integer/float literal variables defaulted to i32/f64 once the whole body has been seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whiteboard.model import syntax as ast
from whiteboard.model.syntax import Span
from whiteboard.model.typeck_env import Coercion, Env, Local, Tables
from whiteboard.model.typeck_errors import error, mismatched
from whiteboard.model.typeck_exprs import ExprChecks
from whiteboard.model.typeck_finish import finish_body
from whiteboard.model.typeck_infer import InferTable, UnifyError
from whiteboard.model.typeck_macros import MacroChecks
from whiteboard.model.typeck_methods import MethodChecks, autoderef_steps
from whiteboard.model.typeck_paths import PathChecks
from whiteboard.model.typeck_patterns import PatternChecks
from whiteboard.model.types import BOOL, NEVER, UNIT, Adt, Array, Never, RawPtr, Ref, Slice, Ty

# Headlines of unsatisfied trait obligations, by trait (`{ty}` is the type); others use the generic wording.
_TRAIT_MESSAGES = {
    "Display": "`{ty}` doesn't implement `std::fmt::Display`",
    "Debug": "`{ty}` doesn't implement `Debug`",
}


@dataclass(frozen=True, slots=True)
class Obligation:
    ty: Ty
    trait: str
    span: Span
    message: str | None
    code: str

    def error(self, ty: Ty) -> Exception:
        template = self.message or _TRAIT_MESSAGES.get(
            self.trait, f"the trait bound `{{ty}}: {self.trait}` is not satisfied"
        )
        return error(self.code, template.format(ty=ty), self.span)


@dataclass
class LoopCx:
    node: ast.Loop | ast.While | ast.For
    break_ty: Ty | None  # what `break value` must give; None for `while` and `for`, which cannot break a value
    broke: bool = False


class BodyChecker(ExprChecks, PathChecks, MethodChecks, PatternChecks, MacroChecks):
    def __init__(self, env: Env, ret: Ty, owner: str | None = None, self_local: Local | None = None):
        self.env = env
        self.owner = owner  # the impl's type, which `Self` names
        self.items = env.items
        self.table = InferTable()
        self.out = Tables()  # this body's results, still holding inference variables until `finish`
        self.scopes: list[dict[str, Local]] = [{"self": self_local} if self_local else {}]
        self.ret = ret
        self.loops: list[LoopCx] = []
        self.unsafe_depth = 0
        # Checks that need the final types: trait obligations, casts, integer literals to range-check.
        self.obligations: list[Obligation] = []
        self.casts: list[ast.Cast] = []
        self.int_literals: list[ast.Lit] = []
        self.negated_literals: dict[int, Span] = {}  # integer literals written with a minus: id -> span with it
        self.lets: list[ast.Let] = []
        self.matches: list[tuple[ast.Match, Ty]] = []  # to check for exhaustiveness
        self.irrefutable: list[tuple[ast.Pattern, Ty, str]] = []  # patterns that must match every value
        self.expr_nodes: dict[int, ast.Node] = {}  # for the spans of errors found after the walk

    # ---------------------------------------------------------------------------------------------- entry points

    def check_fn(self, fn: ast.FnDef, params: list[Ty]) -> None:
        for param, ty in zip(fn.params, params, strict=True):
            self.bind_pattern(param.pattern, ty, "function argument")
        body_ty = self.check_expr(fn.body, self.ret)
        if fn.body.tail is None and not isinstance(self.resolve(body_ty), Never) and self.ret != UNIT:
            raise error(
                "E0308",
                "mismatched types",
                self.env.text.return_type(fn) or fn.span,
                f"expected `{self.ret}`, found `()`",
                ("implicitly returns `()` as its body has no tail or `return` expression",),
            )
        self.coerce(fn.body, body_ty, self.ret)
        finish_body(self)

    def check_value(self, expr: ast.Node, ty: Ty) -> None:
        """A constant's or static's initialiser, or an enum discriminant."""
        self.check_coerced(expr, ty)
        finish_body(self)

    # ------------------------------------------------------------------------------------------------- basics

    def check_expr(self, expr: ast.Node, expected: Ty | None = None) -> Ty:
        return self.record(expr, getattr(self, "check_" + type(expr).__name__)(expr, expected))

    def record(self, expr: ast.Node, ty: Ty) -> Ty:
        self.out.expr_types[expr.id] = ty
        self.expr_nodes[expr.id] = expr
        return ty

    def check_coerced(self, expr: ast.Node, target: Ty, message: str = "mismatched types") -> Ty:
        self.coerce(expr, self.check_expr(expr, target), target, message)
        return target

    def check_arguments(self, args: list[ast.Node], params: tuple[Ty, ...], ret: Ty, expected: Ty | None) -> None:
        """Check call arguments. As rustc does, each argument is coerced to the parameter type the expected result
        implies when there is one (`let b: Box<&str> = Box::new(&s)` coerces `&s` to `&str`), then that type must
        fit the parameter."""
        for arg, param, implied in zip(args, params, self._implied_params(params, ret, expected), strict=True):
            self.check_coerced(arg, implied)
            if implied is not param:
                self.unify_or_mismatch(arg.span, param, implied)

    def _implied_params(self, params: tuple[Ty, ...], ret: Ty, expected: Ty | None) -> tuple[Ty, ...]:
        """The parameter types if `ret` were `expected` (rustc's `expected_inputs_for_expected_output`); the
        table is left as it was."""
        if expected is None:
            return params
        snap = self.table.snapshot()
        try:
            self.table.unify(ret, expected)
            implied = tuple(self.resolve(p) for p in params)
        except UnifyError:
            implied = params
        self.table.rollback(snap)
        return tuple(p if i == p else i for p, i in zip(params, implied, strict=True))

    def resolve(self, ty: Ty) -> Ty:
        return self.table.resolve(ty)

    def unify_or_mismatch(
        self, span: Span, expected: Ty, found: Ty, message: str = "mismatched types", code: str = "E0308"
    ) -> None:
        try:
            self.table.unify(expected, found)
        except UnifyError:
            raise mismatched(span, self.resolve(expected), self.resolve(found), message, code) from None

    def lookup_local(self, name: str) -> Local | None:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return None

    def require(self, ty: Ty, trait: str, span: Span, message: str | None = None, code: str = "E0277") -> None:
        """Require `ty` to implement `trait`. A type that cannot implement it whatever its inference variables
        become fails at once (and is named with them, `Vec<{integer}>`, as rustc does); the rest is checked when
        the body's types are final. `message` (with `{ty}` for the type) replaces the trait's usual headline."""
        obligation = Obligation(ty, trait, span, message, code)
        if not self.env.traits.implements(self.resolve(ty), trait):
            raise obligation.error(self.resolve(ty))
        self.obligations.append(obligation)

    # ----------------------------------------------------------------------------------------------- coercion

    def coerce(
        self,
        expr: ast.Node,
        actual: Ty,
        target: Ty,
        message: str = "mismatched types",
        code: str = "E0308",
        span: Span | None = None,
    ) -> None:
        """Make `actual` fit where `target` is expected, as rustc's coercion sites do: `!` to anything, `&mut T` to
        `&T`, `&T` to `*const T`, and deref / unsizing coercions (`&String` to `&str`, `&Vec<T>` and `&[T; N]` to
        `&[T]`, `&Box<T>` to `&T`)."""
        found, wanted = self.table.shallow(actual), self.table.shallow(target)
        if isinstance(found, Never):
            return
        span = span or _value_node(expr).span  # rustc blames a block's tail expression
        if isinstance(found, Ref) and isinstance(wanted, (Ref, RawPtr)):
            if wanted.mutable and not found.mutable:
                raise mismatched(span, self.resolve(wanted), self.resolve(found), message, code)
            if self._coerce_pointee(expr, found, wanted):
                return
        self.unify_or_mismatch(span, target, actual, message, code)

    def _coerce_pointee(self, expr: ast.Node, found: Ref, wanted: Ref | RawPtr) -> bool:
        """Try the pointee and, for a reference target, each type it derefs to, then the slice an array unsizes to;
        the first that unifies with the target's pointee wins (rustc's `coerce_borrowed_pointer`)."""
        if isinstance(wanted, RawPtr):
            candidates = [(found.inner, 0, False)]
        else:
            candidates = [(ty, derefs, False) for derefs, ty in enumerate(autoderef_steps(self, found.inner))]
            last, derefs, _ = candidates[-1]
            if isinstance(last, Array):
                candidates.append((Slice(last.elem), derefs, True))
        for step, derefs, unsize in candidates:
            if self.table.try_unify(step, wanted.inner):
                if derefs or unsize or found.mutable != wanted.mutable or isinstance(wanted, RawPtr):
                    self.out.coercions[_value_node(expr).id] = Coercion(wanted, derefs, unsize)
                return True
        return False

    def coerce_branches(self, branches: list[tuple[ast.Node, Ty]], expected: Ty | None, message: str) -> Ty:
        """The common type of `if`/`else` branches or `match` arms; `!` branches fit any type."""
        live = [(node, ty) for node, ty in branches if not isinstance(self.table.shallow(ty), Never)]
        if not live:
            return NEVER
        result = expected if expected is not None else live[0][1]
        for node, ty in live:
            self.coerce(node, ty, result, message)
        return result

    # ------------------------------------------------------------------------------------------ blocks, statements

    def check_Block(self, block: ast.Block, expected: Ty | None) -> Ty:
        self.scopes.append({})
        self.unsafe_depth += block.unsafe
        try:
            diverges = False
            for stmt in block.stmts:
                diverges |= self._check_stmt(stmt)
            if block.tail is not None:
                return self.check_expr(block.tail, expected)
            return NEVER if diverges else UNIT
        finally:
            self.unsafe_depth -= block.unsafe
            self.scopes.pop()

    def _check_stmt(self, stmt: ast.Stmt) -> bool:
        """Check one statement; say whether it always diverges (a `return`, `panic!`, `loop {}` …)."""
        if isinstance(stmt, ast.ItemStmt):
            return False  # nested items are collected and checked as top-level ones
        if isinstance(stmt, ast.Let):
            return self._check_let(stmt)
        if stmt.semi:
            ty = self.check_expr(stmt.expr)
        else:
            # A block-like expression statement without `;` (`if c { 1 } else { 2 }` mid-block) must be `()`.
            ty = self.check_coerced(stmt.expr, UNIT)
        return isinstance(self.table.shallow(ty), Never)

    def _check_let(self, let: ast.Let) -> bool:
        declared = self.env.lower(let.ty, let.span, self.self_ty()) if let.ty is not None else None
        if let.init is None:
            ty = declared if declared is not None else self.table.fresh()
        elif declared is not None:
            ty = self.check_coerced(let.init, declared)
        else:
            ty = self.check_expr(let.init)
        if let.else_block is not None:
            else_ty = self.check_expr(let.else_block)
            if not isinstance(self.table.shallow(else_ty), Never):
                raise error(
                    "E0308",
                    "`else` clause of `let...else` does not diverge",
                    let.else_block.span,
                    f"expected `!`, found `{self.resolve(else_ty)}`",
                )
        self.out.let_types[let.id] = ty
        self.lets.append(let)
        self.bind_pattern(let.pattern, ty, None if let.else_block is not None else "local binding")
        return let.init is not None and isinstance(self.table.shallow(self.out.expr_types[let.init.id]), Never)

    def bind_pattern(self, pattern: ast.Pattern, ty: Ty, irrefutable_in: str | None = None) -> None:
        """Check `pattern` against `ty` and bring its bindings into the innermost scope."""
        for name, local in self.check_pattern(pattern, ty, irrefutable_in).items():
            self.scopes[-1][name] = local

    def self_ty(self) -> Adt | None:
        return Adt(self.owner) if self.owner is not None else None

    # ------------------------------------------------------------------------------------------- control flow

    def check_If(self, node: ast.If, expected: Ty | None) -> Ty:
        self.scopes.append({})  # `if let` bindings are visible in the `then` block only
        try:
            self.check_coerced(node.cond, BOOL)
            then_ty = self.check_expr(node.then, expected)
        finally:
            self.scopes.pop()
        if node.orelse is None:
            self.coerce(node.then, then_ty, UNIT, "`if` may be missing an `else` clause", "E0317", node.span)
            return UNIT
        else_ty = self.check_expr(node.orelse, expected)
        branches = [(node.then, then_ty), (node.orelse, else_ty)]
        return self.coerce_branches(branches, expected, "`if` and `else` have incompatible types")

    def check_LetCond(self, cond: ast.LetCond, expected: Ty | None) -> Ty:
        self.bind_pattern(cond.pattern, self.check_expr(cond.expr))
        return BOOL

    def check_Match(self, node: ast.Match, expected: Ty | None) -> Ty:
        scrutinee = self.check_expr(node.scrutinee)
        branches = []
        for arm in node.arms:
            self.scopes.append({})
            try:
                self.bind_pattern(arm.pattern, scrutinee)
                if arm.guard is not None:
                    self.check_coerced(arm.guard, BOOL)
                branches.append((arm.body, self.check_expr(arm.body, expected)))
            finally:
                self.scopes.pop()
        self.matches.append((node, scrutinee))
        return self.coerce_branches(branches, expected, "`match` arms have incompatible types")

    def check_Loop(self, node: ast.Loop, expected: Ty | None) -> Ty:
        cx = LoopCx(node, expected if expected is not None else self.table.fresh())
        self._loop_body(cx, node.body)
        return cx.break_ty if cx.broke else NEVER

    def check_While(self, node: ast.While, expected: Ty | None) -> Ty:
        self.scopes.append({})  # `while let` bindings
        try:
            self.check_coerced(node.cond, BOOL)
            self._loop_body(LoopCx(node, None), node.body)
        finally:
            self.scopes.pop()
        return UNIT

    def check_For(self, node: ast.For, expected: Ty | None) -> Ty:
        item = self.iterator_item(node.iter, self.check_expr(node.iter))
        self.scopes.append({})
        try:
            self.bind_pattern(node.pattern, item, "`for` loop binding")
            self._loop_body(LoopCx(node, None), node.body)
        finally:
            self.scopes.pop()
        return UNIT

    def _loop_body(self, cx: LoopCx, body: ast.Block) -> None:
        self.loops.append(cx)
        try:
            self.check_coerced(body, UNIT)
        finally:
            self.loops.pop()

    def check_Break(self, node: ast.Break, expected: Ty | None) -> Ty:
        cx = self._loop_target(node, node.label)
        cx.broke = True
        if node.value is not None:
            if cx.break_ty is None:
                kind = "while" if isinstance(cx.node, ast.While) else "for"
                raise error(
                    "E0571",
                    f"`break` with value from a `{kind}` loop",
                    node.span,
                    "can only break with a value inside `loop` or breakable block",
                )
            self.check_coerced(node.value, cx.break_ty)
        elif cx.break_ty is not None:
            self.coerce(node, UNIT, cx.break_ty)
        return NEVER

    def check_Continue(self, node: ast.Continue, expected: Ty | None) -> Ty:
        self._loop_target(node, node.label)
        return NEVER

    def _loop_target(self, node: ast.Break | ast.Continue, label: str | None) -> LoopCx:
        word = "break" if isinstance(node, ast.Break) else "continue"
        if label is None:
            if not self.loops:
                where = "a loop or labeled block" if word == "break" else "a loop"
                raise error("E0268", f"`{word}` outside of {where}", node.span, f"cannot `{word}` outside of {where}")
            return self.loops[-1]
        for cx in reversed(self.loops):
            if cx.node.label == label:
                return cx
        written = self.env.text.find(re.escape(label), node.span[:2], node.span[2:])
        raise error("E0426", f"use of undeclared label `{label}`", written or node.span, f"undeclared label `{label}`")

    def check_Return(self, node: ast.Return, expected: Ty | None) -> Ty:
        if node.value is not None:
            self.check_coerced(node.value, self.ret)
        elif self.ret != UNIT:
            raise error(
                "E0069", "`return;` in a function whose return type is not `()`", node.span, "return type is not `()`"
            )
        return NEVER


def _value_node(expr: ast.Node) -> ast.Node:
    """The expression whose value a coercion converts: a block's value is its tail's, as rustc adjusts the tail."""
    while isinstance(expr, ast.Block) and expr.tail is not None:
        expr = expr.tail
    return expr
