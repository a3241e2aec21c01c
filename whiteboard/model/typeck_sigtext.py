"""Reads the signature text of `std_sigs` (`fn(&mut self, T) -> Option<T>`) into types with named parameters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from whiteboard.model.typeck_infer import map_children
from whiteboard.model.types import NEVER, PRIMITIVES, UNIT, Adt, Array, RawPtr, Ref, Slice, Tuple, Ty

# Names that stand for a type supplied at the use site rather than a concrete type.
OWNER_PARAMS = ("Self", "T", "Item")


@dataclass(frozen=True, slots=True)
class TyParam(Ty):
    """A type parameter of a std signature; replaced by a concrete type or an inference variable at each use."""

    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class StdSig:
    generics: tuple[str, ...]  # the function's own parameters, in turbofish order
    self_kind: str | None  # None for associated functions, else "value" | "ref" | "mut_ref" (as FnDef.self_param)
    params: tuple[Ty, ...]  # without the receiver
    ret: Ty


_TOKEN = re.compile(r"\s*(->|\*const|\*mut|[&<>(),;\[\]!]|\w+)")


class _Reader:
    def __init__(self, text: str):
        self.tokens = _TOKEN.findall(text)
        self.pos = 0
        self.params: set[str] = set(OWNER_PARAMS)

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.tokens[self.pos]
        if expected is not None and token != expected:
            raise ValueError(f"signature text: expected {expected!r}, found {token!r} in {' '.join(self.tokens)}")
        self.pos += 1
        return token

    def accept(self, token: str) -> bool:
        if self.peek() == token:
            self.pos += 1
            return True
        return False

    def list_of(self, item, close: str) -> list:
        items = []
        while not self.accept(close):
            items.append(item())
            if not self.accept(","):
                self.take(close)
                break
        return items

    def ty(self) -> Ty:
        token = self.take()
        if token == "&":
            mutable = self.accept("mut")
            return Ref(self.ty(), mutable)
        if token in ("*const", "*mut"):
            return RawPtr(self.ty(), token == "*mut")
        if token == "!":
            return NEVER
        if token == "(":
            elems = self.list_of(self.ty, ")")
            return Tuple(tuple(elems)) if elems else UNIT
        if token == "[":
            elem = self.ty()
            if self.accept(";"):
                length = int(self.take())
                self.take("]")
                return Array(elem, length)
            self.take("]")
            return Slice(elem)
        if token in self.params:
            return TyParam(token)
        if token in PRIMITIVES:
            return PRIMITIVES[token]
        args = self.list_of(self.ty, ">") if self.accept("<") else []
        return Adt(token, tuple(args))

    def sig(self) -> StdSig:
        self.take("fn")
        generics: tuple[str, ...] = ()
        if self.accept("<"):
            generics = tuple(self.list_of(self.take, ">"))
            self.params.update(generics)
        self.take("(")
        self_kind = self._self_param()
        params = self.list_of(self.ty, ")") if self_kind is None or not self.accept(")") else []
        ret = self.ty() if self.accept("->") else UNIT
        return StdSig(generics, self_kind, tuple(params), ret)

    def _self_param(self) -> str | None:
        """Consume `self` / `&self` / `&mut self` and the comma after it."""
        for tokens, kind in ((("self",), "value"), (("&", "self"), "ref"), (("&", "mut", "self"), "mut_ref")):
            if tuple(self.tokens[self.pos : self.pos + len(tokens)]) == tokens:
                self.pos += len(tokens)
                self.accept(",")
                return kind
        return None


@cache
def parse_sig(text: str) -> StdSig:
    return _Reader(text).sig()


@cache
def parse_ty(text: str) -> Ty:
    return _Reader(text).ty()


def substitute(ty: Ty, mapping: dict[str, Ty]) -> Ty:
    if isinstance(ty, TyParam):
        return mapping[ty.name]
    return map_children(ty, lambda child: substitute(child, mapping))
