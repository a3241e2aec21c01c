"""rustc's wording for the borrow checker's errors: how places are written, and the labels that explain a
conflict ("... later used here") or a use after move ("value moved here", "move occurs because ...").

The searches follow rustc's diagnostics code (`rustc_borrowck/src/diagnostics`): the later use of a borrow is the
first use, walking forward from the error, of the nearest local holding it that is live there (`find_use`); the
moves behind a use after move are found walking backwards from the use, loop back edges last
(`get_moved_indexes`).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from itertools import count

from whiteboard.model.diagnostics import Label
from whiteboard.model.syntax import Span
from whiteboard.sim.borrowck_flow import Facts
from whiteboard.sim.borrowck_mir import Body, Loan, MoveSite, Place, Use


def describe(body: Body, place: Place, including_downcast: bool = False) -> str | None:
    """A place as rustc writes it (`describe_place`): `p.name`, `*r`, `v[i]`, `self.name` (derefs rustc inserted
    through auto-deref are not shown); None for a temporary or, if asked, a part of an enum variant."""
    text = body.locals[place.local].name
    if text is None:
        return None
    kinds = [proj.kind for proj in place.proj]
    shown_from = max((i + 1 for i, kind in enumerate(kinds) if kind not in ("deref", "downcast")), default=0)
    for i, proj in enumerate(place.proj):
        if proj.kind == "deref" and i >= shown_from:
            text = "*" + text
        elif proj.kind == "downcast" and including_downcast:
            return None
        elif proj.kind == "field":
            text += "." + proj.name
        elif proj.kind == "index":
            text += f"[{proj.name}]"
    return text


def quoted(description: str | None) -> str:
    return f"`{description}`" if description is not None else "value"


# ------------------------------------------------------------------------------------------- later use of a borrow


def later_use(body: Body, facts: Facts, at: int, loan: Loan, desc: str) -> list[Label]:
    """The label saying why `loan` is still alive at point `at` (rustc's `explain_why_borrow_contains_point`):
    where it is used later, or that the function returns it. `desc` is "first ", "immutable ", "mutable " or "" as
    rustc words it per error."""
    if facts.regions[loan.id] is None and body.returns:
        return _returned(body, facts, loan)
    holder = next((h for h in facts.holders[loan.id] if h in facts.live_in[at]), None)
    if holder is None:
        return []
    use = _first_use(body, facts, at, holder)
    if use is None:
        return []
    if at == loan.point:  # the borrow conflicts with itself from the previous iteration
        message = f"{desc}borrow {'used by call' if use.by_call else 'used here'}, in later iteration of loop"
    else:
        message = f"{desc}borrow later {'used by call' if use.by_call else 'used here'}"
    return [Label(use.span, message)]


def _first_use(body: Body, facts: Facts, start: int, holder: int) -> Use | None:
    """The nearest point from `start` using `holder`, while it stays live (rustc's `find_use`, a breadth-first
    search over MIR statements: points count as the statements they stand for)."""
    queue, seen, order = [(0, 0, start)], set(), count(1)
    while queue:
        distance, _, index = heapq.heappop(queue)
        if index in seen or holder not in facts.live_in[index]:
            continue
        seen.add(index)
        point = body.points[index]
        use = next((u for u in reversed(point.uses) if u.local == holder), None)
        if use is not None:
            return use
        if holder not in point.defs:
            for succ in point.succ:
                heapq.heappush(queue, (distance + body.points[succ].weight, next(order), succ))
    return None


def _returned(body: Body, facts: Facts, loan: Loan) -> list[Label]:
    """A borrow that reaches the return value must outlive the call; rustc names the lifetime of the parameter it
    comes from `'1`."""
    spans = [span for value, span in body.returns if value in facts.holders[loan.id]]
    place = describe(body, loan.place)
    if not spans or body.lifetime_span is None or place is None:
        return []
    return [
        Label(body.lifetime_span, "let's call the lifetime of this reference `'1`"),
        Label(spans[0], f"returning this value requires that `{place}` is borrowed for `'1`"),
    ]


# ------------------------------------------------------------------------------------------------ use after move


@dataclass
class FoundMove:
    number: int  # index into `facts.moves`
    back_edge: bool  # reached through a loop's back edge: "in previous iteration of loop"


def find_moves(body: Body, facts: Facts, at: int, paths: list[Place]) -> tuple[list[FoundMove], list[int]]:
    """The moves of `paths` (the moved place and the places containing it) that reach point `at`, and the
    reinitialisations that might have been skipped on the way (rustc's `get_moved_indexes`)."""
    moves_at: dict[int, list[int]] = {}
    for number, (index, _) in enumerate(facts.moves):
        moves_at.setdefault(index, []).append(number)
    stack, back_edges = [], []
    for pred in facts.preds[at]:
        (back_edges if facts.dominates(at, pred) else stack).append(pred)
    found: list[FoundMove] = []
    reinits: list[int] = []
    move_points: set[int] = set()
    visited: set[int] = set()

    def visit(index: int, back_edge: bool) -> bool:
        """Whether the walk stops at `index`: a move or a reinitialisation of the path."""
        if index in visited:
            return True
        visited.add(index)
        hits = [n for n in moves_at.get(index, []) if facts.moves[n][1].place in paths]
        if hits:
            found.extend(FoundMove(n, back_edge) for n in hits)
            move_points.add(index)
            return True
        if any(place in paths for place, _ in body.points[index].inits):
            reinits.append(index)
            return True
        return False

    reached_start = False
    while stack:
        index = stack.pop()
        if visit(index, False):
            continue
        if not facts.preds[index]:
            reached_start = True
        for pred in facts.preds[index]:
            (back_edges if facts.dominates(index, pred) else stack).append(pred)
    if not found and not reached_start:
        # Moves in later iterations only count when the path is surely initialised on entering the loop.
        while back_edges:
            index = back_edges.pop()
            if not visit(index, True):
                back_edges.extend(facts.preds[index])
    return found, [r for r in reinits if _reaches_move(facts, r, move_points)]


def _reaches_move(facts: Facts, start: int, move_points: set[int]) -> bool:
    stack, seen = [start], set()
    while stack:
        index = stack.pop()
        if index in move_points:
            return True
        if index not in seen:
            seen.add(index)
            stack.extend(facts.preds[index])
    return False


def move_label(body: Body, site: MoveSite, partial: bool, in_loop: bool) -> str:
    """What rustc says where a value was moved (`explain_captures`)."""
    moved = "partially moved" if partial else "moved"
    loop = ", in previous iteration of loop" if in_loop else ""
    if site.kind == "method":
        return f"{quoted(describe(body, site.place))} {moved} due to this method call{loop}"
    if site.kind == "operator":
        return f"{quoted(describe(body, site.place))} {moved} due to usage in operator{loop}"
    if site.kind == "into_iter":
        return f"{quoted(describe(body, site.place))} {moved} due to this implicit call to `.into_iter()`{loop}"
    return f"value {moved} here{loop}"


def loop_labels(body: Body, site: MoveSite, moved: Place) -> list[Label]:
    """ "inside of this loop" on each loop around the move that does not also contain the moved variable's
    declaration (rustc adds these when suggesting to move the value out of the loop)."""
    if moved.proj or site.from_pattern:
        return []
    declared = body.locals[moved.local].span
    labels = []
    for head, whole in site.loops:
        if _contains(whole, declared):
            break
        labels.append(Label(head, "inside of this loop"))
    return labels


def _contains(outer: Span, inner: Span) -> bool:
    return outer[:2] <= inner[:2] and inner[2:] <= outer[2:]


def not_copy(body: Body, place: Place, partial: bool) -> tuple[Label | None, str | None]:
    """ "move occurs because `s` has type `String`, which does not implement the `Copy` trait": a label at the
    variable's declaration when a whole variable moved, else a note."""
    ty = body.place_ty(place)
    what = quoted(describe(body, place, including_downcast=True))
    text = (
        f"{'partial move' if partial else 'move'} occurs because {what} has type `{ty}`, which does not "
        "implement the `Copy` trait"
    )
    if not place.proj:
        return Label(body.locals[place.local].span, text), None
    return None, text
