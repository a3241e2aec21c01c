"""What every function body's checker shares: the program's items, trait rules, and the tables being filled."""

from __future__ import annotations

from dataclasses import dataclass, field

from whiteboard.model.typeck_items import Items, TypeLowering
from whiteboard.model.typeck_spans import SourceText
from whiteboard.model.typeck_traits import Traits
from whiteboard.model.types import Ty


@dataclass(frozen=True, slots=True)
class Local:
    """A variable in scope: the PIdent that binds it (the FnDef for `self`) and its type."""

    id: int
    ty: Ty


@dataclass(frozen=True, slots=True)
class Coercion:
    """An implicit conversion rustc applies to an expression's value where a type is expected.

    `derefs` dereferences are applied to the pointee before borrowing it again (`&String` to `&str`: 1, `&Box<T>` to
    `&T`: 1, `&&T` to `&T`: 1); `unsize` turns an array into a slice at the end (`&[T; N]` to `&[T]`). A reference
    becoming a raw pointer (`&x` as `*const T` where one is expected) and `&mut T` becoming `&T` are the other cases."""

    target: Ty
    derefs: int = 0
    unsize: bool = False


@dataclass
class Tables:
    """Per-node results, keyed by node id. See `typeck.TypeInfo` for what each holds."""

    expr_types: dict[int, Ty] = field(default_factory=dict)
    binding_types: dict[int, Ty] = field(default_factory=dict)
    binding_modes: dict[int, str] = field(default_factory=dict)
    let_types: dict[int, Ty] = field(default_factory=dict)
    pat_types: dict[int, Ty] = field(default_factory=dict)
    resolutions: dict[int, tuple] = field(default_factory=dict)
    methods: dict[int, tuple[str, str, int]] = field(default_factory=dict)
    autoderefs: dict[int, int] = field(default_factory=dict)
    coercions: dict[int, Coercion] = field(default_factory=dict)
    format_captures: dict[int, list[tuple[str, tuple]]] = field(default_factory=dict)
    generic_args: dict[int, tuple[Ty, ...]] = field(default_factory=dict)


@dataclass
class Env:
    items: Items
    traits: Traits
    lower: TypeLowering
    tables: Tables
    text: SourceText
