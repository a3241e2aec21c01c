"""Item collection: the program's structs, enums, functions, impls, constants and imports, with their types
lowered (`Self` replaced, names checked) before any function body is looked at, as rustc's `collect` pass does."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from whiteboard.model import std_sigs
from whiteboard.model import syntax as ast
from whiteboard.model.syntax import Span, Unsupported
from whiteboard.model.typeck_errors import error, plural
from whiteboard.model.typeck_infer import map_children
from whiteboard.model.typeck_spans import SourceText
from whiteboard.model.types import Adt, Dyn, Ty

# Traits a program may implement by hand; every other `impl Trait for T` is outside the subset.
IMPLEMENTABLE_TRAITS = frozenset({"Drop", "Clone", "Default"})


@dataclass
class FnSig:
    name: str
    params: list[Ty]  # without the self parameter
    ret: Ty
    self_param: str | None  # None | "value" | "mut_value" | "ref" | "mut_ref"
    owner: str | None
    node: ast.FnDef


@dataclass
class Items:
    structs: dict[str, ast.StructDef] = field(default_factory=dict)
    enums: dict[str, ast.EnumDef] = field(default_factory=dict)
    fns: dict[str, FnSig] = field(default_factory=dict)
    methods_by_type: dict[str, dict[str, FnSig]] = field(default_factory=dict)
    trait_impls: dict[str, set[str]] = field(default_factory=dict)  # type name -> traits implemented by hand
    consts: dict[str, ast.ConstDef] = field(default_factory=dict)  # consts and statics
    const_types: dict[str, Ty] = field(default_factory=dict)
    # Field types by struct name or "Enum::Variant", in declaration order.
    fields: dict[str, list[tuple[str, Ty]]] = field(default_factory=dict)
    value_imports: dict[str, tuple] = field(default_factory=dict)  # name -> resolution, from `use`
    modules: set[str] = field(default_factory=set)  # std modules brought in by `use std::mem;`
    type_imports: set[str] = field(default_factory=set)  # std types brought in by `use std::rc::Rc;`

    @property
    def drop_impls(self) -> set[str]:
        return {name for name, traits in self.trait_impls.items() if "Drop" in traits}

    def implements(self, type_name: str, trait: str) -> bool:
        """Derived or hand-written."""
        definition = self.structs.get(type_name) or self.enums.get(type_name)
        derived = definition is not None and trait in definition.derives
        return derived or trait in self.trait_impls.get(type_name, ())

    def variant(self, enum: str, name: str) -> ast.VariantDef | None:
        return next((v for v in self.enums[enum].variants if v.name == name), None)


def collect(program: ast.Program, text: SourceText) -> Items:
    items = Items()
    all_items = list(_items_with_nested(program.items))
    for item in all_items:
        if isinstance(item, ast.UseDecl):
            _use(items, item)
        elif isinstance(item, (ast.StructDef, ast.EnumDef)):
            _declare_type(items, item)
    # Imports of enum variants (`use Color::*`) need the enums declared first.
    for item in all_items:
        if isinstance(item, ast.UseDecl):
            _use_variants(items, item, text)
    lower = TypeLowering(items, text)
    for item in all_items:
        if isinstance(item, ast.StructDef):
            items.fields[item.name] = [(f.name, lower(f.ty, f.span)) for f in item.fields]
        elif isinstance(item, ast.EnumDef):
            for variant in item.variants:
                key = f"{item.name}::{variant.name}"
                items.fields[key] = [(f.name, lower(f.ty, f.span)) for f in variant.fields]
        elif isinstance(item, ast.FnDef):
            _declare_fn(items, items.fns, item, lower)
        elif isinstance(item, ast.ImplBlock):
            _impl(items, item, lower)
        elif isinstance(item, ast.ConstDef):
            _declare_unique(items, item.name, item.span, "value")
            items.consts[item.name] = item
            items.const_types[item.name] = lower(item.ty, item.span)
    return items


def _items_with_nested(top: list[ast.Item]) -> Iterator[ast.Item]:
    """Top-level items and the items declared inside function bodies (`fn main() { struct P; … }`).

    Nested items are treated as if declared at the top, which only differs from rustc when two blocks declare the
    same name; that case is rejected in `_declare_unique`."""
    for item in top:
        yield item
        fns = item.fns if isinstance(item, ast.ImplBlock) else [item] if isinstance(item, ast.FnDef) else []
        for fn in fns:
            for node in iter_nodes(fn.body):
                if isinstance(node, ast.ItemStmt):
                    yield from _items_with_nested([node.item])


def iter_nodes(node: ast.Node) -> Iterator[ast.Node]:
    """Every syntax node under `node` (itself included), in source order, not descending into nested items."""
    yield node
    if isinstance(node, ast.ItemStmt):
        return
    for f in dataclasses.fields(node):
        for child in _flatten(getattr(node, f.name)):
            if isinstance(child, ast.Node):
                yield from iter_nodes(child)


def _flatten(value) -> Iterator:
    """Field values that may hold nodes: lists of nodes, (name, node) pairs, the `(value, count)` of `vec![x; n]`."""
    if isinstance(value, (list, tuple)):
        for element in value:
            yield from _flatten(element)
    else:
        yield value


def _declare_unique(items: Items, name: str, span: Span, namespace: str) -> None:
    taken = (
        name in items.structs or name in items.enums
        if namespace == "type"
        else name in items.fns or name in items.consts
    )
    if taken:
        what = "type" if namespace == "type" else "value"
        raise error(
            "E0428",
            f"the name `{name}` is defined multiple times",
            span,
            f"`{name}` redefined here",
            (f"`{name}` must be defined only once in the {what} namespace of this module",),
        )


def _declare_type(items: Items, item: ast.StructDef | ast.EnumDef) -> None:
    _declare_unique(items, item.name, item.span, "type")
    if isinstance(item, ast.StructDef):
        items.structs[item.name] = item
    else:
        items.enums[item.name] = item


def _declare_fn(items: Items, table: dict[str, FnSig], fn: ast.FnDef, lower: TypeLowering) -> None:
    if table is items.fns:
        _declare_unique(items, fn.name, fn.span, "value")
    elif fn.name in table:  # rustc points at the first definition
        raise error(
            "E0592",
            f"duplicate definitions with name `{fn.name}`",
            table[fn.name].node.span,
            f"duplicate definitions for `{fn.name}`",
        )
    self_ty = Adt(fn.owner) if fn.owner else None
    params = [lower(p.ty, p.span, self_ty) for p in fn.params]
    table[fn.name] = FnSig(fn.name, params, lower(fn.ret, fn.span, self_ty), fn.self_param, fn.owner, fn)


def _impl(items: Items, impl: ast.ImplBlock, lower: TypeLowering) -> None:
    if impl.type_name not in items.structs and impl.type_name not in items.enums:
        raise Unsupported(f"`impl` blocks for `{impl.type_name}`", impl.span)
    if impl.trait is not None:
        if impl.trait not in IMPLEMENTABLE_TRAITS:
            raise Unsupported(f"implementing the trait `{impl.trait}`", impl.span)
        items.trait_impls.setdefault(impl.type_name, set()).add(impl.trait)
    table = items.methods_by_type.setdefault(impl.type_name, {})
    for fn in impl.fns:
        _declare_fn(items, table, fn, lower)


# --------------------------------------------------------------------------------------------------- imports


def _use(items: Items, use: ast.UseDecl) -> None:
    for path in use.paths:
        std_path = _strip_crate(path)
        if std_path is None:
            continue  # a path into the program itself (`use Color::*`): see `_use_variants`
        if std_path in std_sigs.IMPORTABLE_MACROS:
            continue
        if std_path in std_sigs.IMPORTED_TYPES:
            items.type_imports.add(std_sigs.IMPORTED_TYPES[std_path])
        elif len(std_path) == 1 and std_path[0] in std_sigs.MODULES:
            items.modules.add(std_path[0])
        elif len(std_path) == 2 and std_path[1] in std_sigs.MODULES.get(std_path[0], ()):
            module, name = std_path
            if name[0].isupper():  # `use std::vec::Vec;` names a prelude type again
                continue
            items.value_imports[name] = ("std", f"{module}::{name}")
        else:
            raise Unsupported(f"`use {'::'.join(path)}`", use.span)


def _strip_crate(path: tuple[str, ...]) -> tuple[str, ...] | None:
    """The path inside std for `std::…` / `core::…` / `alloc::…`; None for paths into the program."""
    if path[0] in ("std", "core", "alloc"):
        return path[1:]
    return None


def _use_variants(items: Items, use: ast.UseDecl, text: SourceText) -> None:
    for path in use.paths:
        if _strip_crate(path) is not None:
            continue
        names = path[1:] if path[0] in ("self", "crate") else path
        if len(names) != 2 or names[0] not in items.enums:
            raise Unsupported(f"`use {'::'.join(path)}`", use.span)
        enum = items.enums[names[0]]
        variants = enum.variants if names[1] == "*" else [items.variant(enum.name, names[1])]
        if None in variants:
            written = text.find(re.escape("::".join(path)), use.span[:2], use.span[2:])
            raise error(
                "E0432",
                f"unresolved import `{'::'.join(path)}`",
                written or text.word(names[1], use.span) or use.span,
                f"no `{names[1]}` in `{enum.name}`",
            )
        for variant in variants:
            items.value_imports[variant.name] = ("variant", enum.name, variant.name)


# -------------------------------------------------------------------------------------------------- types


class TypeLowering:
    """Checks the names in a written type and replaces `Self`."""

    def __init__(self, items: Items, text: SourceText):
        self.items = items
        self.text = text  # to point at the name inside the annotation

    def __call__(self, ty: Ty, span: Span, self_ty: Ty | None = None) -> Ty:
        if isinstance(ty, Dyn):
            raise Unsupported("trait objects", span)
        if not isinstance(ty, Adt):
            return map_children(ty, lambda child: self(child, span, self_ty))
        name_span = self.text.word(ty.name, span) or span  # rustc points at the name
        if ty.name == "Self":
            if self_ty is None:
                raise error(
                    "E0411",
                    "cannot find type `Self` in this scope",
                    name_span,
                    "`Self` is only available in impls, traits, and type definitions",
                )
            return self_ty
        arity = self._arity(ty.name, name_span)
        if len(ty.args) != arity:
            raise _generic_count(ty, arity, name_span)
        return Adt(ty.name, tuple(self(arg, span, self_ty) for arg in ty.args))

    def _arity(self, name: str, span: Span) -> int:
        if name in self.items.structs or name in self.items.enums:
            return 0
        # Type annotations keep only the last path segment, so `std::rc::Rc<T>` written out in full cannot be
        # told from an imported `Rc`; both are accepted.
        if name in std_sigs.TYPES:
            return len(std_sigs.TYPES[name])
        if name in std_sigs.UNSUPPORTED_PRELUDE_TYPES:
            raise Unsupported(f"the type `{name}`", span)
        raise error("E0425", f"cannot find type `{name}` in this scope", span, "not found in this scope")


def _generic_count(ty: Adt, arity: int, span: Span) -> Exception:
    if not ty.args:
        return error(
            "E0107", f"missing generics for struct `{ty.name}`", span, f"expected {plural(arity, 'generic argument')}"
        )
    supplied = plural(len(ty.args), "generic argument")
    verb = "was" if len(ty.args) == 1 else "were"
    return error(
        "E0107",
        f"struct takes {plural(arity, 'generic argument')} but {supplied} {verb} supplied",
        span,
        f"expected {plural(arity, 'generic argument')}",
    )
