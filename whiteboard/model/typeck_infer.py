"""The unification table of one function body: inference variables, their bindings, and rollback.

Variables are `types.Var`. Binding is the only mutation (merging two variables binds one to the other), so an undo
log of bound ids is enough to roll back a speculative unification, which coercion needs (it tries `&String` against
`&str` one deref step at a time, as rustc's `coerce_borrowed_pointer` does).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

from whiteboard.model.types import (
    F64,
    I32,
    Adt,
    Array,
    Float,
    FnPtr,
    Int,
    RawPtr,
    Ref,
    Slice,
    Tuple,
    Ty,
    Var,
)


class UnifyError(Exception):
    """Two types cannot be made equal; the caller turns it into an E0308 with the types it was comparing."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    undo_len: int


class InferTable:
    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self._bound: dict[int, Ty] = {}
        self._undo: list[int] = []
        self._vars: list[Var] = []

    # ------------------------------------------------------------------------------------------------- variables

    def fresh(self, kind: str = "") -> Var:
        var = Var(next(self._ids), kind)
        self._vars.append(var)
        return var

    def shallow(self, ty: Ty) -> Ty:
        """Follow variable bindings at the top of `ty` only."""
        while isinstance(ty, Var) and ty.id in self._bound:
            ty = self._bound[ty.id]
        return ty

    def resolve(self, ty: Ty) -> Ty:
        """Substitute every bound variable inside `ty` (unbound ones stay)."""
        ty = self.shallow(ty)
        if isinstance(ty, Var):
            return ty
        return map_children(ty, self.resolve)

    def snapshot(self) -> Snapshot:
        return Snapshot(len(self._undo))

    def rollback(self, snap: Snapshot) -> None:
        while len(self._undo) > snap.undo_len:
            del self._bound[self._undo.pop()]

    def apply_defaults(self) -> None:
        """rustc's fallback at the end of a body: `{integer}` becomes i32 and `{float}` f64."""
        for var in self._vars:
            if var.id not in self._bound and var.kind:
                self._bind(var, I32 if var.kind == "int" else F64)

    # ------------------------------------------------------------------------------------------------- unify

    def unify(self, a: Ty, b: Ty) -> None:
        a, b = self.shallow(a), self.shallow(b)
        if a == b:
            return
        if isinstance(a, Var) or isinstance(b, Var):
            self._unify_var(a, b)
            return
        if type(a) is not type(b):
            raise UnifyError
        if isinstance(a, Adt) and (a.name != b.name or len(a.args) != len(b.args)):
            raise UnifyError
        if isinstance(a, Array) and a.length != b.length:
            raise UnifyError
        if isinstance(a, Tuple) and len(a.elems) != len(b.elems):
            raise UnifyError
        if isinstance(a, (Ref, RawPtr)) and a.mutable != b.mutable:
            raise UnifyError
        if isinstance(a, FnPtr) and len(a.params) != len(b.params):
            raise UnifyError
        children_a, children_b = children(a), children(b)
        if not children_a and a != b:  # distinct leaves: i32 vs u8, Int vs Int of another name …
            raise UnifyError
        for x, y in zip(children_a, children_b, strict=True):
            self.unify(x, y)

    def try_unify(self, a: Ty, b: Ty) -> bool:
        """Unify, or leave the table untouched and say no."""
        snap = self.snapshot()
        try:
            self.unify(a, b)
        except UnifyError:
            self.rollback(snap)
            return False
        return True

    def _unify_var(self, a: Ty, b: Ty) -> None:
        if not isinstance(a, Var):
            a, b = b, a
        assert isinstance(a, Var)
        if isinstance(b, Var):
            if a.kind and b.kind and a.kind != b.kind:
                raise UnifyError
            # Keep the more specific kind: bind the general variable to the literal one.
            if a.kind and not b.kind:
                a, b = b, a
            self._bind(a, b)
            return
        if a.kind == "int" and not isinstance(b, Int) or a.kind == "float" and not isinstance(b, Float):
            raise UnifyError
        if self._occurs(a, b):
            raise UnifyError
        self._bind(a, b)

    def _occurs(self, var: Var, ty: Ty) -> bool:
        ty = self.shallow(ty)
        if isinstance(ty, Var):
            return ty.id == var.id
        return any(self._occurs(var, child) for child in children(ty))

    def _bind(self, var: Var, ty: Ty) -> None:
        self._bound[var.id] = ty
        self._undo.append(var.id)


# ----------------------------------------------------------------------------------------------- type traversal


def children(ty: Ty) -> tuple[Ty, ...]:
    if isinstance(ty, Adt):
        return ty.args
    if isinstance(ty, Tuple):
        return ty.elems
    if isinstance(ty, (Array, Slice)):
        return (ty.elem,)
    if isinstance(ty, (Ref, RawPtr)):
        return (ty.inner,)
    if isinstance(ty, FnPtr):
        return (*ty.params, ty.ret)
    return ()


def map_children(ty: Ty, fn) -> Ty:
    """Rebuild `ty` with `fn` applied to each direct component type."""
    if isinstance(ty, Adt):
        return replace(ty, args=tuple(map(fn, ty.args))) if ty.args else ty
    if isinstance(ty, Tuple):
        return Tuple(tuple(map(fn, ty.elems)))
    if isinstance(ty, (Array, Slice)):
        return replace(ty, elem=fn(ty.elem))
    if isinstance(ty, (Ref, RawPtr)):
        return replace(ty, inner=fn(ty.inner))
    if isinstance(ty, FnPtr):
        return FnPtr(tuple(map(fn, ty.params)), fn(ty.ret))
    return ty


def has_vars(ty: Ty) -> bool:
    return isinstance(ty, Var) or any(has_vars(child) for child in children(ty))
