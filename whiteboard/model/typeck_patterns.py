"""Patterns, with default binding modes (RFC 2005, and the stricter edition 2024 rules).

When a non-reference pattern (tuple, struct, variant, literal, range, path) meets a reference, the reference is
peeled and the default binding mode becomes `ref` (or `ref mut` through `&mut` when not already `ref`); an
identifier then binds a reference to the matched place. `binding_modes[pident.id]` records the mode each identifier
ended up with, `pat_types[pattern.id]` the type each pattern was matched against before peeling.
"""

from __future__ import annotations

from whiteboard.model import syntax as ast
from whiteboard.model.syntax import Unsupported
from whiteboard.model.typeck_env import Local
from whiteboard.model.typeck_errors import describe, error, mismatched
from whiteboard.model.types import Adt, Char, Int, Ref, Str, Tuple, Ty, Var

MOVE, REF, REF_MUT = "move", "ref", "ref mut"
_RESULT_VARIANTS = ("Ok", "Err")  # in the prelude, but `Result` is outside the subset


class PatternChecks:
    def check_pattern(self, pattern: ast.Pattern, expected: Ty, irrefutable_in: str | None = None) -> dict:
        """Check `pattern` against `expected`; return its bindings by name (`Local`s). `irrefutable_in` names the
        place a pattern must match every value ("local binding", "function argument" …); that is checked with the
        final types, in `finish_body`."""
        bindings: dict = {}
        # How rustc names these bindings when one would shadow a tuple struct or variant (E0530).
        self._binding_kind = {"local binding": "let bindings", "function argument": "function parameters"}.get(
            irrefutable_in, "match bindings"
        )
        self._pat(pattern, expected, MOVE, bindings)
        if irrefutable_in is not None:
            self.irrefutable.append((pattern, expected, irrefutable_in))
        return bindings

    def _pat(self, pat: ast.Pattern, expected: Ty, mode: str, bindings: dict) -> None:
        self.out.pat_types[pat.id] = expected
        if isinstance(pat, ast.PIdent) and self._constant_like(pat) is None:
            self._binding(pat, expected, mode, bindings)
        elif isinstance(pat, ast.PWild):
            pass
        elif isinstance(pat, ast.PRef):
            self._ref_pattern(pat, expected, mode, bindings)
        elif isinstance(pat, ast.POr):
            self._or_pattern(pat, expected, mode, bindings)
        else:
            peeled, mode = self._peel(pat, expected, mode)
            getattr(self, "_pat_" + type(pat).__name__)(pat, peeled, mode, bindings)

    def _peel(self, pat: ast.Pattern, expected: Ty, mode: str) -> tuple[Ty, str]:
        ty = self.table.shallow(expected)
        while isinstance(ty, Ref):
            if _is_str_literal(pat) and isinstance(self.table.shallow(ty.inner), Str):
                break  # a string literal pattern matches `&str` itself
            mode = REF if not ty.mutable or mode == REF else REF_MUT
            ty = self.table.shallow(ty.inner)
        return ty, mode

    def _binding(self, pat: ast.PIdent, expected: Ty, mode: str, bindings: dict) -> None:
        if mode != MOVE and (pat.by_ref or pat.mutable):
            raise error(
                None,
                "binding modifiers may only be written when the default binding mode is `move`",
                pat.span,
                "occurs within matched default binding mode",
                ("for more information, see <https://doc.rust-lang.org/reference/patterns.html#binding-modes>",),
            )
        if pat.by_ref:
            ty, final_mode = Ref(expected, pat.mutable), REF_MUT if pat.mutable else REF
        elif mode != MOVE:
            ty, final_mode = Ref(expected, mode == REF_MUT), mode
        else:
            ty, final_mode = expected, MOVE
        if pat.name in bindings:
            raise error(
                "E0416",
                f"identifier `{pat.name}` is bound more than once in the same pattern",
                pat.span,
                "used in a pattern more than once",
            )
        bindings[pat.name] = Local(pat.id, ty)
        self.out.binding_types[pat.id] = ty
        self.out.binding_modes[pat.id] = final_mode
        if pat.sub is not None:
            self._pat(pat.sub, expected, mode, bindings)

    def _ref_pattern(self, pat: ast.PRef, expected: Ty, mode: str, bindings: dict) -> None:
        if mode != MOVE:
            raise error(
                None,
                "reference patterns may only be written when the default binding mode is `move`",
                pat.span,
                "occurs within matched default binding mode",
            )
        ty = self.table.shallow(expected)
        if isinstance(ty, Var):
            inner = self.table.fresh()
            self.unify_or_mismatch(pat.span, ty, Ref(inner, pat.mutable))
            ty = Ref(inner, pat.mutable)
        if not isinstance(ty, Ref) or ty.mutable != pat.mutable:
            found = "&mut _" if pat.mutable else "&_"
            raise error(
                "E0308", "mismatched types", pat.span, f"expected {describe(self.resolve(ty))}, found `{found}`"
            )
        self._pat(pat.pattern, ty.inner, MOVE, bindings)

    def _or_pattern(self, pat: ast.POr, expected: Ty, mode: str, bindings: dict) -> None:
        alternatives = []
        for alt in pat.alts:
            alt_bindings: dict = {}
            self._pat(alt, expected, mode, alt_bindings)
            alternatives.append((alt, alt_bindings))
        first_alt, first = alternatives[0]
        for alt, alt_bindings in alternatives[1:]:
            for name in first.keys() ^ alt_bindings.keys():
                missing_from = alt if name in first else first_alt
                raise error(
                    "E0408",
                    f"variable `{name}` is not bound in all patterns",
                    missing_from.span,
                    f"pattern doesn't bind `{name}`",
                )
            for name, local in alt_bindings.items():
                self.unify_or_mismatch(alt.span, first[name].ty, local.ty)
        for name, local in first.items():
            if name in bindings:
                raise error(
                    "E0416",
                    f"identifier `{name}` is bound more than once in the same pattern",
                    pat.span,
                    "used in a pattern more than once",
                )
            bindings[name] = local

    # -------------------------------------------------------------------------------- non-reference patterns

    def _pat_PIdent(self, pat: ast.PIdent, expected: Ty, mode: str, bindings: dict) -> None:
        """An identifier naming a unit variant, unit struct or constant (`None`, `Red` after `use Color::*`)."""
        resolution, ty = self._constant_like(pat)
        self.out.resolutions[pat.id] = resolution
        self.unify_or_mismatch(pat.span, expected, ty)

    def _pat_PPath(self, pat: ast.PPath, expected: Ty, mode: str, bindings: dict) -> None:
        path = pat.path
        if len(path.segments) == 1 and not self._names_item(path.segments[0]):
            # rustc would bind a new variable; the parser reads capitalised names in patterns as paths.
            raise Unsupported(f"a capitalised variable name in a pattern (`{path.segments[0]}`)", pat.span)
        resolution, ty, kind, _ = self.pattern_path(path)
        if kind == "tuple" and len(path.segments) == 1:
            raise self._shadowing(resolution, pat.span)
        if kind not in ("unit", "const"):
            what = {"tuple": "tuple variant", "named": "struct variant"}[kind]
            if resolution[0] == "struct":
                what = what.replace("variant", "struct")
            raise error(
                "E0532",
                f"expected unit struct, unit variant or constant, found {what} `{'::'.join(path.segments)}`",
                path.span,
            )
        self.out.resolutions[path.id] = resolution
        self.unify_or_mismatch(pat.span, expected, ty)

    def _shadowing(self, resolution: tuple, span) -> Exception:
        """E0530: a lone name in a pattern that names a tuple struct or variant (`let Some = 5;`)."""
        what = "tuple structs" if resolution[0] == "struct" else "tuple variants"
        return error(
            "E0530", f"{self._binding_kind} cannot shadow {what}", span, f"cannot be named the same as a {what[:-1]}"
        )

    def _pat_PTupleStruct(self, pat: ast.PTupleStruct, expected: Ty, mode: str, bindings: dict) -> None:
        resolution, ty, kind, fields = self.pattern_path(pat.path)
        if kind != "tuple":
            raise error(
                "E0532",
                f"expected tuple struct or tuple variant, found "
                f"{'unit' if kind in ('unit', 'const') else 'struct'} variant "
                f"`{'::'.join(pat.path.segments)}`",
                pat.path.span,
            )
        self.out.resolutions[pat.path.id] = resolution
        self.unify_or_mismatch(pat.span, expected, ty)
        what = "tuple struct" if resolution[0] == "struct" else "tuple variant"
        self._sequence(pat, pat.elems, fields, mode, bindings, what)

    def _pat_PTuple(self, pat: ast.PTuple, expected: Ty, mode: str, bindings: dict) -> None:
        has_rest = any(isinstance(e, ast.PRest) for e in pat.elems)
        if isinstance(expected, Var) and not has_rest:
            self.unify_or_mismatch(pat.span, expected, Tuple(tuple(self.table.fresh() for _ in pat.elems)))
            expected = self.table.shallow(expected)
        if not isinstance(expected, Tuple):
            raise error(
                "E0308", "mismatched types", pat.span, f"expected {describe(self.resolve(expected))}, found tuple"
            )
        self._sequence(pat, pat.elems, list(expected.elems), mode, bindings, "tuple")

    def _sequence(
        self, pat: ast.Pattern, elems: list[ast.Pattern], fields: list[Ty], mode: str, bindings: dict, what: str
    ) -> None:
        """Match `elems` (which may contain one `..`) against the field types of a tuple or tuple variant."""
        rest = [i for i, e in enumerate(elems) if isinstance(e, ast.PRest)]
        if len(rest) > 1:
            raise error(
                None,
                "`..` can only be used once per tuple pattern",
                elems[rest[1]].span,
                "can only be used once per tuple pattern",
            )
        if rest:
            before, after = elems[: rest[0]], elems[rest[0] + 1 :]
            if len(before) + len(after) > len(fields):
                raise self._field_count(pat, elems, what, len(elems) - 1, len(fields))
            pairs = list(zip(before, fields, strict=False))
            pairs += list(zip(after, fields[len(fields) - len(after) :], strict=True))
            self.out.pat_types[elems[rest[0]].id] = Tuple(tuple(fields[len(before) : len(fields) - len(after)]))
        else:
            if len(elems) != len(fields):
                raise self._field_count(pat, elems, what, len(elems), len(fields))
            pairs = list(zip(elems, fields, strict=True))
        for elem, ty in pairs:
            self._pat(elem, ty, mode, bindings)

    def _field_count(
        self, pat: ast.Pattern, elems: list[ast.Pattern], what: str, found: int, expected: int
    ) -> Exception:
        if what == "tuple":
            return mismatched(pat.span, Tuple((Var(0),) * expected), Tuple((Var(0),) * found))
        fields = lambda n: f"{n} field" + ("" if n == 1 else "s")  # noqa: E731
        span = elems[0].span if elems else pat.span  # rustc points at the sub-patterns
        return error(
            "E0023",
            f"this pattern has {fields(found)}, but the corresponding {what} has {fields(expected)}",
            span,
            f"expected {fields(expected)}, found {found}",
        )

    def _pat_PStruct(self, pat: ast.PStruct, expected: Ty, mode: str, bindings: dict) -> None:
        resolution, key = self._struct_path(pat.path)
        self.out.resolutions[pat.path.id] = resolution
        self.unify_or_mismatch(pat.span, expected, Adt(resolution[1]))
        fields = dict(self.items.fields[key])
        for name, sub in pat.fields:
            if name not in fields:
                what = "struct" if resolution[0] == "struct" else "variant"
                raise error(
                    "E0026",
                    f"{what} `{key}` does not have a field named `{name}`",
                    sub.span,
                    f"{what} `{key}` does not have this field",
                )
            self._pat(sub, fields[name], mode, bindings)
        missing = [name for name in fields if name not in dict(pat.fields)]
        if missing and not pat.rest:
            listing = ", ".join(f"`{name}`" for name in missing)
            plural = "s" if len(missing) > 1 else ""
            raise error(
                "E0027",
                f"pattern does not mention field{plural} {listing}",
                pat.span,
                f"missing field{plural} {listing}",
            )

    def _pat_PLit(self, pat: ast.PLit, expected: Ty, mode: str, bindings: dict) -> None:
        if pat.negative:
            self.negated_literals[pat.lit.id] = pat.span
        ty = self.check_expr(pat.lit, expected)
        self.unify_or_mismatch(pat.span, expected, ty)

    def _pat_PRange(self, pat: ast.PRange, expected: Ty, mode: str, bindings: dict) -> None:
        for bound in (pat.lo, pat.hi):
            if isinstance(bound, ast.PLit):
                self._pat_PLit(bound, expected, mode, bindings)
            elif isinstance(bound, ast.Path):
                self.unify_or_mismatch(bound.span, expected, self.check_expr(bound))
        ty = self.table.shallow(expected)
        if not (isinstance(ty, (Int, Char)) or isinstance(ty, Var) and ty.kind == "int"):
            raise error("E0029", "only `char` and numeric types are allowed in range patterns", pat.span)

    # ----------------------------------------------------------------------------------------------- paths

    def _constant_like(self, pat: ast.PIdent) -> tuple[tuple, Ty] | None:
        """What an identifier pattern names if it is a unit variant, unit struct or constant, else None."""
        if pat.by_ref or pat.mutable or pat.sub is not None or not self._names_item(pat.name):
            return None
        resolution, ty, kind, _ = self.pattern_path(ast.Path((pat.name,), span=pat.span))
        if kind == "tuple":
            raise self._shadowing(resolution, pat.span)
        return (resolution, ty) if kind in ("unit", "const") else None

    def _names_item(self, name: str) -> bool:
        """Whether a lone name in a pattern refers to a variant, struct or constant rather than binding."""
        items = self.items
        imported = items.value_imports.get(name, ("",))
        is_const = name in items.consts and not items.consts[name].is_static
        return name in ("Some", "None") or imported[0] == "variant" or name in items.structs or is_const

    def pattern_path(self, path: ast.Path) -> tuple[tuple, Ty, str, list[Ty]]:
        """Resolve a path in a pattern: (resolution, type, kind, field types), kind being "unit", "tuple",
        "named" or "const"."""
        segments = list(path.segments)
        if segments[0] == "Self" and self.self_ty() is not None:
            segments[0] = self.self_ty().name
        items = self.items
        if len(segments) == 1:
            name = segments[0]
            if name in ("Some", "None"):
                segments = ["Option", name]
            elif items.value_imports.get(name, ("",))[0] == "variant":
                segments = list(items.value_imports[name][1:])
            elif name in items.structs:
                struct = items.structs[name]
                return ("struct", name), Adt(name), struct.kind, [t for _, t in items.fields[name]]
            elif name in items.consts and not items.consts[name].is_static:
                return ("const", name), items.const_types[name], "const", []
        if len(segments) == 2 and segments[0] == "Option" and segments[1] in ("Some", "None"):
            payload = self.table.fresh()
            kind = "tuple" if segments[1] == "Some" else "unit"
            return ("std", segments[1]), Adt("Option", (payload,)), kind, [payload]
        if len(segments) == 2 and segments[0] in items.enums:
            variant = items.variant(*segments)
            if variant is None:
                raise error(
                    "E0599",
                    f"no variant or associated item named `{segments[1]}` found for enum "
                    f"`{segments[0]}` in the current scope",
                    self.env.text.suffix(path.span, segments[1]),
                    f"variant or associated item not found in `{segments[0]}`",
                )
            fields = [t for _, t in items.fields["::".join(segments)]]
            return ("variant", *segments), Adt(segments[0]), variant.kind, fields
        name = "::".join(path.segments)
        if path.segments[-1] in _RESULT_VARIANTS:
            raise Unsupported("`Result` and its variants `Ok` and `Err`", path.span)
        raise error(
            "E0531",
            f"cannot find tuple struct or tuple variant `{name}` in this scope",
            path.span,
            "not found in this scope",
        )


def _is_str_literal(pat: ast.Pattern) -> bool:
    return isinstance(pat, ast.PLit) and pat.lit.kind == "str"
