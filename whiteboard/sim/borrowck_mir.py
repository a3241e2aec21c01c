"""The borrow checker's intermediate form: one function body as a control-flow graph of small steps, like rustc's MIR.

Each `Point` is one MIR-like statement. Its `accesses` are checked against the state *before* the point (moved paths,
loans in scope), then its effects apply: moves, (re)initialisations, a loan being issued. `uses`/`defs` drive the
liveness of locals, which is what non-lexical lifetimes are made of: a loan lives exactly as long as some local that
may hold it is live (rustc's NLL regions, location-insensitive like rustc's).

Every intermediate value lives in a temporary local, as in MIR, so "a borrow passed to a call ends after the call" and
"a borrow stored in `r` lives until `r`'s last use" are the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from whiteboard.model.syntax import Span
from whiteboard.model.types import Ref, Ty


class Unmodelled(Exception):
    """A construct the borrow checker does not model; its function is then left unchecked rather than risk a
    false error."""


@dataclass(frozen=True, slots=True)
class Proj:
    """One step of a place: `*` ("deref"), `.name` ("field"), `[i]` ("index"), or the enum variant a pattern matched
    ("downcast"). `ty` is the type of the place after the step."""

    kind: str
    name: str
    ty: Ty


@dataclass(frozen=True, slots=True)
class Place:
    local: int
    proj: tuple[Proj, ...] = ()

    def then(self, kind: str, name: str, ty: Ty) -> Place:
        return Place(self.local, (*self.proj, Proj(kind, name, ty)))

    def prefixes(self) -> list[Place]:
        """The place itself and every place it is part of, innermost first: `a.b.c`, `a.b`, `a`."""
        return [Place(self.local, self.proj[:n]) for n in range(len(self.proj), -1, -1)]

    def is_prefix_of(self, other: Place) -> bool:
        return self.local == other.local and other.proj[: len(self.proj)] == self.proj


class Access(Enum):
    """How a statement touches a place; rustc's (depth, read/write kind) pairs, reduced to what the subset needs."""

    COPY = "copy"  # deep read of a Copy value
    MOVE = "move"  # deep write: the value leaves the place
    INSPECT = "inspect"  # shallow read: a `match` looking at the scrutinee
    SHARED = "shared"  # `&place`
    MUT = "mut"  # `&mut place`
    RESERVE = "reserve"  # the first phase of an auto-ref'd `&mut self` receiver (two-phase borrow)
    ACTIVATE = "activate"  # that borrow's second phase, at the call
    ASSIGN = "assign"  # shallow write: `place = value`

    @property
    def is_borrow(self) -> bool:
        return self in (Access.SHARED, Access.MUT, Access.RESERVE, Access.ACTIVATE)

    @property
    def is_write(self) -> bool:
        return self in (Access.MOVE, Access.MUT, Access.RESERVE, Access.ACTIVATE, Access.ASSIGN)


@dataclass(slots=True)
class AccessAt:
    place: Place
    kind: Access
    span: Span
    loan: Loan | None = None  # the loan an ACTIVATE completes


@dataclass(slots=True)
class Local:
    name: str | None  # None for temporaries
    ty: Ty
    mutable: bool = False
    span: Span = (0, 0, 0, 0)  # where it is declared (the binding's identifier)
    kind: str = "temp"  # "var" | "arg" | "temp" | "return"
    pattern_bound: bool = True  # False for `let x;`: its first assignment is a statement, not the declaration
    points_into: str | None = None  # a temporary reference's target as rustc names it: "index of `Vec<String>`"


@dataclass(slots=True)
class Loan:
    """One borrow: what it borrows, how, and where. `holder` is the local the reference is first stored in."""

    id: int
    place: Place
    mutable: bool
    span: Span
    point: int
    holder: int
    two_phase: bool = False


@dataclass(slots=True)
class MoveSite:
    """A move out of `place`, with what rustc says at it: "value moved here" ("plain"), "`x` moved due to this method
    call" ("method"), "... due to usage in operator" ("operator"), or "... due to this implicit call to
    `.into_iter()`" ("into_iter"). `loops` are the loops around the move, innermost first, as (header span, whole
    span)."""

    place: Place
    span: Span
    kind: str = "plain"
    loops: tuple[tuple[Span, Span], ...] = ()
    from_pattern: bool = False
    as_ref_hint: Span | None = None  # an `Option` method's receiver, where rustc suggests `.as_ref()`

    def unnamed(self, operand: Span) -> None:
        """rustc only names the call that moved a value ("moved due to this method call", "... due to usage in
        operator") when the call ends the MIR block the move is in; when something in between ends a block first
        (another call, an overflow check, a branch), it says "value moved here" at the moved operand."""
        self.kind, self.span, self.as_ref_hint = "plain", operand, None


@dataclass(slots=True)
class Use:
    """A read of a local, for liveness and for "borrow later used here". `by_call` is a value handed to a call, which
    rustc blames on the callee ("borrow later used by call", at `call_span`)."""

    local: int
    span: Span
    by_call: bool = False


@dataclass(slots=True)
class Point:
    span: Span
    accesses: list[AccessAt] = field(default_factory=list)
    uses: list[Use] = field(default_factory=list)
    defs: list[int] = field(default_factory=list)
    moves: list[MoveSite] = field(default_factory=list)
    illegal_moves: list[tuple[MoveSite, Span]] = field(default_factory=list)  # out of a borrow (E0507), with the use
    inits: list[tuple[Place, Span]] = field(default_factory=list)
    dead: list[int] = field(default_factory=list)  # StorageDead: the local's scope ends
    loan: Loan | None = None
    succ: list[int] = field(default_factory=list)
    weight: int = 1  # how many MIR statements the point stands for, where rustc's searches count them


@dataclass
class Body:
    """One function body. `flows` are "loans held by `src` may be held by `dst`" edges, in creation order."""

    name: str
    locals: list[Local] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    loans: list[Loan] = field(default_factory=list)
    flows: list[tuple[int, int]] = field(default_factory=list)
    entry: int = 0
    returns: list[tuple[int | None, Span]] = field(default_factory=list)  # the values returned, and where
    lifetime_span: Span | None = None  # the `&` of the parameter an elided result lifetime comes from

    def new_local(self, local: Local) -> int:
        self.locals.append(local)
        return len(self.locals) - 1

    def type_before(self, place: Place, step: int) -> Ty:
        """The type of `place` cut before its projection number `step` (its whole type for `len(place.proj)`)."""
        return place.proj[step - 1].ty if step else self.locals[place.local].ty

    def place_ty(self, place: Place) -> Ty:
        return self.type_before(place, len(place.proj))

    def through_reference(self, place: Place) -> int | None:
        """The index of the first projection of `place` that dereferences a reference, if any."""
        return next(
            (
                i
                for i, proj in enumerate(place.proj)
                if proj.kind == "deref" and isinstance(self.type_before(place, i), Ref)
            ),
            None,
        )
