"""Patterns: testing a value against a pattern, and binding its parts to new locals.

Binding works on places, so that default binding modes come out right: matching `&Option<String>` with `Some(s)`
binds `s` as a reference to the String inside the Option, not a copy and not a move.
"""

from __future__ import annotations

from whiteboard.model import syntax as S
from whiteboard.model import types as T
from whiteboard.sim import values as V
from whiteboard.sim.control import InternalLimit


class PatternMixin:
    # ------------------------------------------------------------------------------------------------- matching

    def pattern_matches(self, pat, value, ty: T.Ty) -> bool:
        if isinstance(pat, (S.PIdent,)):
            return pat.sub is None or self.pattern_matches(pat.sub, value, ty)
        if isinstance(pat, (S.PWild, S.PRest)):
            return True
        value = V.strip_refs(value)
        if isinstance(pat, S.PLit):
            return self.comparable(value) == self.pattern_literal(pat)
        if isinstance(pat, S.PRange):
            v = self.comparable(value)
            lo = self.range_bound(pat.lo)
            hi = self.range_bound(pat.hi)
            if lo is not None and v < lo:
                return False
            if hi is not None and (v > hi if pat.inclusive else v >= hi):
                return False
            return True
        if isinstance(pat, S.POr):
            return any(self.pattern_matches(alt, value, ty) for alt in pat.alts)
        if isinstance(pat, S.PRef):
            return self.pattern_matches(pat.pattern, value, ty)
        if isinstance(pat, S.PPath):
            return self.path_pattern_matches(pat.path, value)
        if isinstance(pat, S.PTuple):
            return self.fields_match(pat.elems, value.fields)
        if isinstance(pat, S.PTupleStruct):
            if isinstance(value, V.EnumV) and value.variant != pat.path.segments[-1]:
                return False
            return self.fields_match(pat.elems, value.fields)
        if isinstance(pat, S.PStruct):
            if isinstance(value, V.EnumV) and value.variant != pat.path.segments[-1]:
                return False
            names = self.field_names(value)
            return all(self.pattern_matches(p, value.fields[names.index(n)], None) for n, p in pat.fields)
        raise InternalLimit("this pattern", pat.span)

    def fields_match(self, pats: list, fields: list) -> bool:
        for pat, field in zip(_expand_rest(pats, len(fields)), fields):
            if pat is not None and not self.pattern_matches(pat, field, None):
                return False
        return True

    def path_pattern_matches(self, path: S.Path, value) -> bool:
        res = self.resolutions.get(path.id)
        if res is not None and res[0] == "const":
            return self.comparable(value) == self.comparable(self.const_value(res[1], path))
        if res is not None and res[0] == "std" and not res[1].endswith("None"):
            return self.comparable(value) == self.assoc_const(res[1])
        if isinstance(value, V.EnumV):
            return value.variant == path.segments[-1]
        return True  # a unit struct

    def pattern_literal(self, pat: S.PLit):
        value = pat.lit.value
        if pat.negative:
            value = -value
        if pat.lit.kind == "float":
            value = float(value)
        return value

    def range_bound(self, bound):
        if bound is None:
            return None
        if isinstance(bound, S.PLit):
            return self.pattern_literal(bound)
        res = self.resolutions.get(bound.id)
        if res is not None and res[0] == "std":
            return self.assoc_const(res[1])  # `i32::MIN..=-1`
        return self.comparable(self.const_value(res[1], bound))

    def field_names(self, value) -> list[str]:
        layout = self.layouts.layout(value.ty)
        if isinstance(value, V.EnumV):
            for variant in layout.variants:
                if variant.name == value.variant:
                    return [f.name for f in variant.fields]
        return [f.name for f in layout.fields]

    # -------------------------------------------------------------------------------------------------- binding

    def bind_pattern(self, pat, source, ty, frame, *, fresh=True, refutable=False, from_place=False, dry=False):
        """Bind `pat` to `source` (a value, or a Place when `from_place`). Returns whether it matched."""
        place = source if from_place else V.Place([source], 0, 0, ty or T.UNIT, None)
        if refutable and not self.pattern_matches(pat, place.get(), place.ty):
            return False
        if isinstance(pat, S.PWild) and not from_place:
            yield from self.drop_temporary(source, place.ty)
            return True
        yield from self.bind_place(pat, place, frame, dry)
        if not from_place and not isinstance(pat, S.PIdent) and self.info.needs_drop(place.ty):
            # What the pattern did not move out (`_` parts) stays in the temporary, dropped after the statement.
            self.temps.append(place)
        return True

    def bind_place(self, pat, place: V.Place, frame, dry: bool):
        if isinstance(pat, S.PIdent):
            binding_ty = self.binding_types.get(pat.id, place.ty)
            value = place.get()
            if pat.by_ref or (isinstance(binding_ty, T.Ref) and not isinstance(value, (V.RefV, V.StrV, V.SliceV))):
                bound = V.RefV(place, pat.mutable if pat.by_ref else binding_ty.mutable)
            elif dry:
                bound = self.copy_value(value)
            else:
                bound = self.coerce(self.read_place(place, pat), binding_ty)
            self.new_slot(frame, pat.id, bound)
            if pat.sub is not None:
                yield from self.bind_place(pat.sub, place, frame, dry)
            return
        if isinstance(pat, (S.PWild, S.PRest, S.PLit, S.PRange, S.PPath)):
            return
        if isinstance(pat, S.POr):
            for alt in pat.alts:
                if self.pattern_matches(alt, place.get(), place.ty):
                    yield from self.bind_place(alt, place, frame, dry)
                    return
            return
        place = self.deref_for_pattern(place, pat)
        value = place.get()
        if isinstance(pat, S.PRef):
            yield from self.bind_place(pat.pattern, place, frame, dry)
        elif isinstance(pat, (S.PTuple, S.PTupleStruct)):
            for i, sub in enumerate(_expand_rest(pat.elems, len(value.fields))):
                if sub is not None:
                    yield from self.bind_place(sub, self.part_place(place, value, i), frame, dry)
        elif isinstance(pat, S.PStruct):
            names = self.field_names(value)
            for name, sub in pat.fields:
                yield from self.bind_place(sub, self.part_place(place, value, names.index(name)), frame, dry)
        else:
            raise InternalLimit("this pattern", pat.span)

    def deref_for_pattern(self, place: V.Place, pat) -> V.Place:
        """Default binding modes: a non-reference pattern looks through references (and `&pat` through one)."""
        while isinstance(place.get(), V.RefV):
            place = place.get().place
            if isinstance(pat, S.PRef):
                break
        return place

    def part_place(self, base: V.Place, value, index: int) -> V.Place:
        layout = self.layouts.layout(base.ty) if not isinstance(base.ty, T.Ref) else self.layouts.layout(value.ty)
        fields = layout.fields
        if isinstance(value, V.EnumV):
            fields = next(v.fields for v in layout.variants if v.name == value.variant)
        field = fields[index]
        return V.Place(
            value.fields,
            index,
            base.addr + field.offset if base.addr else 0,
            field.ty,
            base.root,
            base.path + (field.name,),
        )

    def declare_pattern(self, pat, frame) -> None:
        """`let x;` — a slot that is not initialised yet."""
        if isinstance(pat, S.PIdent):
            self.new_slot(frame, pat.id)
        else:
            raise InternalLimit("a `let` without initialiser and with this pattern", pat.span)


def _expand_rest(pats: list, count: int) -> list:
    """Line patterns up with `count` fields, expanding one `..` into as many wildcards (None) as needed."""
    for i, pat in enumerate(pats):
        if isinstance(pat, S.PRest):
            missing = count - (len(pats) - 1)
            return pats[:i] + [None] * missing + pats[i + 1 :]
    return pats
