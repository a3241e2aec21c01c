"""Expressions other than control flow, paths, methods, operators and macros: literals, borrows, casts, calls,
field access, indexing, struct/tuple/array literals and ranges."""

from __future__ import annotations

from whiteboard.model import std_sigs
from whiteboard.model import syntax as ast
from whiteboard.model.syntax import Span, Unsupported
from whiteboard.model.typeck_errors import arg_count, error, missing_fields
from whiteboard.model.typeck_methods import autoderef_steps
from whiteboard.model.typeck_ops import OperatorChecks
from whiteboard.model.types import (
    BOOL,
    CHAR,
    PRIMITIVES,
    STR,
    STR_REF,
    U8,
    USIZE,
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

# Range expressions by (has start, has end, inclusive).
_RANGE_TYPES = {
    (True, True, False): "Range",
    (True, True, True): "RangeInclusive",
    (True, False, False): "RangeFrom",
    (False, True, False): "RangeTo",
    (False, True, True): "RangeToInclusive",
    (False, False, False): "RangeFull",
}
RANGE_NAMES = frozenset(_RANGE_TYPES.values())


class ExprChecks(OperatorChecks):
    # ------------------------------------------------------------------------------------------------ literals

    def check_Lit(self, lit: ast.Lit, expected: Ty | None) -> Ty:
        if lit.kind in ("int", "float") and lit.suffix is not None:
            ty = PRIMITIVES[lit.suffix]
        elif lit.kind in ("int", "float"):
            ty = self._unsuffixed_number(lit.kind, expected)
        else:
            ty = {"bool": BOOL, "char": CHAR, "str": STR_REF, "byte": U8}.get(lit.kind)
            if lit.kind == "bytestr":
                ty = Ref(Array(U8, len(lit.value)))
        if lit.kind == "int":
            self.int_literals.append(lit)
        return ty

    def _unsuffixed_number(self, kind: str, expected: Ty | None) -> Ty:
        """rustc's `check_lit`: an unsuffixed literal takes the expected numeric type directly (this is what makes
        `300 as u8` an out-of-range `u8` literal), else it is a fresh `{integer}` / `{float}`."""
        wanted = self.table.shallow(expected) if expected is not None else None
        if kind == "int":
            if isinstance(wanted, Int):
                return wanted
            if isinstance(wanted, Char):
                return U8
            if isinstance(wanted, (RawPtr, FnPtr)):
                return USIZE
        elif isinstance(wanted, Float):
            return wanted
        return self.table.fresh(kind)

    # ------------------------------------------------------------------------------------ borrows and casts

    def check_AddrOf(self, node: ast.AddrOf, expected: Ty | None) -> Ty:
        wanted = self.table.shallow(expected) if expected is not None else None
        inner = self.table.shallow(wanted.inner) if isinstance(wanted, Ref) else None
        hint = inner if inner is not None and not isinstance(inner, (Slice, Str)) else None
        return Ref(self.check_expr(node.expr, hint), node.mutable)

    def check_Cast(self, node: ast.Cast, expected: Ty | None) -> Ty:
        target = self.env.lower(node.ty, node.span, self.self_ty())
        literal = node.expr.expr if isinstance(node.expr, ast.Unary) and node.expr.op == "-" else node.expr
        self.check_expr(node.expr, target if isinstance(literal, ast.Lit) else None)
        self.casts.append(node)
        return target

    # -------------------------------------------------------------------------------------------------- calls

    def check_Call(self, call: ast.Call, expected: Ty | None) -> Ty:
        if isinstance(call.func, ast.Path):
            callee = self.record(call.func, self.check_Path(call.func, None, callee=True))
        else:
            callee = self.check_expr(call.func)
        fn = self.table.shallow(callee)
        if not isinstance(fn, FnPtr):
            raise error("E0618", f"expected function, found `{self.resolve(fn)}`", call.func.span, "not a function")
        if len(call.args) != len(fn.params):
            resolution = self.out.resolutions.get(call.func.id, ("fn",))
            kind = {"struct": "struct", "variant": "enum variant"}.get(resolution[0], "function")
            if resolution[:2] == ("std", "Some"):
                kind = "enum variant"
            raise arg_count(call.func.span, kind, len(fn.params), len(call.args))
        self.check_arguments(call.args, fn.params, fn.ret, expected)
        return fn.ret

    # ---------------------------------------------------------------------------------------- fields, indexing

    def check_FieldAccess(self, node: ast.FieldAccess, expected: Ty | None) -> Ty:
        base = self.check_expr(node.expr)
        for derefs, step in enumerate(autoderef_steps(self, base)):
            if isinstance(step, Var) and not step.kind:
                raise error("E0282", "type annotations needed", node.expr.span, "type must be known at this point")
            ty = self._field_type(step, node.name)
            if ty is not None:
                self.out.autoderefs[node.id] = derefs
                return ty
        raise self._no_field(node, self.resolve(base))

    def _no_field(self, node: ast.FieldAccess, base: Ty) -> Exception:
        span = self.env.text.suffix(node.span, node.name)  # rustc points at the field name
        if isinstance(base, (Int, Float, Bool, Char)) or isinstance(base, Var):
            return error("E0610", f"`{base}` is a primitive type and therefore doesn't have fields", span)
        steps = list(autoderef_steps(self, base))
        for step in steps:
            if isinstance(step, Adt) and node.name in std_sigs.PRIVATE_FIELDS.get(step.name, ()):
                return error("E0616", f"field `{node.name}` of struct `{step.name}` is private", span, "private field")
        if any(self.methods_of(step, node.name) for step in steps):
            return error(
                "E0615",
                f"attempted to take value of method `{node.name}` on type `{base}`",
                span,
                "method, not a field",
            )
        return error("E0609", f"no field `{node.name}` on type `{base}`", span, "unknown field")

    def _field_type(self, ty: Ty, name: str) -> Ty | None:
        if isinstance(ty, Tuple) and name.isdigit() and int(name) < len(ty.elems):
            return ty.elems[int(name)]
        if isinstance(ty, Adt) and ty.name in self.items.structs:
            return dict(self.items.fields[ty.name]).get(name)
        return None

    def check_Index(self, node: ast.Index, expected: Ty | None) -> Ty:
        base = self.check_expr(node.expr)
        index = self.check_expr(node.index)
        for derefs, step in enumerate(autoderef_steps(self, base)):
            if isinstance(step, Var) and not step.kind:
                raise error("E0282", "type annotations needed", node.expr.span, "type must be known at this point")
            element = self._indexable(step)
            if element is not None:
                self.out.autoderefs[node.id] = derefs
                return self._index_result(node, step, element, index)
        brackets = (*node.expr.span[2:], *node.span[2:])  # rustc points at `[index]`
        raise error("E0608", f"cannot index into a value of type `{self.resolve(base)}`", brackets)

    @staticmethod
    def _indexable(ty: Ty) -> Ty | None:
        """The element type of what `ty` indexes (`str` for strings); None when `ty` has no `Index` impl."""
        if isinstance(ty, Adt) and ty.name == "Vec":
            return ty.args[0]
        if isinstance(ty, (Array, Slice)):
            return ty.elem
        if isinstance(ty, Str) or isinstance(ty, Adt) and ty.name == "String":
            return STR
        return None

    def _index_result(self, node: ast.Index, base: Ty, element: Ty, index: Ty) -> Ty:
        index = self.table.shallow(index)
        if isinstance(index, Adt) and index.name in RANGE_NAMES:
            for arg in index.args:
                self.unify_or_mismatch(node.index.span, USIZE, arg)
            return STR if element == STR else Slice(element)
        if element == STR:
            raise error(
                "E0277",
                f"the type `str` cannot be indexed by `{self.resolve(index)}`",
                node.index.span,
                "string indices are ranges of `usize`",
            )
        if not self.table.try_unify(index, USIZE):
            sliced = f"[{self.resolve(element)}]"
            raise error(
                "E0277",
                f"the type `{sliced}` cannot be indexed by `{self.resolve(index)}`",
                node.index.span,
                "slice indices are of type `usize` or ranges of `usize`",
            )
        return element

    # ---------------------------------------------------------------------------------------- aggregate values

    def check_StructLit(self, node: ast.StructLit, expected: Ty | None) -> Ty:
        resolution, key = self._struct_path(node.path)
        self.out.resolutions[node.path.id] = resolution
        ty = Adt(resolution[1])
        fields = dict(self.items.fields[key])
        seen = set()
        for name, value in node.fields:
            if name not in fields:
                what = "struct" if resolution[0] == "struct" else "variant"
                raise error(
                    "E0560",
                    f"{what} `{key}` has no field named `{name}`",
                    self._field_name_span(name, value),
                    "unknown field",
                )
            if name in seen:
                raise error(
                    "E0062",
                    f"field `{name}` specified more than once",
                    self._field_name_span(name, value),
                    "used more than once",
                )
            seen.add(name)
            self.check_coerced(value, fields[name])
        if node.base is not None:
            if resolution[0] != "struct":
                raise error("E0436", "functional record update syntax requires a struct", node.base.span)
            self.check_coerced(node.base, ty)
        else:
            missing = [name for name in fields if name not in seen]
            if missing:
                raise missing_fields(node.path.span, missing, key)
        return ty

    def _field_name_span(self, name: str, value: ast.Node) -> Span:
        """Where a struct literal names a field: the value itself for the shorthand `P { x }`."""
        if isinstance(value, ast.Path) and value.segments == (name,) and value.span[3] - value.span[1] == len(name):
            return value.span
        return self.env.text.word_before(name, value.span[:2]) or value.span

    def _struct_path(self, path: ast.Path) -> tuple[tuple, str]:
        """Resolve the path of a struct literal or struct pattern: (resolution, key into `items.fields`)."""
        segments = list(path.segments)
        if segments[0] == "Self" and self.self_ty() is not None:
            segments[0] = self.self_ty().name
        items = self.items
        if len(segments) == 1 and segments[0] in items.structs:
            return ("struct", segments[0]), segments[0]
        imported = items.value_imports.get(segments[0]) if len(segments) == 1 else None
        if imported is not None and imported[0] == "variant":
            segments = [imported[1], imported[2]]
        if len(segments) == 2 and segments[0] in items.enums and items.variant(*segments) is not None:
            return ("variant", *segments), "::".join(segments)
        name = "::".join(path.segments)
        raise error(
            "E0422",
            f"cannot find struct, variant or union type `{name}` in this scope",
            path.span,
            "not found in this scope",
        )

    def check_TupleLit(self, node: ast.TupleLit, expected: Ty | None) -> Ty:
        wanted = self.table.shallow(expected) if expected is not None else None
        if isinstance(wanted, Tuple) and len(wanted.elems) == len(node.elems):
            # Each element is a coercion site for its expected type, so a mismatch is blamed on the element.
            return Tuple(tuple(self.check_coerced(e, hint) for e, hint in zip(node.elems, wanted.elems, strict=True)))
        return Tuple(tuple(self.check_expr(e) for e in node.elems))

    def check_ArrayLit(self, node: ast.ArrayLit, expected: Ty | None) -> Ty:
        element = self._element_hint(expected)
        for elem in node.elems:
            ty = self.check_expr(elem, element)
            if element is None:
                element = ty
            else:
                self.coerce(elem, ty, element)
        return Array(element if element is not None else self.table.fresh(), len(node.elems))

    def _element_hint(self, expected: Ty | None) -> Ty | None:
        wanted = self.table.shallow(expected) if expected is not None else None
        return wanted.elem if isinstance(wanted, (Array, Slice)) else None

    def check_ArrayRepeat(self, node: ast.ArrayRepeat, expected: Ty | None) -> Ty:
        self.check_coerced(node.count, USIZE)
        length = self.const_usize(node.count)
        element = self._element_hint(expected)
        ty = self.check_expr(node.value, element)
        if element is not None:
            self.coerce(node.value, ty, element)
        else:
            element = ty
        is_const = isinstance(node.value, ast.Path) and self.out.resolutions[node.value.id][0] == "const"
        if length > 1 and not is_const:
            self.require(element, "Copy", node.value.span)
        return Array(element, length)

    def const_usize(self, expr: ast.Node) -> int:
        """The value of an array length: an integer literal or an integer `const`."""
        if isinstance(expr, ast.Lit) and expr.kind == "int":
            return expr.value
        if isinstance(expr, ast.Path) and self.out.resolutions.get(expr.id, ("",))[0] == "const":
            return self.const_usize(self.items.consts[expr.segments[-1]].value)
        raise Unsupported("array lengths other than an integer literal or an integer `const`", expr.span)

    def check_Range(self, node: ast.Range, expected: Ty | None) -> Ty:
        name = _RANGE_TYPES[(node.start is not None, node.end is not None, node.inclusive)]
        if name == "RangeFull":
            return Adt(name)
        bound = self.check_expr(node.start) if node.start is not None else None
        if node.end is not None:
            bound = self.check_coerced(node.end, bound) if bound is not None else self.check_expr(node.end)
        return Adt(name, (bound,))
