"""The end of a body: literal defaults, the checks that needed final types (trait obligations, casts, literal
ranges), then every recorded type made concrete and handed to the program-wide tables."""

from __future__ import annotations

from dataclasses import replace

from whiteboard.model import syntax as ast
from whiteboard.model.typeck_errors import error
from whiteboard.model.typeck_exhaustive import Exhaustiveness, check_irrefutable, check_match
from whiteboard.model.typeck_infer import has_vars
from whiteboard.model.types import U8, Adt, Bool, Char, Float, FnPtr, Int, RawPtr, Ref, Ty, Var


def finish_body(cx) -> None:
    cx.table.apply_defaults()
    _check_obligations(cx)
    for cast in cx.casts:
        _check_cast(cx, cast)
    _zonk_tables(cx)
    _check_patterns(cx)
    _check_literal_ranges(cx)


def _check_obligations(cx) -> None:
    for ob in cx.obligations:
        ty = cx.resolve(ob.ty)
        if not has_vars(ty) and not cx.env.traits.implements(ty, ob.trait):
            raise ob.error(ty)


# ------------------------------------------------------------------------------------------------------ casts


def _check_cast(cx, cast: ast.Cast) -> None:
    source = cx.resolve(cx.out.expr_types[cast.expr.id])
    target = cx.resolve(cx.out.expr_types[cast.id])
    problem = _cast_problem(cx, source, target)
    if problem is not None:
        code, message = problem
        raise error(code, message, cast.span)


def _cast_problem(cx, source: Ty, target: Ty) -> tuple[str, str] | None:
    """None when `source as target` is a valid cast, else rustc's (code, headline)."""
    numeric = (Int, Float)
    if source == target or isinstance(source, numeric) and isinstance(target, numeric):
        return None
    if isinstance(target, Int) and (isinstance(source, (Bool, Char, RawPtr, FnPtr)) or _is_fieldless_enum(cx, source)):
        return None
    if isinstance(target, Char):
        if source == U8:
            return None
        if isinstance(source, numeric):
            return "E0604", f"only `u8` can be cast as `char`, not `{source}`"
    if isinstance(target, RawPtr) and _pointer_cast_ok(source, target):
        return None
    if isinstance(source, (Int, Float, Bool, Char, Ref, RawPtr, FnPtr)):
        return "E0606", f"casting `{source}` as `{target}` is invalid"
    return "E0605", f"non-primitive cast: `{source}` as `{target}`"


def _pointer_cast_ok(source: Ty, target: RawPtr) -> bool:
    if isinstance(source, (RawPtr, Int, FnPtr)):
        return True
    if isinstance(source, Ref):
        same = source.inner == target.inner or getattr(source.inner, "elem", None) == target.inner
        return same and (source.mutable or not target.mutable)
    return False


def _is_fieldless_enum(cx, ty: Ty) -> bool:
    enum = cx.items.enums.get(ty.name) if isinstance(ty, Adt) else None
    return enum is not None and all(not v.fields for v in enum.variants)


# ---------------------------------------------------------------------------------------------- final types


def _zonk_tables(cx) -> None:
    """Replace inference variables by their values in every table; a variable left unbound is an error."""
    out, final = cx.out, cx.env.tables
    _check_inferred(cx)
    for name in ("expr_types", "binding_types", "let_types", "pat_types"):
        table = getattr(final, name)
        for node_id, ty in getattr(out, name).items():
            table[node_id] = cx.resolve(ty)
    for node_id, coercion in out.coercions.items():
        final.coercions[node_id] = replace(coercion, target=cx.resolve(coercion.target))
    for node_id, args in out.generic_args.items():
        final.generic_args[node_id] = tuple(map(cx.resolve, args))
    for name in ("binding_modes", "resolutions", "methods", "autoderefs", "format_captures"):
        getattr(final, name).update(getattr(out, name))


def _check_inferred(cx) -> None:
    """rustc's errors for types inference could not determine, in the order rustc reports them. (Patterns take
    their types from a `let` or an expression, so checking those covers every binding.)"""
    for node_id, resolution in cx.out.resolutions.items():
        if resolution == ("std", "Default::default") and has_vars(cx.resolve(cx.out.expr_types[node_id])):
            raise error(
                "E0790",
                "cannot call associated function on trait without specifying the corresponding `impl` type",
                cx.expr_nodes[node_id].span,
                "cannot call associated function of trait",
            )
    for let in cx.lets:
        ty = cx.resolve(cx.out.let_types[let.id])
        # rustc blames a plain `let name` (naming the type when partly known); for a destructuring `let`, the
        # expression whose type is unknown.
        if has_vars(ty) and isinstance(let.pattern, ast.PIdent):
            named = not isinstance(ty, Var)
            raise error(
                "E0282", f"type annotations needed for `{ty}`" if named else "type annotations needed", let.pattern.span
            )
    for node_id, ty in cx.out.expr_types.items():
        if has_vars(cx.resolve(ty)):
            raise error("E0282", "type annotations needed", cx.expr_nodes[node_id].span)


def _check_patterns(cx) -> None:
    checker = Exhaustiveness(cx.items, cx.out.resolutions, cx.resolve)
    for pattern, ty, context in cx.irrefutable:
        check_irrefutable(checker, pattern, ty, context)
    for node, ty in cx.matches:
        check_match(checker, node, ty)


# ------------------------------------------------------------------------------------------ literal ranges


def _check_literal_ranges(cx) -> None:
    """rustc's deny-by-default `overflowing_literals` lint: `let x: u8 = 256;` does not compile."""
    for lit in cx.int_literals:
        ty = cx.env.tables.expr_types[lit.id]
        if not isinstance(ty, Int):
            continue
        negated = cx.negated_literals.get(lit.id)  # the span with the minus sign, which rustc includes
        value = -lit.value if negated else lit.value
        if not ty.min <= value <= ty.max:
            raise error(
                None,
                f"literal out of range for `{ty}`",
                negated or lit.span,
                f"the literal `{lit.value}` does not fit into the type `{ty}` whose range is `{ty.min}..={ty.max}`",
            )
