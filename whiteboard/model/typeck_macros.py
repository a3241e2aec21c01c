"""Macros of the subset: formatting (`println!`, `format!`, `panic!` …), assertions, `vec!` and `offset_of!`."""

from __future__ import annotations

from whiteboard.model import syntax as ast
from whiteboard.model.syntax import Unsupported
from whiteboard.model.typeck_errors import error, plural
from whiteboard.model.typeck_format import FormatStringError, placeholders
from whiteboard.model.types import BOOL, NEVER, STRING, UNIT, USIZE, Adt, Ty

_RESULT_TYPES = {"format": STRING, "panic": NEVER, "unreachable": NEVER, "todo": NEVER, "unimplemented": NEVER}


class MacroChecks:
    def check_FormatMacro(self, node: ast.FormatMacro, expected: Ty | None) -> Ty:
        types = [self.check_expr(arg.expr) for arg in node.args]
        if node.template is not None:
            self._check_template(node, types)
        return _RESULT_TYPES.get(node.macro, UNIT)

    def _check_template(self, node: ast.FormatMacro, types: list[Ty]) -> None:
        try:
            holes = placeholders(node.template)
        except FormatStringError as exc:
            raise error(None, str(exc), node.template_span) from None
        positional = [ty for arg, ty in zip(node.args, types, strict=True) if arg.name is None]
        named = {arg.name: ty for arg, ty in zip(node.args, types, strict=True) if arg.name is not None}
        captures: list[tuple[str, tuple]] = []
        used: set[int | str] = set()
        wanted = [index for hole in holes for index in (hole.argument, *hole.counts) if isinstance(index, int)]
        if wanted and max(wanted) >= len(positional):
            raise _too_few_arguments(node, wanted, len(positional))
        for hole in holes:
            for index in hole.counts:
                self._check_count(node, index, positional, named, captures)
                used.add(index)
            used.add(hole.argument)
            if isinstance(hole.argument, int):
                ty = positional[hole.argument]
            elif hole.argument in named:
                ty = named[hole.argument]
            else:
                ty = self._capture(node, hole.argument, captures)
            self.require(ty, hole.trait, node.template_span)
        unused = [i for i in range(len(positional)) if i not in used] + [n for n in named if n not in used]
        if unused:
            message = "argument never used" if len(unused) == 1 else "multiple unused formatting arguments"
            if len(unused) == 1 and isinstance(unused[0], str):
                message = "named argument never used"
            raise error(None, message, node.span)
        if captures:
            self.out.format_captures[node.id] = captures

    def _check_count(self, node: ast.FormatMacro, index: int | str, positional: list[Ty], named: dict,
                     captures: list) -> None:
        if isinstance(index, int):
            ty = positional[index]
        else:
            ty = named[index] if index in named else self._capture(node, index, captures)
        self.unify_or_mismatch(node.template_span, USIZE, ty)

    def _capture(self, node: ast.FormatMacro, name: str, captures: list[tuple[str, tuple]]) -> Ty:
        """An identifier inside the braces names a variable in scope (`{x}`), as if passed as `x = x`."""
        if not name.isidentifier():
            raise error(None, f"invalid format string: invalid argument name `{name}`", node.template_span)
        path = ast.Path((name,), span=node.template_span)
        resolution, ty = self.resolve_value_path(path)
        captures.append((name, resolution))
        return ty

    # ------------------------------------------------------------------------------------------------- asserts

    def check_AssertMacro(self, node: ast.AssertMacro, expected: Ty | None) -> Ty:
        if len(node.args) == 1:
            self.check_coerced(node.args[0], BOOL)
        else:
            left, right = (self.check_expr(arg) for arg in node.args)
            self.compare("==" if node.macro.endswith("eq") else "!=", node.span, node.args[1].span, left, right)
            self.require(left, "Debug", node.span)
            self.require(right, "Debug", node.span)
        if node.message is not None:
            self.check_expr(node.message)
        return UNIT

    # ----------------------------------------------------------------------------------------- vec!, offset_of!

    def check_VecMacro(self, node: ast.VecMacro, expected: Ty | None) -> Ty:
        wanted = self.table.shallow(expected) if expected is not None else None
        element = wanted.args[0] if isinstance(wanted, Adt) and wanted.name == "Vec" else None
        if node.repeat is not None:
            value, count = node.repeat
            ty = self.check_expr(value, element)
            if element is not None:
                self.coerce(value, ty, element)
            self.check_coerced(count, USIZE)
            self.require(ty, "Clone", value.span)
            return Adt("Vec", (element if element is not None else ty,))
        for elem in node.elems:
            ty = self.check_expr(elem, element)
            if element is None:
                element = ty
            else:
                self.coerce(elem, ty, element)
        return Adt("Vec", (element if element is not None else self.table.fresh(),))

    def check_OffsetOf(self, node: ast.OffsetOf, expected: Ty | None) -> Ty:
        ty = self.env.lower(node.ty, node.span, self.self_ty())
        fields = self.items.fields.get(ty.name, []) if isinstance(ty, Adt) and ty.name in self.items.structs else []
        if node.field not in dict(fields):
            raise error("E0609", f"no field `{node.field}` on type `{ty}`", node.span, "unknown field")
        return USIZE

    def check_MacroCall(self, node: ast.MacroCall, expected: Ty | None) -> Ty:
        raise Unsupported(f"the `{node.name}!` macro", node.span)


def _too_few_arguments(node: ast.FormatMacro, wanted: list[int], given: int) -> Exception:
    if len(set(wanted)) > given and sorted(set(wanted)) == list(range(len(set(wanted)))):
        count = len(set(wanted))
        there = "no arguments were given" if given == 0 else (
            f"there is {plural(given, 'argument')}" if given == 1 else f"there are {plural(given, 'argument')}")
        return error(None, f"{plural(count, 'positional argument')} in format string, but {there}",
                     node.template_span)
    bad = max(wanted)
    there = "no arguments were given" if given == 0 else (
        f"there is {plural(given, 'argument')}" if given == 1 else f"there are {plural(given, 'argument')}")
    return error(None, f"invalid reference to positional argument {bad} ({there})", node.template_span)
