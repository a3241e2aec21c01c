"""Which types implement the handful of traits the subset cares about, and which need dropping.

The rules are std's impls, restated structurally: `Vec<T>: Clone` when `T: Clone`, `&T: Copy` always, `(A, B): Debug`
when both are, and so on. An unresolved inference variable is assumed to implement everything, as rustc defers such
obligations until the type is known.
"""

from __future__ import annotations

from whiteboard.model.typeck_items import Items
from whiteboard.model.types import (
    Adt,
    Array,
    Bool,
    Char,
    Float,
    FnPtr,
    Int,
    Never,
    RawPtr,
    Ref,
    Slice,
    Str,
    Tuple,
    Ty,
    Var,
)

ALL = "always"
IF_ARGS = "if its type arguments do"

# std types: trait -> ALL or IF_ARGS. Absent means "does not implement".
_STD_ADTS: dict[str, dict[str, str]] = {
    "String": dict.fromkeys(("Clone", "Debug", "Display", "Default", "PartialEq", "PartialOrd", "Eq", "Ord"), ALL),
    "Vec": {"Default": ALL, **dict.fromkeys(("Clone", "Debug", "PartialEq", "PartialOrd", "Eq", "Ord"), IF_ARGS)},
    "Box": dict.fromkeys(("Clone", "Debug", "Display", "Default", "PartialEq", "PartialOrd", "Eq", "Ord"), IF_ARGS),
    "Rc": {
        "Clone": ALL,
        **dict.fromkeys(("Debug", "Display", "Default", "PartialEq", "PartialOrd", "Eq", "Ord"), IF_ARGS),
    },
    "Option": {
        "Default": ALL,
        **dict.fromkeys(("Copy", "Clone", "Debug", "PartialEq", "PartialOrd", "Eq", "Ord"), IF_ARGS),
    },
    "Iter": {"Clone": ALL, "Debug": IF_ARGS},
    "IterMut": {"Debug": IF_ARGS},
    "IntoIter": {"Clone": IF_ARGS, "Debug": IF_ARGS},
    "Range": dict.fromkeys(("Clone", "Debug", "Default", "PartialEq", "Eq"), IF_ARGS),
    "RangeInclusive": dict.fromkeys(("Clone", "Debug", "PartialEq", "Eq"), IF_ARGS),
}

_COMPARISONS = frozenset({"PartialEq", "PartialOrd", "Eq", "Ord"})
_SCALAR_TRAITS = frozenset({"Copy", "Clone", "Debug", "Display", "Default"}) | _COMPARISONS
_FLOAT_TRAITS = _SCALAR_TRAITS - {"Eq", "Ord"}
_STR_TRAITS = frozenset({"Debug", "Display"}) | _COMPARISONS
_POINTER_TRAITS = frozenset({"Copy", "Clone", "Debug"}) | _COMPARISONS  # raw and fn pointers
# Traits that look through a reference to its target (`&T: Debug` when `T: Debug`).
_THROUGH_REFS = frozenset({"Debug", "Display"}) | _COMPARISONS
_STRUCTURAL_TUPLE = frozenset({"Copy", "Clone", "Debug", "Default"}) | _COMPARISONS
_STRUCTURAL_ARRAY = frozenset({"Copy", "Clone", "Debug"}) | _COMPARISONS
_STRUCTURAL_SLICE = frozenset({"Debug"}) | _COMPARISONS
# Formatting traits of integers (`{:x}`, `{:b}` …) and of numbers in general (`{:e}`); `{:p}` formats pointers.
_INTEGER_FORMATS = frozenset({"LowerHex", "UpperHex", "Octal", "Binary"})
_NUMBER_FORMATS = frozenset({"LowerExp", "UpperExp"})

# std types that own a heap allocation or a reference count, so dropping them runs code.
_DROP_GLUE_ADTS = frozenset({"String", "Vec", "Box", "Rc", "IntoIter"})


class Traits:
    def __init__(self, items: Items):
        self.items = items

    def implements(self, ty: Ty, trait: str) -> bool:
        if isinstance(ty, Var):
            return True
        if trait in _INTEGER_FORMATS or trait in _NUMBER_FORMATS or trait == "Pointer":
            return self._formats(ty, trait)
        if trait == "Neg":
            return isinstance(ty, Float) or isinstance(ty, Int) and ty.signed
        if isinstance(ty, Float):
            return trait in _FLOAT_TRAITS
        if isinstance(ty, (Int, Bool, Char, Never)):
            return trait in _SCALAR_TRAITS
        if isinstance(ty, Str):
            return trait in _STR_TRAITS
        if isinstance(ty, (RawPtr, FnPtr)):
            return trait in _POINTER_TRAITS
        if isinstance(ty, Ref):
            return self._ref_implements(ty, trait)
        if isinstance(ty, Tuple):
            return trait in _STRUCTURAL_TUPLE and all(self.implements(e, trait) for e in ty.elems)
        if isinstance(ty, Array):
            # Default is implemented for arrays of up to 32 elements only.
            structural = trait in _STRUCTURAL_ARRAY or trait == "Default" and ty.length <= 32
            return structural and (ty.length == 0 and trait == "Default" or self.implements(ty.elem, trait))
        if isinstance(ty, Slice):
            return trait in _STRUCTURAL_SLICE and self.implements(ty.elem, trait)
        if isinstance(ty, Adt):
            return self._adt_implements(ty, trait)
        return False

    def _formats(self, ty: Ty, trait: str) -> bool:
        if trait == "Pointer":
            return isinstance(ty, (Ref, RawPtr, FnPtr)) or isinstance(ty, Adt) and ty.name in ("Box", "Rc")
        if isinstance(ty, Ref):
            return self._formats(ty.inner, trait)
        return isinstance(ty, Int) or trait in _NUMBER_FORMATS and isinstance(ty, Float)

    def _ref_implements(self, ty: Ref, trait: str) -> bool:
        if trait in ("Copy", "Clone"):
            return not ty.mutable
        if trait == "Default":  # `&str` and `&[T]` have defaults (the empty string / slice)
            return not ty.mutable and isinstance(ty.inner, (Str, Slice))
        return trait in _THROUGH_REFS and self.implements(ty.inner, trait)

    def _adt_implements(self, ty: Adt, trait: str) -> bool:
        if ty.name in _STD_ADTS:
            rule = _STD_ADTS[ty.name].get(trait)
            return rule == ALL or rule == IF_ARGS and all(self.implements(a, trait) for a in ty.args)
        return self.items.implements(ty.name, trait)

    def is_copy(self, ty: Ty) -> bool:
        return self.implements(ty, "Copy")

    def needs_drop(self, ty: Ty) -> bool:
        """As `std::mem::needs_drop::<T>()`: whether dropping a value of this type runs any code."""
        if isinstance(ty, Tuple):
            return any(map(self.needs_drop, ty.elems))
        if isinstance(ty, Array):
            return ty.length > 0 and self.needs_drop(ty.elem)
        if not isinstance(ty, Adt):
            return False
        if ty.name in _DROP_GLUE_ADTS or ty.name in self.items.drop_impls:
            return True
        if ty.name in _STD_ADTS:
            return any(map(self.needs_drop, ty.args))
        return any(self.needs_drop(field_ty) for key in self.field_lists(ty.name) for _, field_ty in key)

    def field_lists(self, name: str) -> list[list[tuple[str, Ty]]]:
        if name in self.items.enums:
            return [self.items.fields[f"{name}::{v.name}"] for v in self.items.enums[name].variants]
        return [self.items.fields[name]]
