"""The dataflow facts the checks read, computed over one body's graph:

- the order rustc visits the graph in (reverse postorder, last successor explored first) and the dominators;
- which locals are live at each point (used later, before being overwritten);
- each loan's region: the points where some local that may hold it is live, or everywhere once it can reach the
  return value or an argument (it must then outlive the call, rustc's universal regions);
- the loans in scope at each point: issued on some path to it without leaving their region, and not killed by the
  borrowed local being overwritten (rustc's `Borrows`); which two-phase loans are only reserved there;
- the moves that may have happened before each point (rustc's `MaybeUninitializedPlaces`, kept as move sites), and
  which locals may already have been initialised (`EverInitializedPlaces`, for E0384).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from whiteboard.sim.borrowck_mir import Access, Body, MoveSite, Place


@dataclass
class Facts:
    order: list[int]  # reachable points in rustc's visiting order
    preds: list[list[int]]
    idom: dict[int, int]
    live_in: list[frozenset[int]]
    holders: list[list[int]]  # per loan: the locals that may hold it, nearest first
    regions: list[frozenset[int] | None]  # per loan; None: everywhere
    loans_in: list[frozenset[int]]  # loans in scope on entry, already limited to their regions
    reserved_in: list[frozenset[int]]  # of those, two-phase loans not activated yet
    moves: list[tuple[int, MoveSite]]  # every move out, with its point
    moved_in: list[frozenset[int]]  # indexes into `moves` that may have happened before each point
    inits_in: list[frozenset[tuple[int, int]]]  # (local, point) initialisations that may have happened

    def dominates(self, a: int, b: int) -> bool:
        while b != a and b in self.idom and self.idom[b] != b:
            b = self.idom[b]
        return a == b


def compute(body: Body) -> Facts:
    order = reverse_postorder(body)
    preds: list[list[int]] = [[] for _ in body.points]
    for index in order:
        for succ in body.points[index].succ:
            preds[succ].append(index)
    flows_from: dict[int, list[int]] = {}
    for src, dst in body.flows:
        flows_from.setdefault(src, []).append(dst)
    holders = [loan_holders(flows_from, loan.holder) for loan in body.loans]
    # Only the liveness of locals that hold loans matters.
    live_in = liveness(body, order, {local for held in holders for local in held})
    live_at: dict[int, set[int]] = {}
    for index in order:
        for local in live_in[index]:
            live_at.setdefault(local, set()).add(index)
    regions = [region(body, live_at, loan.point, held) for loan, held in zip(body.loans, holders, strict=True)]
    loans_in, reserved_in = loans_in_scope(body, order, preds, regions)
    moves = [(index, site) for index in order for site in body.points[index].moves]
    return Facts(
        order,
        preds,
        dominators(order, preds),
        live_in,
        holders,
        regions,
        loans_in,
        reserved_in,
        moves,
        moved_before(body, order, preds, moves),
        inits_before(body, order, preds),
    )


def reverse_postorder(body: Body) -> list[int]:
    """rustc's `reverse_postorder`: a depth-first walk that explores a point's last successor first."""
    seen = {body.entry}
    stack = [(body.entry, list(body.points[body.entry].succ))]
    post = []
    while stack:
        node, pending = stack[-1]
        while pending and pending[-1] in seen:
            pending.pop()
        if pending:
            succ = pending.pop()
            seen.add(succ)
            stack.append((succ, list(body.points[succ].succ)))
        else:
            post.append(node)
            stack.pop()
    return post[::-1]


def dominators(order: list[int], preds: list[list[int]]) -> dict[int, int]:
    """Immediate dominators (Cooper, Harvey & Kennedy), over the reachable points."""
    rank = {node: i for i, node in enumerate(order)}
    idom = {order[0]: order[0]}
    changed = True
    while changed:
        changed = False
        for node in order[1:]:
            done = [p for p in preds[node] if p in idom]
            new = done[0]
            for other in done[1:]:
                new = _intersect(idom, rank, new, other)
            if idom.get(node) != new:
                idom[node] = new
                changed = True
    return idom


def _intersect(idom: dict[int, int], rank: dict[int, int], a: int, b: int) -> int:
    while a != b:
        while rank[a] > rank[b]:
            a = idom[a]
        while rank[b] > rank[a]:
            b = idom[b]
    return a


def liveness(body: Body, order: list[int], tracked: set[int]) -> list[frozenset[int]]:
    """The `tracked` locals live on entry to each point: used there or later, before being overwritten."""
    live_in: list[frozenset[int]] = [frozenset()] * len(body.points)
    changed = True
    while changed:
        changed = False
        for index in reversed(order):
            point = body.points[index]
            out = frozenset().union(*(live_in[s] for s in point.succ))
            used = frozenset(use.local for use in point.uses if use.local in tracked)
            new = used | (out - set(point.defs) - set(point.dead))
            if new != live_in[index]:
                live_in[index] = new
                changed = True
    return live_in


def loan_holders(flows_from: dict[int, list[int]], first: int) -> list[int]:
    """Every local the loan may flow into, breadth first from the one it was stored in (rustc's search for the
    region to blame walks the outlives constraints the same way)."""
    found, queue = [first], deque([first])
    while queue:
        for dst in flows_from.get(queue.popleft(), []):
            if dst not in found:
                found.append(dst)
                queue.append(dst)
    return found


def region(body: Body, live_at: dict[int, set[int]], issued: int, holders: list[int]) -> frozenset[int] | None:
    """The points where a loan must hold: wherever a local holding it is live, and the point it is made at. A loan
    reaching the return value or an argument must outlive the call (None: everywhere), as the region in a
    signature's type is one of the function's universal regions."""
    if any(body.locals[local].kind in ("arg", "return") for local in holders):
        return None
    return frozenset().union(*(live_at.get(local, ()) for local in holders)) | {issued}


def loans_in_scope(
    body: Body, order: list[int], preds: list[list[int]], regions: list[frozenset[int] | None]
) -> tuple[list[frozenset[int]], list[frozenset[int]]]:
    def in_region(loan: int, index: int) -> bool:
        return regions[loan] is None or index in regions[loan]

    loans_in: list[frozenset[int]] = [frozenset()] * len(body.points)
    reserved_in: list[frozenset[int]] = [frozenset()] * len(body.points)
    out: dict[int, tuple[frozenset[int], frozenset[int]]] = {}
    changed = True
    while changed:
        changed = False
        for index in order:
            point = body.points[index]
            incoming = [out[p] for p in preds[index] if p in out]
            loans = frozenset(loan for loan in frozenset().union(*(i[0] for i in incoming)) if in_region(loan, index))
            reserved = frozenset().union(*(i[1] for i in incoming)) & loans
            loans_in[index], reserved_in[index] = loans, reserved
            killed = set(point.defs) | set(point.dead)
            after = {loan for loan in loans if body.loans[loan].place.local not in killed}
            activated = {a.loan.id for a in point.accesses if a.kind is Access.ACTIVATE}
            reserved = reserved - activated
            if point.loan is not None:
                after.add(point.loan.id)
                if point.loan.two_phase:
                    reserved = reserved | {point.loan.id}
            new = (frozenset(after), frozenset(reserved))
            if out.get(index) != new:
                out[index] = new
                changed = True
    return loans_in, reserved_in


def moved_before(
    body: Body, order: list[int], preds: list[list[int]], moves: list[tuple[int, MoveSite]]
) -> list[frozenset[int]]:
    """The move sites that may have happened on some path to each point, and not been undone by an assignment to
    the moved place (or a place containing it) or by the end of its local's scope."""
    by_point: dict[int, list[int]] = {}
    for number, (index, _) in enumerate(moves):
        by_point.setdefault(index, []).append(number)

    def transfer(index: int, state: frozenset[int]) -> frozenset[int]:
        point = body.points[index]
        inits = [place for place, _ in point.inits if body.locals[place.local].kind != "temp"]
        if inits or point.dead:
            state = frozenset(m for m in state if not _reinitialised(moves[m][1].place, inits, point.dead))
        return state | frozenset(by_point[index]) if index in by_point else state

    return _forward(order, preds, len(body.points), transfer)


def _reinitialised(moved: Place, inits: list[Place], dead: list[int]) -> bool:
    return moved.local in dead or any(place.is_prefix_of(moved) for place in inits)


def inits_before(body: Body, order: list[int], preds: list[list[int]]) -> list[frozenset[tuple[int, int]]]:
    """Only the variables that are not `mut` are followed: assigning one again is what E0384 is about."""
    fixed = {i for i, local in enumerate(body.locals) if local.kind in ("var", "arg") and not local.mutable}

    def transfer(index: int, state: frozenset[tuple[int, int]]) -> frozenset[tuple[int, int]]:
        point = body.points[index]
        if point.dead:
            state = frozenset((local, at) for local, at in state if local not in point.dead)
        started = {(place.local, index) for place, _ in point.inits if not place.proj and place.local in fixed}
        return state | started if started else state

    return _forward(order, preds, len(body.points), transfer)


def _forward(order: list[int], preds: list[list[int]], size: int, transfer) -> list[frozenset]:
    """A may-analysis (union at joins): the state on entry to each point. Transfers return the state itself when
    a point changes nothing, so straight-line code shares one set."""
    state_in: list[frozenset] = [frozenset()] * size
    out: dict[int, frozenset] = {}
    changed = True
    while changed:
        changed = False
        for index in order:
            incoming = [out[p] for p in preds[index] if p in out]
            state = incoming[0] if len(incoming) == 1 else frozenset().union(*incoming)
            state_in[index] = state
            new = transfer(index, state)
            old = out.get(index)
            if old is not new and old != new:
                out[index] = new
                changed = True
    return state_in
