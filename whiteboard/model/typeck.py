"""The type checker: gives every expression and binding of a program its exact type, as rustc 1.95 would.

`check_program` collects the items (`typeck_items`), checks that derives are allowed, then checks each function
body and constant on its own (`typeck_body`), the way rustc type-checks one body at a time. Items declared inside a
function body are treated as top-level ones. The result, `TypeInfo`, is what the borrow checker and the interpreter
read: types for integer widths and Copy/move, the resolution of every path and method call, autoderefs and coercions.

Errors are rustc's (`diagnostics.CompileError` with its code, headline and primary span); valid Rust outside the
subset raises `syntax.Unsupported`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from whiteboard.model import syntax as ast
from whiteboard.model.typeck_body import BodyChecker
from whiteboard.model.typeck_elision import check_elision
from whiteboard.model.typeck_env import Coercion, Env, Local, Tables
from whiteboard.model.typeck_errors import error
from whiteboard.model.typeck_items import FnSig, Items, TypeLowering, collect
from whiteboard.model.typeck_spans import SourceText
from whiteboard.model.typeck_traits import Traits
from whiteboard.model.types import INT_NAMES, UNIT, Adt, Int, Ref, Ty

__all__ = ["Coercion", "FnSig", "TypeInfo", "check_program"]


@dataclass
class TypeInfo:
    """Everything the type checker learnt, keyed by syntax node id. All types are concrete (no inference variables).

    - expr_types: every expression's type, before coercions (`&s` passed as `&str` is `&String` here).
    - binding_types: every identifier pattern's variable type; the FnDef's id holds `self`'s type in a method.
    - binding_modes: "move" | "ref" | "ref mut" for each identifier pattern (default binding modes included).
    - let_types: each `let`'s type (the annotation, or the initialiser's type).
    - pat_types: the type each pattern node is matched against, before any reference is peeled.
    - resolutions: what a path names: ("local", binding id) | ("fn", name) | ("method", owner, name) for
      associated functions | ("const", name) | ("static", name) | ("variant", enum, variant) | ("struct", name)
      for unit and tuple structs | ("std", key) with key an entry of `std_sigs.ASSOC_FNS` ("Vec::new",
      "mem::swap" …), "Some", "None", "Default::default" (the call's type says of what; a hand-written
      `impl Default` is then in `methods_by_type`) or "i32::MAX"-style constants.
      Also set for struct-literal and pattern paths, and for identifier patterns that name a constant or unit
      variant (`None`).
    - methods: each method call's (owner, method, autoderefs): owner is a std owner of `std_sigs.METHODS`
      ("Vec", "String", "str", "slice", "Option", "int", "float", "Iterator"), a trait method's receiver kind
      ("array", "Rc", "ref" …), or a user type; autoderefs is the number of `*` applied to the receiver first.
      A "slice" method on a receiver that is an array after those derefs unsizes it.
    - autoderefs: for field accesses and index expressions, how many derefs reach the struct/tuple/collection.
    - coercions: expression id -> `Coercion` where the value is implicitly converted.
    - format_captures: formatting macro id -> [(name, resolution)] for variables named inside the braces (`{x}`).
    - generic_args: for paths to generic std functions, the function's own type arguments, written or inferred
      (`size_of::<Self>()` gives the impl's type; `drop(v)` gives `v`'s).
    """

    expr_types: dict[int, Ty]
    binding_types: dict[int, Ty]
    binding_modes: dict[int, str]
    let_types: dict[int, Ty]
    pat_types: dict[int, Ty]
    resolutions: dict[int, tuple]
    methods: dict[int, tuple[str, str, int]]
    autoderefs: dict[int, int]
    coercions: dict[int, Coercion]
    format_captures: dict[int, list[tuple[str, tuple]]]
    generic_args: dict[int, tuple[Ty, ...]]
    structs: dict[str, ast.StructDef]
    enums: dict[str, ast.EnumDef]
    fns: dict[str, FnSig]
    methods_by_type: dict[str, dict[str, FnSig]]
    drop_impls: set[str]
    # Field types (`Self` replaced) by struct name or "Enum::Variant", in declaration order.
    field_types: dict[str, list[tuple[str, Ty]]] = field(default_factory=dict)
    # Every `const` and `static`, including those declared inside function bodies, and their types.
    consts: dict[str, ast.ConstDef] = field(default_factory=dict)
    const_types: dict[str, Ty] = field(default_factory=dict)
    _traits: Traits | None = field(default=None, repr=False)

    def is_copy(self, ty: Ty) -> bool:
        return self._traits.is_copy(ty)

    def needs_drop(self, ty: Ty) -> bool:
        return self._traits.needs_drop(ty)

    def implements(self, ty: Ty, trait: str) -> bool:
        """Clone, Copy, Debug, Display, Default, PartialEq, PartialOrd for any type of the subset."""
        return self._traits.implements(ty, trait)


def check_program(program: ast.Program) -> TypeInfo:
    text = SourceText(program.source)
    items = collect(program, text)
    check_elision(text, _all_fns(items))
    traits = Traits(items)
    _check_derives(items, traits, text)
    env = Env(items, traits, TypeLowering(items, text), Tables(), text)
    for const in items.consts.values():
        BodyChecker(env, UNIT).check_value(const.value, items.const_types[const.name])
    for enum in items.enums.values():
        # Discriminants have the repr's integer type; `isize` without one (and for `repr(C)`).
        repr_ty = Int(enum.repr) if enum.repr in INT_NAMES else Int("isize")
        for variant in enum.variants:
            if variant.discriminant is not None:
                BodyChecker(env, UNIT).check_value(variant.discriminant, repr_ty)
    for sig in _all_fns(items):
        BodyChecker(env, sig.ret, sig.owner, _self_local(sig)).check_fn(sig.node, sig.params)
    if "main" not in items.fns:
        crate = program.path.rsplit("/", 1)[-1].removesuffix(".rs")
        raise error(
            "E0601",
            f"`main` function not found in crate `{crate}`",
            text.end(),
            f"consider adding a `main` function to `{program.path}`",
        )
    return _type_info(env)


def _all_fns(items: Items) -> list[FnSig]:
    sigs = list(items.fns.values())
    sigs += [sig for table in items.methods_by_type.values() for sig in table.values()]
    return sorted(sigs, key=lambda sig: sig.node.span)


def _self_local(sig: FnSig) -> Local | None:
    if sig.self_param is None:
        return None
    owner = Adt(sig.owner)
    ty = {"ref": Ref(owner), "mut_ref": Ref(owner, True)}.get(sig.self_param, owner)
    return Local(sig.node.id, ty)


def _check_derives(items: Items, traits: Traits, text: SourceText) -> None:
    """`#[derive(Copy)]` needs Clone too and Copy fields; a type with a destructor cannot be Copy."""
    for definition in [*items.structs.values(), *items.enums.values()]:
        if "Copy" not in definition.derives:
            continue
        name = definition.name
        name_span = text.word(name, definition.span) or definition.span
        if not items.implements(name, "Clone"):
            raise error(
                "E0277",
                f"the trait bound `{name}: Clone` is not satisfied",
                name_span,
                f"the trait `Clone` is not implemented for `{name}`",
            )
        if name in items.drop_impls:
            raise error(
                "E0184",
                "the trait `Copy` cannot be implemented for this type; the type has a destructor",
                name_span,
                "`Copy` not allowed on types with destructors",
            )
        field_lists = traits.field_lists(name)
        if not all(traits.is_copy(ty) for fields in field_lists for _, ty in fields):
            raise error(
                "E0204",
                "the trait `Copy` cannot be implemented for this type",
                name_span,
                "this field does not implement `Copy`",
            )


def _type_info(env: Env) -> TypeInfo:
    t, items = env.tables, env.items
    return TypeInfo(
        expr_types=t.expr_types,
        binding_types={**t.binding_types, **_self_types(items)},
        binding_modes=t.binding_modes,
        let_types=t.let_types,
        pat_types=t.pat_types,
        resolutions=t.resolutions,
        methods=t.methods,
        autoderefs=t.autoderefs,
        coercions=t.coercions,
        format_captures=t.format_captures,
        generic_args=t.generic_args,
        structs=items.structs,
        enums=items.enums,
        fns=items.fns,
        methods_by_type=items.methods_by_type,
        drop_impls=items.drop_impls,
        field_types=items.fields,
        consts=items.consts,
        const_types=items.const_types,
        _traits=env.traits,
    )


def _self_types(items: Items) -> dict[int, Ty]:
    return {
        sig.node.id: local.ty
        for table in items.methods_by_type.values()
        for sig in table.values()
        if (local := _self_local(sig)) is not None
    }
