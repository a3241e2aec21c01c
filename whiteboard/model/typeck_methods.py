"""Method calls: rustc's method probe (autoderef, then by value / `&` / `&mut` at each step), and what `for` loops
iterate over.

The probe walks the receiver's deref chain (`&Vec<T>`, `Vec<T>`, `[T]`; an array unsizes to a slice at the end).
At each step `U` it looks for a method whose receiver type is `U` itself, then `&U`, then `&mut U`; the first step
with a match wins, inherent methods before trait methods. `methods[call.id]` records the owner, the method and the
number of derefs applied before any auto-ref; whether an auto-ref followed can be read off the method's self kind
and the receiver type after those derefs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from whiteboard.model import std_sigs
from whiteboard.model import syntax as ast
from whiteboard.model.syntax import Unsupported
from whiteboard.model.typeck_errors import arg_count, error, kind_of
from whiteboard.model.typeck_sigtext import parse_sig, parse_ty, substitute
from whiteboard.model.types import (
    F64,
    I32,
    STR,
    Adt,
    Array,
    Bool,
    Char,
    Float,
    FnPtr,
    Int,
    RawPtr,
    Ref,
    Slice,
    Str,
    Tuple,
    Ty,
    Var,
)


@dataclass(frozen=True, slots=True)
class Method:
    owner: str
    self_kind: str  # "value" | "mut_value" | "ref" | "mut_ref"
    params: tuple[Ty, ...]
    ret: Ty
    is_destructor: bool = False


def deref_once(ty: Ty) -> Ty | None:
    """What `*ty` is, through built-in and std `Deref` impls; None when `ty` does not deref."""
    if isinstance(ty, Ref):
        return ty.inner
    if isinstance(ty, Adt):
        if ty.name in ("Box", "Rc"):
            return ty.args[0]
        if ty.name == "String":
            return STR
        if ty.name == "Vec":
            return Slice(ty.args[0])
    return None


def autoderef_steps(cx, ty: Ty) -> Iterator[Ty]:
    ty = cx.table.shallow(ty)
    yield ty
    while (inner := deref_once(ty)) is not None:
        ty = cx.table.shallow(inner)
        yield ty


def owner_of(ty: Ty) -> tuple[str, dict[str, Ty]]:
    """The method-table key of a type and the values of the owner's type parameters."""
    if isinstance(ty, Adt):
        if ty.name in std_sigs.ITERATOR_ITEMS:
            return "Iterator", {"Item": iterator_item_of(ty)}
        return ty.name, dict(zip(std_sigs.TYPES.get(ty.name, ()), ty.args, strict=False))
    if isinstance(ty, (Slice, Array)):
        return ("slice" if isinstance(ty, Slice) else "array"), {"T": ty.elem}
    simple = {
        Str: "str",
        Int: "int",
        Float: "float",
        Bool: "bool",
        Char: "char",
        Ref: "ref",
        Tuple: "tuple",
        RawPtr: "pointer",
        FnPtr: "fn",
    }
    return simple[type(ty)], {}


def iterator_item_of(ty: Adt) -> Ty:
    return substitute(parse_ty(std_sigs.ITERATOR_ITEMS[ty.name]), {"T": ty.args[0]})


class MethodChecks:
    def check_MethodCall(self, call: ast.MethodCall, expected: Ty | None) -> Ty:
        receiver = self.check_expr(call.receiver)
        if call.generics:
            raise Unsupported("turbofish on a method call", call.span)
        method, derefs = self._probe(call, receiver)
        if method.is_destructor:
            raise error(
                "E0040", "explicit use of destructor method", call.method_span, "explicit destructor calls not allowed"
            )
        self.out.methods[call.id] = (method.owner, call.method, derefs)
        if len(call.args) != len(method.params):
            raise arg_count(call.method_span, "method", len(method.params), len(call.args))
        self.check_arguments(call.args, method.params, method.ret, expected)
        return method.ret

    def _probe(self, call: ast.MethodCall, receiver: Ty) -> tuple[Method, int]:
        steps = [(step, derefs) for derefs, step in enumerate(autoderef_steps(self, receiver))]
        last, derefs = steps[-1]
        if isinstance(last, Array):
            steps.append((Slice(last.elem), derefs))  # the unsizing step adds no deref
        for step, derefs in steps:
            if isinstance(step, Var) and not step.kind:
                raise error("E0282", "type annotations needed", call.receiver.span, "type must be known at this point")
            found = self._method_at(step, call.method)
            if found is None and isinstance(step, Var):
                raise self._literal_receiver(call, step)
            if found is not None:
                return found, derefs
        raise self._no_method(call, receiver, [step for step, _ in steps])

    def _method_at(self, step: Ty, name: str) -> Method | None:
        """The method a receiver of type `step` reaches by value, else through `&step`, else `&mut step`."""
        by_value = [m for m in self.methods_of(step, name) if m.self_kind in ("value", "mut_value")]
        if isinstance(step, Ref):
            wanted = "mut_ref" if step.mutable else "ref"
            by_value += [m for m in self.methods_of(self.table.shallow(step.inner), name) if m.self_kind == wanted]
        if by_value:
            return by_value[0]
        for kind in ("ref", "mut_ref"):
            picked = [m for m in self.methods_of(step, name) if m.self_kind == kind]
            if picked:
                return picked[0]
        return None

    def methods_of(self, ty: Ty, name: str) -> list[Method]:
        """Methods named `name` whose `Self` is `ty`: inherent ones first, then trait methods. An integer or float
        literal of unknown type has only the trait methods (rustc's E0689 for the others)."""
        if isinstance(ty, Var):
            return self._trait_methods(ty, name, I32 if ty.kind == "int" else F64, [])
        found = []
        if isinstance(ty, Adt) and ty.name in self.items.methods_by_type:
            sig = self.items.methods_by_type[ty.name].get(name)
            if sig is not None and sig.self_param is not None:
                destructor = sig.node.trait == "Drop"
                found.append(Method(ty.name, sig.self_param, tuple(sig.params), sig.ret, destructor))
        owner, mapping = owner_of(ty)
        tables = [owner, "signed"] if isinstance(ty, Int) and ty.signed else [owner]
        for table in tables:
            if name in std_sigs.METHODS.get(table, {}):
                found.append(self._std_method(owner, std_sigs.METHODS[table][name], mapping, ty))
        return self._trait_methods(ty, name, ty, found)

    def _trait_methods(self, ty: Ty, name: str, implementor: Ty, found: list[Method]) -> list[Method]:
        """Add the trait method `name` if `implementor` has the trait and no inherent method was found."""
        if name in std_sigs.TRAIT_METHODS and not found:
            trait, text = std_sigs.TRAIT_METHODS[name]
            if self.env.traits.implements(implementor, trait):
                owner, mapping = owner_of(implementor)
                found.append(self._std_method(owner, text, mapping, ty))
        return found

    def _std_method(self, owner: str, text: str, mapping: dict[str, Ty], self_ty: Ty) -> Method:
        sig = parse_sig(text)
        full = {**mapping, "Self": self_ty, **{g: self.table.fresh() for g in sig.generics}}
        params = tuple(substitute(p, full) for p in sig.params)
        return Method(owner, sig.self_kind, params, substitute(sig.ret, full))

    def _literal_receiver(self, call: ast.MethodCall, var: Var) -> Exception:
        """A method on an integer or float literal of unknown type: E0689 if the number types have it (`pow`),
        E0599 if it is another type's method (`unwrap`), else outside what the subset knows."""
        tables = ("int", "signed") if var.kind == "int" else ("float",)
        if any(call.method in std_sigs.METHODS[t] for t in tables):
            return error(
                "E0689", f"can't call method `{call.method}` on ambiguous numeric type `{var}`", call.method_span
            )
        if any(call.method in methods for methods in std_sigs.METHODS.values()):
            return error(
                "E0599",
                f"no method named `{call.method}` found for type `{var}` in the current scope",
                call.method_span,
                f"method not found in `{var}`",
            )
        return Unsupported(f"the method `{call.method}` on `{var}`", call.method_span)

    def _no_method(self, call: ast.MethodCall, receiver: Ty, steps: list[Ty]) -> Exception:
        """E0599 when every type on the deref chain is the program's own; std types may have methods the subset
        does not know, so there it is only "outside the subset"."""
        receiver = self.resolve(receiver)
        signed_only = (
            any(isinstance(s, Int) and not s.signed for s in steps) and call.method in std_sigs.METHODS["signed"]
        )
        user_only = signed_only or all(
            isinstance(s, Ref)
            or isinstance(s, Adt)
            and s.name not in std_sigs.TYPES
            and s.name not in std_sigs.ITERATOR_ITEMS
            for s in steps
        )
        if not user_only:
            raise Unsupported(f"the method `{call.method}` on `{receiver}`", call.method_span)
        kind = "reference" if isinstance(receiver, Ref) else kind_of(receiver, self.items.enums)
        if isinstance(receiver, Int):
            kind = "type"
        assoc = any(
            name == call.method
            for s in steps
            if isinstance(s, Adt)
            for name in self.items.methods_by_type.get(s.name, {})
        )
        label = "this is an associated function, not a method" if assoc else f"method not found in `{receiver}`"
        return error(
            "E0599",
            f"no method named `{call.method}` found for {kind} `{receiver}` in the current scope",
            call.method_span,
            label,
        )

    # ------------------------------------------------------------------------------------------------ for loops

    def iterator_item(self, expr: ast.Node, ty: Ty) -> Ty:
        """The item type of `for _ in expr`: `IntoIterator::into_iter(expr)`'s items."""
        ty = self.table.shallow(ty)
        if isinstance(ty, Var):
            raise error("E0282", "type annotations needed", expr.span, "type must be known at this point")
        iterator = self._into_iter(ty)
        if iterator is None:
            raise error(
                "E0277",
                f"`{self.resolve(ty)}` is not an iterator",
                expr.span,
                f"`{self.resolve(ty)}` is not an iterator",
            )
        return iterator_item_of(iterator)

    def _into_iter(self, ty: Ty) -> Adt | None:
        if isinstance(ty, Adt) and ty.name in std_sigs.ITERATOR_ITEMS:
            return ty
        ref = "&mut" if isinstance(ty, Ref) and ty.mutable else "&" if isinstance(ty, Ref) else ""
        target = self.table.shallow(ty.inner) if ref else ty
        if isinstance(target, Var):
            return None
        owner, mapping = owner_of(target)
        text = std_sigs.INTO_ITER.get((ref, owner))
        return substitute(parse_ty(text), mapping) if text is not None else None
