"""Binding patterns to a place: each identifier moves, copies or borrows the part of the place it matches, per the
binding mode the type checker decided (`binding_modes`: "move", "ref", "ref mut", default binding modes included).
A non-reference pattern matched against a reference looks through it, as RFC 2005 says."""

from __future__ import annotations

from whiteboard.model import syntax as ast
from whiteboard.model.types import Ref
from whiteboard.sim.borrowck_mir import MoveSite, Place

_NON_REFERENCE = (ast.PTuple, ast.PTupleStruct, ast.PStruct, ast.PLit, ast.PRange, ast.PPath)


class PatternLowering:
    def bind_pattern(self, pat: ast.Pattern, place: Place, moving: bool = True) -> None:
        """Bind the identifiers of `pat` to the parts of `place`. With `moving` False (while an arm's guard runs)
        by-value bindings only copy, so nothing is moved out yet."""
        if isinstance(pat, ast.PIdent) and pat.id in self.info.binding_modes:
            self.bind_identifier(pat, place, moving)
        elif isinstance(pat, ast.PRef):
            self.bind_pattern(pat.pattern, self.look_through(place), moving)
        elif isinstance(pat, ast.POr):
            self.bind_pattern(pat.alts[0], place, moving)  # every alternative binds the same names
        elif isinstance(pat, _NON_REFERENCE):
            while isinstance(self.place_ty(place), Ref):
                place = self.look_through(place)
            for sub, part in self.parts(pat, place):
                self.bind_pattern(sub, part, moving)

    def bind_identifier(self, pat: ast.PIdent, place: Place, moving: bool) -> None:
        local = self.declare(pat)
        mode = self.info.binding_modes[pat.id]
        if mode == "move":
            site = MoveSite(place, pat.span, from_pattern=True)
            if moving:
                self.read(place, pat.span, local, move=site)
            else:
                self.borrow(place, False, pat.span, local)
        else:
            self.borrow(place, mode == "ref mut", pat.span, local)
        if pat.sub is not None:
            self.bind_pattern(pat.sub, place, moving)

    def look_through(self, place: Place) -> Place:
        return place.then("deref", "", self.place_ty(place).inner)

    def parts(self, pat: ast.Pattern, place: Place) -> list[tuple[ast.Pattern, Place]]:
        """The sub-patterns of a tuple, struct or variant pattern with the places they match."""
        if isinstance(pat, ast.PTuple):
            return self.positional(pat.elems, place)
        if isinstance(pat, ast.PTupleStruct):
            return self.positional(pat.elems, self.variant(pat.path, place))
        if isinstance(pat, ast.PStruct):
            base = self.variant(pat.path, place)
            return [(sub, base.then("field", name, self.need(self.info.pat_types, sub))) for name, sub in pat.fields]
        return []

    def positional(self, elems: list[ast.Pattern], place: Place) -> list[tuple[ast.Pattern, Place]]:
        """Tuple-like fields by position; a `..` skips as many fields as the pattern leaves out."""
        rest = next((i for i, e in enumerate(elems) if isinstance(e, ast.PRest)), None)
        if rest is None:
            indexed = list(enumerate(elems))
        else:
            skipped = self.need(self.info.pat_types, elems[rest])
            count = len(skipped.elems) if hasattr(skipped, "elems") else 0
            indexed = list(enumerate(elems[:rest])) + [(rest + count + i, e) for i, e in enumerate(elems[rest + 1 :])]
        return [(sub, place.then("field", str(index), self.need(self.info.pat_types, sub))) for index, sub in indexed]

    def variant(self, path: ast.Path, place: Place) -> Place:
        """The place of an enum variant's fields (`(x as Some)`); a struct's fields are the place's own."""
        resolution = self.info.resolutions.get(path.id, ())
        if resolution[:1] == ("variant",):
            return place.then("downcast", resolution[2], self.place_ty(place))
        if resolution[:1] == ("std",):
            return place.then("downcast", resolution[1], self.place_ty(place))
        return place

    def refutable(self, pat: ast.Pattern) -> bool:
        if isinstance(pat, ast.PIdent):
            return pat.id not in self.info.binding_modes or pat.sub is not None and self.refutable(pat.sub)
        if isinstance(pat, (ast.PWild, ast.PRest)):
            return False
        if isinstance(pat, ast.PRef):
            return self.refutable(pat.pattern)
        if isinstance(pat, ast.PTuple):
            return any(self.refutable(e) for e in pat.elems)
        if isinstance(pat, (ast.PTupleStruct, ast.PStruct)):
            if self.info.resolutions.get(pat.path.id, ())[:1] != ("struct",):
                return True
            subs = pat.elems if isinstance(pat, ast.PTupleStruct) else [sub for _, sub in pat.fields]
            return any(self.refutable(sub) for sub in subs)
        return True
