"""Macros of the subset: formatting (`println!`, `format!`, `panic!` …), assertions, `vec!` and `offset_of!`."""

from __future__ import annotations

from whiteboard.model import syntax as ast
from whiteboard.model.syntax import Span, Unsupported
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
        positional = [(arg, ty) for arg, ty in zip(node.args, types, strict=True) if arg.name is None]
        named = {arg.name: (arg, ty) for arg, ty in zip(node.args, types, strict=True) if arg.name is not None}
        spans = self._hole_spans(node, holes)
        wanted = [index for hole in holes for index in (hole.argument, *hole.counts) if isinstance(index, int)]
        if wanted and max(wanted) >= len(positional):
            raise _too_few_arguments(wanted, len(positional), spans, holes)
        captures: list[tuple[str, tuple]] = []
        used: set[int | str] = set()
        for hole, span in zip(holes, spans, strict=True):
            for key in hole.counts:
                used.add(key)
                ty, blame = self._argument(key, positional, named, captures, span)
                self.unify_or_mismatch(blame, USIZE, ty)
            used.add(hole.argument)
            ty, blame = self._argument(hole.argument, positional, named, captures, span)
            self.require(ty, hole.trait, blame)
        unused = [arg for i, (arg, _) in enumerate(positional) if i not in used]
        unused += [arg for name, (arg, _) in named.items() if name not in used]
        if unused:
            message = "argument never used" if len(unused) == 1 else "multiple unused formatting arguments"
            if len(unused) == 1 and unused[0].name is not None:
                message = "named argument never used"
            raise error(None, message, unused[0].expr.span)
        if captures:
            self.out.format_captures[node.id] = captures

    def _argument(self, key: int | str, positional: list, named: dict, captures: list, hole: Span) -> tuple[Ty, Span]:
        """The type of what a placeholder uses (a positional or named argument, or a captured variable) and where
        rustc blames it: the argument, or the name inside the braces for a captured variable."""
        if isinstance(key, int):
            arg, ty = positional[key]
            return ty, arg.expr.span
        if key in named:
            arg, ty = named[key]
            return ty, arg.expr.span
        if not key.isidentifier():
            raise error(None, f"invalid format string: invalid argument name `{key}`", hole)
        resolution, ty = self.resolve_value_path(ast.Path((key,), span=_name_span(hole, key)))
        captures.append((key, resolution))
        return ty, _name_span(hole, key)

    def _hole_spans(self, node: ast.FormatMacro, holes: list) -> list[Span]:
        """Each placeholder's span, read from the literal's source text (escapes shift the template's indices);
        the whole literal when it spans several lines."""
        line, col, end_line, _ = node.template_span
        raw = self.env.text.lines[line - 1][col - 1 : node.template_span[3] - 1] if line == end_line else ""
        quote = raw.find('"')
        try:
            raw_holes = placeholders(raw[quote + 1 : raw.rfind('"')]) if quote >= 0 else []
        except FormatStringError:
            raw_holes = []
        if len(raw_holes) != len(holes):
            return [node.template_span] * len(holes)
        base = col + quote + 1
        return [(line, base + hole.start, line, base + hole.end) for hole in raw_holes]

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


def _name_span(hole: Span, name: str) -> Span:
    """A captured variable's name inside its braces: `{x}` or `{x:?}`."""
    return (hole[0], hole[1] + 1, hole[0], hole[1] + 1 + len(name))


def _too_few_arguments(wanted: list[int], given: int, spans: list[Span], holes: list) -> Exception:
    there = (
        "no arguments were given"
        if given == 0
        else (f"there is {plural(given, 'argument')}" if given == 1 else f"there are {plural(given, 'argument')}")
    )
    distinct = sorted(set(wanted))
    if distinct == list(range(len(distinct))):  # implicit `{}`s: rustc counts them
        return error(None, f"{plural(len(distinct), 'positional argument')} in format string, but {there}", spans[0])
    bad = next(hole for hole in holes if isinstance(hole.argument, int) and hole.argument >= given)
    return error(
        None,
        f"invalid reference to positional argument {bad.argument} ({there})",
        _name_span(spans[holes.index(bad)], str(bad.argument)),
    )
