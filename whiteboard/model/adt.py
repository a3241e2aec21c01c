"""Struct, enum and union definitions as the layout engine sees them (rustc's `AdtDef` plus the layout attributes
rustc reads off it), for the user's types and for the std types in `std_layouts.py` alike.

A definition is generic over `params`; `instantiate` substitutes the arguments of one use (`Vec<u8>`) into the
field types.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from whiteboard.model import syntax as S
from whiteboard.model import types as T
from whiteboard.model.layout_calc import DEFAULT_REPR, ReprOptions


@dataclass(frozen=True, slots=True)
class VariantDefn:
    name: str
    fields: tuple[tuple[str, T.Ty], ...]
    discriminant: int  # the value `as isize` gives (explicit, or previous + 1)


@dataclass(frozen=True, slots=True)
class AdtDef:
    """One struct, enum or union.

    `unsized_params` are the parameters declared `?Sized`: a struct whose last field mentions one is laid out as
    `StructKind::MaybeUnsized` (its tail is never reordered). `valid_range` narrows the valid values of the
    struct's scalar (`#[rustc_layout_scalar_valid_range_*]`, or a pattern type like `u32 is 1..` in std 1.95);
    `no_niche` marks UnsafeCell. `explicit_discriminants` turns off niche filling, as in rustc. `view`, for a few
    std types, names the fields the whiteboard shows instead of std's private ones (see `std_layouts.py`).
    """

    name: str
    kind: str  # "struct" | "enum" | "union"
    variants: tuple[VariantDefn, ...]  # a struct or union has exactly one
    params: tuple[str, ...] = ()
    defaults: tuple[T.Ty | None, ...] = ()  # per param: `S = RandomState`
    repr: ReprOptions = DEFAULT_REPR
    unsized_params: frozenset[str] = frozenset()
    valid_range: tuple[int | None, int | None] = (None, None)
    no_niche: bool = False
    explicit_discriminants: bool = False
    view: tuple[tuple[str, str, T.Ty | None], ...] = ()
    user: bool = False

    @property
    def is_enum(self) -> bool:
        return self.kind == "enum"

    def instantiate(self, args: tuple[T.Ty, ...]) -> dict[str, T.Ty]:
        """The parameter → argument map for `Name<args>`, filling in defaults; raises ValueError on a wrong count."""
        defaults = self.defaults or (None,) * len(self.params)
        required = sum(1 for d in defaults if d is None)
        if not required <= len(args) <= len(self.params):
            expected = str(len(self.params)) if required == len(self.params) else f"{required} to {len(self.params)}"
            raise ValueError(
                f"`{self.name}` takes {expected} generic argument{'s' if len(self.params) != 1 else ''}, "
                f"{len(args)} given"
            )
        mapping = dict(zip(self.params, args, strict=False))
        for param, default in zip(self.params[len(args) :], defaults[len(args) :], strict=True):
            mapping[param] = subst(default, mapping) if default is not None else T.UNIT
        return mapping


def subst(ty: T.Ty, mapping: Mapping[str, T.Ty]) -> T.Ty:
    """Replace generic parameters (parsed as argument-less `Adt`s named like the parameter) by their arguments."""
    if not mapping:
        return ty
    match ty:
        case T.Adt(name, ()) if name in mapping:
            return mapping[name]
        case T.Adt(name, args):
            return T.Adt(name, tuple(subst(a, mapping) for a in args))
        case T.Tuple(elems):
            return T.Tuple(tuple(subst(e, mapping) for e in elems))
        case T.Array(elem, length):
            return T.Array(subst(elem, mapping), length)
        case T.Slice(elem):
            return T.Slice(subst(elem, mapping))
        case T.Ref(inner, mutable):
            return T.Ref(subst(inner, mapping), mutable)
        case T.RawPtr(inner, mutable):
            return T.RawPtr(subst(inner, mapping), mutable)
        case T.FnPtr(params, ret):
            return T.FnPtr(tuple(subst(p, mapping) for p in params), subst(ret, mapping))
    return ty


# ------------------------------------------------------------------------------------------- from the user's code


def _const_int(expr: S.Expr | None, what: str) -> int:
    """Evaluate an enum discriminant: an integer literal, possibly negated, possibly parenthesised in a block."""
    match expr:
        case S.Lit(kind="int", value=int(value)):
            return value
        case S.Unary(op="-", expr=inner):
            return -_const_int(inner, what)
        case S.Block(stmts=[], tail=inner) if inner is not None:
            return _const_int(inner, what)
    raise ValueError(f"{what}: the discriminant must be an integer literal")


def _repr(text: str, name: str) -> ReprOptions:
    try:
        return ReprOptions.parse(text)
    except ValueError as err:
        raise ValueError(f"`{name}`: {err}") from None


def from_struct_def(defn: S.StructDef, params: tuple[str, ...] = ()) -> AdtDef:
    """A parsed struct. `kind == "union"` is accepted too (a `union` item; the parser may produce it)."""
    fields = tuple((f.name, f.ty) for f in defn.fields)
    kind = "union" if defn.kind == "union" else "struct"
    return AdtDef(
        defn.name, kind, (VariantDefn(defn.name, fields, 0),), params, repr=_repr(defn.repr, defn.name), user=True
    )


def from_enum_def(defn: S.EnumDef, params: tuple[str, ...] = ()) -> AdtDef:
    variants = []
    explicit = False
    next_value = 0
    for variant in defn.variants:
        if variant.discriminant is not None:
            explicit = True
            next_value = _const_int(variant.discriminant, f"`{defn.name}::{variant.name}`")
        variants.append(VariantDefn(variant.name, tuple((f.name, f.ty) for f in variant.fields), next_value))
        next_value += 1
    return AdtDef(
        defn.name,
        "enum",
        tuple(variants),
        params,
        repr=_repr(defn.repr, defn.name),
        explicit_discriminants=explicit,
        user=True,
    )


def type_params_of(defn: S.StructDef | S.EnumDef) -> tuple[str, ...]:
    """The type parameters of a parsed definition, if the syntax tree records them (`generics` / `type_params`,
    names only; lifetimes do not matter for layout)."""
    for attr in ("type_params", "generics"):
        value = getattr(defn, attr, None)
        if value:
            return tuple(p if isinstance(p, str) else getattr(p, "name", str(p)) for p in value)
    return ()
