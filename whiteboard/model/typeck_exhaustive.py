"""Exhaustiveness of `match` and irrefutability of `let` / `for` / parameter patterns, with rustc's witnesses.

The algorithm is Maranget's usefulness on a pattern matrix, computing the values no row matches (witnesses), as
rustc's `rustc_pattern_analysis` does: a column of a type with finitely many constructors (bool, enums, Option,
references, tuples and structs) is split by constructor when the rows use them all, or else falls back to the rows
that start with a wildcard; integer and char columns are split into the ranges the rows' boundaries delimit. Values
of other types (strings, floats, vectors) can only be covered by a wildcard.
"""

from __future__ import annotations

from dataclasses import dataclass

from whiteboard.model import syntax as ast
from whiteboard.model.typeck_errors import error
from whiteboard.model.typeck_items import Items
from whiteboard.model.types import Adt, Bool, Char, Int, Never, Ref, Tuple, Ty

# Unicode scalar values: chars skip the surrogate range.
_CHAR_RANGES = ((0, 0xD7FF), (0xE000, 0x10FFFF))


@dataclass(frozen=True, slots=True)
class Ctor:
    kind: str  # "variant" | "bool" | "single" (tuple, struct) | "ref" | "range" (ints, chars) | "opaque"
    key: object = None  # variant name | True/False | (lo, hi) | a literal value
    args: tuple = ()  # sub-patterns (None is a wildcard)


@dataclass(frozen=True, slots=True)
class Or:
    alts: tuple


WILD = None


class Exhaustiveness:
    """Lowers typed syntax patterns to constructors and computes what they miss."""

    def __init__(self, items: Items, resolutions: dict[int, tuple], resolve):
        self.items = items
        self.resolutions = resolutions
        self.resolve = resolve

    # ----------------------------------------------------------------------------------------------- entry

    def missing(self, patterns: list[ast.Pattern], ty: Ty) -> list[str]:
        """Printed witnesses of the values of `ty` none of `patterns` matches."""
        rows = [[self.lower(p, ty)] for p in patterns]
        return [w[0] for w in self._missing(rows, [ty])]

    # ------------------------------------------------------------------------------------------- lowering

    def lower(self, pat: ast.Pattern, ty: Ty) -> Ctor | Or | None:
        ty = self.resolve(ty)
        if isinstance(pat, ast.PRef):
            return Ctor("ref", args=(self.lower(pat.pattern, ty.inner),))
        if isinstance(pat, ast.PWild) or isinstance(pat, ast.PIdent) and pat.id not in self.resolutions:
            return self.lower(pat.sub, ty) if isinstance(pat, ast.PIdent) and pat.sub is not None else WILD
        if isinstance(pat, ast.POr):
            return Or(tuple(self.lower(alt, ty) for alt in pat.alts))
        if isinstance(ty, Ref):  # a non-reference pattern against a reference: default binding mode peeled it
            return Ctor("ref", args=(self.lower(pat, ty.inner),))
        return self._lower_peeled(pat, ty)

    def _lower_peeled(self, pat: ast.Pattern, ty: Ty) -> Ctor | None:
        if isinstance(pat, ast.PLit):
            return self._literal(pat.lit.value, pat.negative, ty)
        if isinstance(pat, ast.PRange):
            lo = self._bound(pat.lo, ty, low=True)
            hi = self._bound(pat.hi, ty, low=False) - (0 if pat.inclusive or pat.hi is None else 1)
            return Ctor("range", (lo, hi))
        if isinstance(pat, ast.PTuple):
            return Ctor("single", args=self._sequence(pat.elems, list(ty.elems)))
        if isinstance(pat, ast.PTupleStruct):
            resolution = self.resolutions[pat.path.id]
            return self._ctor(resolution, ty, self._sequence(pat.elems, self.field_types(resolution, ty)))
        if isinstance(pat, ast.PStruct):
            resolution = self.resolutions[pat.path.id]
            names = [name for name, _ in self.items.fields[self._fields_key(resolution)]]
            given = dict(pat.fields)
            field_tys = self.field_types(resolution, ty)
            args = tuple(self.lower(given[n], t) if n in given else WILD for n, t in zip(names, field_tys, strict=True))
            return self._ctor(resolution, ty, args)
        resolution = self.resolutions[pat.path.id if isinstance(pat, ast.PPath) else pat.id]
        if resolution[0] == "const":
            value = self.items.consts[resolution[1]].value
            if isinstance(value, ast.Lit):
                return self._literal(value.value, False, ty)
            return Ctor("opaque", resolution)
        return self._ctor(resolution, ty, ())

    def _sequence(self, elems: list[ast.Pattern], types: list[Ty]) -> tuple:
        """Sub-patterns for each field, a `..` standing for as many wildcards as needed."""
        if any(isinstance(e, ast.PRest) for e in elems):
            rest = next(i for i, e in enumerate(elems) if isinstance(e, ast.PRest))
            filled = len(types) - (len(elems) - 1)
            elems = [*elems[:rest], *[None] * filled, *elems[rest + 1 :]]
        return tuple(WILD if e is None else self.lower(e, t) for e, t in zip(elems, types, strict=True))

    def _ctor(self, resolution: tuple, ty: Ty, args: tuple) -> Ctor:
        if resolution[0] == "struct":
            return Ctor("single", args=args)
        return Ctor("variant", resolution[-1], args)

    def _literal(self, value, negative: bool, ty: Ty) -> Ctor:
        if isinstance(ty, Bool):
            return Ctor("bool", value)
        if isinstance(ty, Char):
            return Ctor("range", (ord(value), ord(value)))
        if isinstance(ty, Int):
            number = -value if negative else value
            return Ctor("range", (number, number))
        return Ctor("opaque", value)

    def _bound(self, bound, ty: Ty, low: bool) -> int:
        if bound is None:
            return _full_range(ty)[0][0] if low else _full_range(ty)[-1][1]
        if isinstance(bound, ast.PLit):
            value = bound.lit.value
            return ord(value) if isinstance(value, str) else -value if bound.negative else value
        resolution = self.resolutions[bound.id]
        if resolution[0] == "std":  # `i64::MIN`, `u8::MAX`
            return ty.min if resolution[1].endswith("MIN") else ty.max
        return self.items.consts[resolution[1]].value.value

    def _fields_key(self, resolution: tuple) -> str:
        return resolution[1] if resolution[0] == "struct" else f"{resolution[1]}::{resolution[2]}"

    def field_types(self, resolution: tuple, ty: Ty) -> list[Ty]:
        if resolution[0] == "std":  # Some
            return [ty.args[0]]
        return [t for _, t in self.items.fields[self._fields_key(resolution)]]

    # ----------------------------------------------------------------------------------------- constructors

    def constructors(self, ty: Ty, heads: list[Ctor]) -> list[Ctor] | None:
        """Every constructor of `ty` (integer ranges split at the heads' boundaries), or None when there are
        infinitely many (only a wildcard covers such a column)."""
        ty = self.resolve(ty)
        if isinstance(ty, Bool):
            return [Ctor("bool", False), Ctor("bool", True)]
        if isinstance(ty, Ref):
            return [Ctor("ref", args=(WILD,))]
        if isinstance(ty, Tuple):
            return [Ctor("single", args=(WILD,) * len(ty.elems))]
        if isinstance(ty, Never):
            return []
        if isinstance(ty, (Int, Char)):
            return _split_ranges(_full_range(ty), [h.key for h in heads if h.kind == "range"])
        if isinstance(ty, Adt) and ty.name == "Option":
            return [Ctor("variant", "None"), Ctor("variant", "Some", (WILD,))]
        if isinstance(ty, Adt) and ty.name in self.items.enums:
            variants = self.items.enums[ty.name].variants
            return [Ctor("variant", v.name, (WILD,) * len(v.fields)) for v in variants]
        if isinstance(ty, Adt) and ty.name in self.items.structs:
            return [Ctor("single", args=(WILD,) * len(self.items.fields[ty.name]))]
        return None

    def arg_types(self, ctor: Ctor, ty: Ty) -> list[Ty]:
        ty = self.resolve(ty)
        if ctor.kind == "ref":
            return [ty.inner]
        if ctor.kind == "single":
            return list(ty.elems) if isinstance(ty, Tuple) else [t for _, t in self.items.fields[ty.name]]
        if ctor.kind == "variant":
            if ty.name == "Option":
                return [ty.args[0]] if ctor.key == "Some" else []
            return [t for _, t in self.items.fields[f"{ty.name}::{ctor.key}"]]
        return []

    # ------------------------------------------------------------------------------------------- usefulness

    def _missing(self, rows: list[list], types: list[Ty]) -> list[list[str]]:
        """Witness vectors (printed) of values that no row matches."""
        rows = _expand_or(rows)
        if not types:
            return [] if rows else [[]]
        ty, rest = types[0], types[1:]
        heads = [row[0] for row in rows if row[0] is not WILD]
        ctors = self.constructors(ty, heads)
        covered = [c for c in ctors or [] if any(_covers(h, c) for h in heads)]
        if ctors is None or len(covered) < len(ctors):
            defaults = [row[1:] for row in rows if row[0] is WILD]
            missing_rest = self._missing(defaults, rest)
            if not missing_rest:
                return []
            absent = [c for c in ctors or [] if c not in covered]
            heads_text = ["_"] if not heads or ctors is None else [self.show(c, ty) for c in absent]
            return [[head, *w] for head in heads_text for w in missing_rest]
        witnesses = []
        for ctor in ctors:
            arity = len(ctor.args)
            specialised = [[*_args_of(row[0], ctor), *row[1:]] for row in rows if _row_matches(row[0], ctor)]
            for w in self._missing(specialised, self.arg_types(ctor, ty) + rest):
                witnesses.append([self.show(ctor, ty, w[:arity]), *w[arity:]])
        return witnesses

    # --------------------------------------------------------------------------------------------- printing

    def show(self, ctor: Ctor, ty: Ty, args: list[str] | None = None) -> str:
        """A witness as rustc prints it: `None`, `Some(_)`, `Color::Blue`, `&None`, `(true, _)`, `i32::MIN..=0_i32`."""
        ty = self.resolve(ty)
        args = args if args is not None else ["_"] * len(ctor.args)
        if ctor.kind == "ref":
            return "&" + args[0]
        if ctor.kind == "bool":
            return "true" if ctor.key else "false"
        if ctor.kind == "range":
            return _show_range(ctor.key, ty)
        if ctor.kind == "single" and isinstance(ty, Tuple):
            return "(" + ", ".join(args) + ("," if len(args) == 1 else "") + ")"
        if ty.name == "Option":  # the prelude's variants are named bare
            return f"Some({args[0]})" if ctor.key == "Some" else "None"
        if ctor.kind == "single":
            name, fields_key, kind = ty.name, ty.name, self.items.structs[ty.name].kind
        else:
            name = fields_key = f"{ty.name}::{ctor.key}"
            kind = self.items.variant(ty.name, ctor.key).kind
        if kind == "named":
            names = [n for n, _ in self.items.fields[fields_key]]
            shown = [f"{n}: {a}" for n, a in zip(names, args, strict=True) if a != "_"]
            return f"{name} {{ {', '.join(shown)}, .. }}" if shown else f"{name} {{ .. }}"
        return f"{name}({', '.join(args)})" if kind == "tuple" else name


def _expand_or(rows: list[list]) -> list[list]:
    expanded = []
    for row in rows:
        if row and isinstance(row[0], Or):
            expanded += _expand_or([[alt, *row[1:]] for alt in row[0].alts])
        else:
            expanded.append(row)
    return expanded


def _covers(head: Ctor, ctor: Ctor) -> bool:
    if head.kind == "range" and ctor.kind == "range":
        return head.key[0] <= ctor.key[0] and ctor.key[1] <= head.key[1]
    return head.kind == ctor.kind and head.key == ctor.key


def _row_matches(head, ctor: Ctor) -> bool:
    return head is WILD or _covers(head, ctor)


def _args_of(head, ctor: Ctor) -> list:
    return [WILD] * len(ctor.args) if head is WILD else list(head.args)


def _full_range(ty: Ty) -> tuple[tuple[int, int], ...]:
    return _CHAR_RANGES if isinstance(ty, Char) else ((ty.min, ty.max),)


def _split_ranges(full: tuple[tuple[int, int], ...], used: list[tuple[int, int]]) -> list[Ctor]:
    """Cut the type's range at every boundary of the ranges used, so each piece is all in or all out of each."""
    cuts = sorted({lo for lo, _ in used} | {hi + 1 for _, hi in used})
    pieces = []
    for lo, hi in full:
        start = lo
        for cut in cuts:
            if start < cut <= hi:
                pieces.append(Ctor("range", (start, cut - 1)))
                start = cut
        pieces.append(Ctor("range", (start, hi)))
    return pieces


def _show_range(bounds: tuple[int, int], ty: Ty) -> str:
    lo, hi = bounds
    if isinstance(ty, Char):
        return _char(lo) if lo == hi else f"{_char(lo)}..={_char(hi)}"

    def show(value: int) -> str:
        if value == ty.min and value != 0:
            return f"{ty}::MIN"
        if value == ty.max:
            return f"{ty}::MAX"
        return f"{value}_{ty}"

    return show(lo) if lo == hi else f"{show(lo)}..={show(hi)}"


_CHAR_ESCAPES = {"\0": "\\0", "\t": "\\t", "\r": "\\r", "\n": "\\n", "'": "\\'", "\\": "\\\\"}


def _char(code: int) -> str:
    """A char literal as Rust's `{:?}` writes it: `'a'`, `'\\0'`, `'\\u{d7ff}'`."""
    char = chr(code)
    if char in _CHAR_ESCAPES:
        return f"'{_CHAR_ESCAPES[char]}'"
    return f"'{char}'" if char.isprintable() else f"'\\u{{{code:x}}}'"


def not_covered_message(witnesses: list[str]) -> str:
    quoted = [f"`{w}`" for w in witnesses]
    if len(quoted) == 1:
        return f"pattern {quoted[0]} not covered"
    if len(quoted) <= 3:
        return "patterns " + ", ".join(quoted[:-1]) + " and " + quoted[-1] + " not covered"
    return "patterns " + ", ".join(quoted[:3]) + f" and {len(quoted) - 3} more not covered"


def check_match(checker: Exhaustiveness, node: ast.Match, ty: Ty) -> None:
    patterns = [arm.pattern for arm in node.arms if arm.guard is None]
    ty = checker.resolve(ty)
    if not node.arms and checker.constructors(ty, []) != []:
        raise error("E0004", f"non-exhaustive patterns: type `{ty}` is non-empty", node.scrutinee.span)
    witnesses = checker.missing(patterns, ty)
    if witnesses:
        message = not_covered_message(witnesses)
        # The headline drops the label's leading "pattern(s)": "non-exhaustive patterns: `None` not covered".
        raise error("E0004", "non-exhaustive patterns: " + message.split(" ", 1)[1], node.scrutinee.span, message)


def check_irrefutable(checker: Exhaustiveness, pattern: ast.Pattern, ty: Ty, context: str) -> None:
    witnesses = checker.missing([pattern], ty)
    if witnesses:
        raise error("E0005", f"refutable pattern in {context}", pattern.span, not_covered_message(witnesses))
