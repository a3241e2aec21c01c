"""Operators: arithmetic, bitwise, shifts, comparisons, lazy boolean operators, compound assignment, unary ops.

Only the built-in operator impls exist in the subset, plus `String + &str`. As in std, arithmetic accepts one level
of reference on either side (`&i32 + i32` is `i32`), both operands must have the same type (shifts excepted: their
right side is any integer), and the result has the left operand's type.
"""

from __future__ import annotations

import re

from whiteboard.model import syntax as ast
from whiteboard.model.syntax import Span
from whiteboard.model.typeck_errors import error
from whiteboard.model.typeck_methods import deref_once
from whiteboard.model.types import (
    BOOL,
    STR_REF,
    STRING,
    UNIT,
    Adt,
    Array,
    Bool,
    Float,
    Int,
    RawPtr,
    Ref,
    Slice,
    Str,
    Ty,
    Var,
)

ARITHMETIC = frozenset({"+", "-", "*", "/", "%"})
BITWISE = frozenset({"&", "|", "^"})
SHIFTS = frozenset({"<<", ">>"})
EQUALITY = frozenset({"==", "!="})
ORDERING = frozenset({"<", "<=", ">", ">="})
LAZY = frozenset({"&&", "||"})

# How rustc words "cannot add `f64` to `i32`" for each operator (the operator traits' `on_unimplemented` messages).
_CANNOT = {
    "+": "cannot add `{r}` to `{l}`",
    "-": "cannot subtract `{r}` from `{l}`",
    "*": "cannot multiply `{l}` by `{r}`",
    "/": "cannot divide `{l}` by `{r}`",
    "%": "cannot calculate the remainder of `{l}` divided by `{r}`",
    "&": "no implementation for `{l} & {r}`",
    "|": "no implementation for `{l} | {r}`",
    "^": "no implementation for `{l} ^ {r}`",
    "<<": "no implementation for `{l} << {r}`",
    ">>": "no implementation for `{l} >> {r}`",
}
_CANNOT_ASSIGN = {
    "+": "cannot add-assign `{r}` to `{l}`",
    "-": "cannot subtract-assign `{r}` from `{l}`",
    "*": "cannot multiply-assign `{l}` by `{r}`",
    "/": "cannot divide-assign `{l}` by `{r}`",
    "%": "cannot calculate and assign the remainder of `{l}` divided by `{r}`",
    "&": "no implementation for `{l} &= {r}`",
    "|": "no implementation for `{l} |= {r}`",
    "^": "no implementation for `{l} ^= {r}`",
    "<<": "no implementation for `{l} <<= {r}`",
    ">>": "no implementation for `{l} >>= {r}`",
}


# `Add`'s own wording when both sides are unsuffixed literals of different kinds.
_ADD_LITERALS = {
    ("int", "float"): "cannot add a float to an integer",
    ("float", "int"): "cannot add an integer to a float",
}


def _literal_kind(ty: Ty) -> str | None:
    return ty.kind if isinstance(ty, Var) else None


def _is_string(ty: Ty) -> bool:
    return isinstance(ty, Adt) and ty.name == "String"


def _category(ty: Ty) -> str | None:
    """ "int" / "float" for numbers (known or literal), "bool", or None."""
    if isinstance(ty, Int) or isinstance(ty, Var) and ty.kind == "int":
        return "int"
    if isinstance(ty, Float) or isinstance(ty, Var) and ty.kind == "float":
        return "float"
    return "bool" if isinstance(ty, Bool) else None


class OperatorChecks:
    def check_Binary(self, node: ast.Binary, expected: Ty | None) -> Ty:
        if node.op in LAZY:
            self.check_coerced(node.lhs, BOOL)
            self.check_coerced(node.rhs, BOOL)
            return BOOL
        lhs = self.check_expr(node.lhs)
        if node.op == "+" and _is_string(self.table.shallow(lhs)):
            self.check_coerced(node.rhs, STR_REF)  # `String + &str`; `s + &t` deref-coerces `&String`
            return STRING
        rhs = self.check_expr(node.rhs)
        if node.op in EQUALITY or node.op in ORDERING:
            self.compare(node.op, node.op_span, node.rhs.span, lhs, rhs)
            return BOOL
        return self._arithmetic(node, node.rhs, lhs, rhs, _CANNOT)

    def _operand(self, ty: Ty) -> Ty:
        """Strip the one reference std's operator impls accept (`&i32 + i32`)."""
        ty = self.table.shallow(ty)
        if isinstance(ty, Ref) and _category(self.table.shallow(ty.inner)) is not None:
            return self.table.shallow(ty.inner)
        return ty

    def _arithmetic(
        self, node: ast.Binary | ast.Assign, rhs_node: ast.Node, lhs: Ty, rhs: Ty, messages: dict[str, str]
    ) -> Ty:
        op = node.op
        left, right = self._operand(lhs), self._operand(rhs)
        left_cat, right_cat = _category(left), _category(right)
        allowed = ("int",) if op in SHIFTS else ("int", "bool") if op in BITWISE else ("int", "float")
        if isinstance(left, Var) and not left.kind:
            self.unify_or_mismatch(rhs_node.span, left, right)
            return left
        if left_cat not in allowed:
            assign = messages is _CANNOT_ASSIGN
            message = (
                f"binary assignment operation `{op}=` cannot be applied to type `{self.resolve(lhs)}`"
                if assign
                else messages[op].format(l=self.resolve(lhs), r=self.resolve(rhs))
            )
            raise error("E0368" if assign else "E0369", message, self._operator_span(node))
        if op in SHIFTS:
            if right_cat != "int":
                raise self._no_impl(node, op, lhs, rhs, messages)
            return left
        if right_cat is not None and right_cat != left_cat:
            raise self._no_impl(node, op, lhs, rhs, messages)
        self.unify_or_mismatch(rhs_node.span, left, right)
        return left

    def _no_impl(self, node: ast.Node, op: str, lhs: Ty, rhs: Ty, messages: dict[str, str]) -> Exception:
        message = messages[op].format(l=self.resolve(lhs), r=self.resolve(rhs))
        literals = (_literal_kind(self.resolve(lhs)), _literal_kind(self.resolve(rhs)))
        if op == "+" and messages is _CANNOT and literals in _ADD_LITERALS:
            message = _ADD_LITERALS[literals]
        return error(
            "E0277",
            message,
            self._operator_span(node),
            f"no implementation for `{self.resolve(lhs)} {op} {self.resolve(rhs)}`",
        )

    def _operator_span(self, node: ast.Binary | ast.Assign) -> Span:
        """rustc points at the operator; a compound assignment's is found after its target."""
        if isinstance(node, ast.Binary):
            return node.op_span
        return self.env.text.find(re.escape(node.op + "="), node.target.span[2:]) or node.span

    def compare(self, op: str, span: Span, rhs_span: Span, lhs: Ty, rhs: Ty) -> None:
        """`lhs op rhs` for a comparison operator (also what `assert_eq!` checks); `span` is the operator's."""
        left, right = self.table.shallow(lhs), self.table.shallow(rhs)
        if not self.table.try_unify(left, right) and not (op in EQUALITY and self._mixed_eq(left, right)):
            if isinstance(left, Ref) != isinstance(right, Ref):
                raise error(
                    "E0277",
                    f"can't compare `{self.resolve(lhs)}` with `{self.resolve(rhs)}`",
                    span,
                    f"no implementation for `{self.resolve(lhs)} == {self.resolve(rhs)}`",
                )
            self.unify_or_mismatch(rhs_span, left, right)
        trait = "PartialEq" if op in EQUALITY else "PartialOrd"
        self.require(lhs, trait, span, f"binary operation `{op}` cannot be applied to type `{{ty}}`", code="E0369")

    def _mixed_eq(self, left: Ty, right: Ty) -> bool:
        """std's `PartialEq` impls between different types: through equal numbers of references (`&A == &B`),
        between the string types, and between vectors, arrays and slices of comparable elements."""
        while isinstance(left, Ref) and isinstance(right, Ref):
            left, right = self.table.shallow(left.inner), self.table.shallow(right.inner)
        strings = {_string_kind(left, self.table.shallow), _string_kind(right, self.table.shallow)}
        if None not in strings:
            return strings != {"str", "&str"}  # `String` compares with both; `str` with `&str` does not
        pair = (_sequence_kind(left, self.table.shallow), _sequence_kind(right, self.table.shallow))
        if pair not in _SEQUENCE_EQ:
            return False
        return self.table.try_unify(_elements(left, self.table.shallow), _elements(right, self.table.shallow))

    # ------------------------------------------------------------------------------------------- assignment

    def check_Assign(self, node: ast.Assign, expected: Ty | None) -> Ty:
        target = self.check_expr(node.target)
        if node.op is None:
            self.check_coerced(node.value, target)
        elif node.op == "+" and _is_string(self.table.shallow(target)):
            self.check_coerced(node.value, STR_REF)
        else:
            self._arithmetic(node, node.value, target, self.check_expr(node.value), _CANNOT_ASSIGN)
        return UNIT

    # ---------------------------------------------------------------------------------------------- unary

    def check_Unary(self, node: ast.Unary, expected: Ty | None) -> Ty:
        if node.op == "*":
            return self._deref(node, self.check_expr(node.expr))
        if node.op == "-" and isinstance(node.expr, ast.Lit):
            self.negated_literals[node.expr.id] = node.span
        operand = self._operand(self.check_expr(node.expr, expected))
        category = _category(operand)
        if node.op == "-":
            valid = category == "float" or category == "int" and not (isinstance(operand, Int) and not operand.signed)
        else:
            valid = category in ("int", "bool")
        if not valid:
            raise error(
                "E0600",
                f"cannot apply unary operator `{node.op}` to type `{self.resolve(operand)}`",
                node.span,
                f"cannot apply unary operator `{node.op}`",
            )
        if node.op == "-" and isinstance(operand, Var):
            self.require(operand, "Neg", node.span)  # `let n = -5; let u: u32 = n;` fails once `n` is known
        return operand

    def _deref(self, node: ast.Unary, ty: Ty) -> Ty:
        ty = self.table.shallow(ty)
        if isinstance(ty, RawPtr):
            if not self.unsafe_depth:
                raise error(
                    "E0133",
                    "dereference of raw pointer is unsafe and requires unsafe block",
                    node.span,
                    "dereference of raw pointer",
                )
            return ty.inner
        if deref_once(ty) is not None:
            return deref_once(ty)
        if isinstance(ty, Var) and not ty.kind:
            raise error("E0282", "type annotations needed", node.expr.span, "type must be known at this point")
        raise error("E0614", f"type `{self.resolve(ty)}` cannot be dereferenced", node.span)


def _string_kind(ty: Ty, shallow) -> str | None:
    if _is_string(ty):
        return "String"
    if isinstance(ty, Str):
        return "str"
    return "&str" if isinstance(ty, Ref) and isinstance(shallow(ty.inner), Str) else None


# (left, right) sequence kinds std implements `==` between (besides equal types).
_SEQUENCE_EQ = frozenset(
    {
        ("Vec", "&[]"),
        ("Vec", "&mut []"),
        ("Vec", "[;]"),
        ("Vec", "&[;]"),
        ("Vec", "[]"),
        ("[;]", "[]"),
        ("[;]", "&[]"),
        ("[;]", "&mut []"),
        ("[]", "[;]"),
        ("[]", "Vec"),
        ("&[]", "[;]"),
        ("&mut []", "[;]"),
        ("&[]", "Vec"),
        ("&mut []", "Vec"),
    }
)


def _sequence_kind(ty: Ty, shallow) -> str | None:
    if isinstance(ty, Adt) and ty.name == "Vec":
        return "Vec"
    if isinstance(ty, Array):
        return "[;]"
    if isinstance(ty, Slice):
        return "[]"
    if isinstance(ty, Ref):
        inner = _sequence_kind(shallow(ty.inner), shallow)
        prefix = "&mut " if ty.mutable else "&"
        return prefix + inner if inner in ("[]", "[;]") else None
    return None


def _elements(ty: Ty, shallow) -> Ty:
    ty = shallow(ty.inner) if isinstance(ty, Ref) else ty
    return ty.args[0] if isinstance(ty, Adt) else ty.elem
