"""The checks, run over each access in rustc's visiting order, and the errors they raise:

- use of a moved value (E0382), from the moves that may have happened before the access;
- mutability: borrowing mutably or assigning what is not `mut` (E0596, E0594), assigning an immutable variable a
  second time (E0384);
- conflicts with the loans in scope (E0499, E0502, E0503, E0505, E0506), explained by where the loan is used later.

Like rustc, an access reports at most one conflict, each place and span is reported once, a failed two-phase
reservation silences the activations of that place, and a use after move is reported once per set of moves.
Errors come out sorted by their primary span, as rustc emits them.
"""

from __future__ import annotations

from whiteboard.model.diagnostics import Diagnostic, Label
from whiteboard.model.syntax import Span
from whiteboard.model.types import Adt, Array, Ref
from whiteboard.sim.borrowck_flow import Facts
from whiteboard.sim.borrowck_mir import Access, AccessAt, Body, Loan, MoveSite, Place, Proj
from whiteboard.sim.borrowck_report import (
    describe,
    find_moves,
    later_use,
    loop_labels,
    move_label,
    not_copy,
    quoted,
)

_READS = (Access.COPY, Access.INSPECT, Access.SHARED)
_SHALLOW = (Access.ASSIGN, Access.INSPECT)


class Checker:
    def __init__(self, body: Body, facts: Facts):
        self.body, self.facts = body, facts
        self.errors: list[Diagnostic] = []  # conflicts and E0384
        self.mut_errors: list[Diagnostic] = []
        self.move_errors: dict[frozenset[int], tuple[Place, Diagnostic]] = {}
        self.reported: set[tuple[Place, tuple]] = set()
        self.failed_reservations: set[Place] = set()
        # The places rustc tracks moves of: everything moved or assigned, and every place containing one.
        tracked = [site.place for _, site in facts.moves] + [place for point in body.points for place, _ in point.inits]
        self.move_paths = {prefix for place in tracked for prefix in place.prefixes()}

    def run(self) -> list[Diagnostic]:
        for index in self.facts.order:
            point = self.body.points[index]
            for access in point.accesses:
                if not self.body.locals[access.place.local].kind == "temp":
                    self.check(index, access)
            for local in point.dead:
                self.check_scope_end(index, local)
            for site, span in point.illegal_moves:
                self.report_move_out_of_borrow(site, span)
        # rustc buffers moves and mutability errors apart and appends them in this order before a stable sort.
        found = self.errors + [diag for _, diag in self.move_errors.values()] + self.mut_errors
        return sorted(found, key=lambda d: d.primary_span)

    def check(self, at: int, access: AccessAt) -> None:
        if access.kind is Access.ASSIGN and not access.place.proj:
            self.check_reassignment(at, access)
        if (access.place, access.span) in self.reported:
            return
        if access.kind is Access.ACTIVATE and access.place in self.failed_reservations:
            return
        mutability = self.check_mutability(access)
        conflict = self.check_conflicts(at, access)
        if mutability or conflict:
            self.reported.add((access.place, access.span))
        if access.kind not in (Access.ASSIGN, Access.ACTIVATE):
            self.check_moved(at, access)

    def error(self, code: str, message: str, labels: list[Label], help_: str | None = None) -> None:
        self.errors.append(Diagnostic(code, message, tuple(labels), help=help_))

    def mut_error(self, code: str, message: str, label: Label, help_: str) -> None:
        self.mut_errors.append(Diagnostic(code, message, (label,), help=help_))

    def local(self, place: Place):
        return self.body.locals[place.local]

    # ------------------------------------------------------------------------------------------------ mutability

    def check_reassignment(self, at: int, access: AccessAt) -> None:
        """E0384: assigning an immutable variable that may already hold a value (`let x;` may be assigned
        once)."""
        local = self.local(access.place)
        earlier = sorted(point for var, point in self.facts.inits_in[at] if var == access.place.local)
        if local.mutable or not earlier or local.kind == "temp":
            return
        name, from_arg = local.name, local.kind == "arg"
        if from_arg:
            message = f"cannot assign to immutable argument `{name}`"
            labels = [Label(access.span, "cannot assign to immutable argument", True)]
        else:
            message = f"cannot assign twice to immutable variable `{name}`"
            first = local.span if local.pattern_bound else self.init_span(earlier[0], access.place)
            labels = [Label(access.span, "cannot assign twice to immutable variable", True)]
            if first != access.span:
                labels.insert(0, Label(first, f"first assignment to `{name}`"))
        self.error("E0384", message, labels, help_="consider making this binding mutable")

    def init_span(self, index: int, place: Place):
        return next(span for init, span in self.body.points[index].inits if init == place)

    def check_mutability(self, access: AccessAt) -> bool:
        """E0596 / E0594: a mutable borrow of, or an assignment to, a place that is not mutable: a variable not
        declared `mut`, or data behind a `&` reference."""
        if access.kind not in (Access.MUT, Access.RESERVE, Access.ASSIGN):
            return False
        if access.kind is Access.ASSIGN and not access.place.proj:
            return False  # a variable's own assignment is E0384's business
        culprit = self.immutable_part(access.place)
        if culprit is None:
            return False
        place = describe(self.body, access.place)
        if place is None:
            return False
        borrow = access.kind is not Access.ASSIGN
        if culprit.proj:  # `*r` with `r: &T`
            owner = self.local(culprit).name
            if owner is None or len(culprit.proj) != 1:
                return False
            help_ = "consider changing this to be a mutable reference"
            if borrow:
                self.mut_error("E0596", f"cannot borrow `{place}` as mutable, as it is behind a `&` reference",
                               Label(access.span, f"`{owner}` is a `&` reference, so it cannot be borrowed as "
                                                  "mutable", True), help_)
            else:
                self.mut_error("E0594", f"cannot assign to `{place}`, which is behind a `&` reference",
                               Label(access.span, f"`{owner}` is a `&` reference, so it cannot be written to", True),
                               help_)
            return True
        reason = "it" if not access.place.proj else f"`{self.local(culprit).name}`"
        help_ = "consider changing this to be mutable"
        if borrow:
            self.mut_error("E0596", f"cannot borrow `{place}` as mutable, as {reason} is not declared as mutable",
                           Label(access.span, "cannot borrow as mutable", True), help_)
        else:
            self.mut_error("E0594", f"cannot assign to `{place}`, as {reason} is not declared as mutable",
                           Label(access.span, "cannot assign", True), help_)
        return True

    def immutable_part(self, place: Place) -> Place | None:
        """The prefix that makes `place` immutable (rustc's `is_mutable`): the variable itself, or the first
        `*r` through a shared reference when walking in from the end; None when the place may be mutated."""
        for length in range(len(place.proj), 0, -1):
            proj = place.proj[length - 1]
            if proj.kind != "deref":
                continue
            base = Place(place.local, place.proj[: length - 1])
            base_ty = base.proj[-1].ty if base.proj else self.local(base).ty
            if isinstance(base_ty, Ref):
                return Place(place.local, place.proj[:length]) if not base_ty.mutable else None
            if not (isinstance(base_ty, Adt) and base_ty.name == "Box"):
                return None
        local = self.local(place)
        return None if local.mutable or local.kind == "temp" else Place(place.local)

    # ------------------------------------------------------------------------------------------------- conflicts

    def check_conflicts(self, at: int, access: AccessAt) -> bool:
        reserved = self.facts.reserved_in[at]
        for number in sorted(self.facts.loans_in[at]):
            loan = self.body.loans[number]
            if loan is access.loan or not conflicts(loan.place, access.place, access.kind in _SHALLOW):
                continue
            if access.kind in _READS and (not loan.mutable or number in reserved):
                continue  # reading while only shared loans (or mere reservations) exist is fine
            if access.kind is Access.RESERVE and not loan.mutable:
                continue  # a reservation acts as a shared borrow until activated
            self.report_conflict(at, access, loan)
            if access.kind is Access.RESERVE:
                self.failed_reservations.add(access.place)
            return True
        return False

    def report_conflict(self, at: int, access: AccessAt, loan: Loan) -> None:
        body, facts = self.body, self.facts
        place = describe(body, access.place)
        borrowed = describe(body, loan.place)
        if access.kind is Access.MOVE:
            declared = self.local(access.place).span
            labels = [Label(declared, f"binding `{self.local(access.place).name}` declared here"),
                      Label(loan.span, f"borrow of {quoted(borrowed)} occurs here"),
                      Label(access.span, f"move out of {quoted(place)} occurs here", True)]
            self.error("E0505", f"cannot move out of {quoted(place)} because it is borrowed",
                       labels + later_use(body, facts, at, loan, ""))
        elif access.kind is Access.ASSIGN:
            labels = [Label(loan.span, f"{quoted(place)} is borrowed here"),
                      Label(access.span, f"{quoted(place)} is assigned to here but it was already borrowed", True)]
            self.error("E0506", f"cannot assign to {quoted(place)} because it is borrowed",
                       labels + later_use(body, facts, at, loan, ""))
        elif access.kind in (Access.COPY, Access.INSPECT):
            labels = [Label(loan.span, f"{quoted(borrowed)} is borrowed here"),
                      Label(access.span, f"use of borrowed {quoted(borrowed)}", True)]
            self.error("E0503", f"cannot use {quoted(place)} because it was mutably borrowed",
                       labels + later_use(body, facts, at, loan, ""))
        elif access.kind is Access.SHARED:
            labels = [Label(loan.span, "mutable borrow occurs here"),
                      Label(access.span, "immutable borrow occurs here", True)]
            self.error("E0502", f"cannot borrow {quoted(place)} as immutable because it is also borrowed as mutable",
                       labels + later_use(body, facts, at, loan, "mutable "))
        elif not loan.mutable:
            labels = [Label(loan.span, "immutable borrow occurs here"),
                      Label(access.span, "mutable borrow occurs here", True)]
            self.error("E0502", f"cannot borrow {quoted(place)} as mutable because it is also borrowed as immutable",
                       labels + later_use(body, facts, at, loan, "immutable "))
        elif loan.span == access.span:
            labels = [Label(access.span, f"{quoted(place)} was mutably borrowed here in the previous iteration of "
                                         "the loop", True)]
            self.error("E0499", f"cannot borrow {quoted(place)} as mutable more than once at a time",
                       labels + later_use(body, facts, at, loan, "first "))
        else:
            labels = [Label(loan.span, "first mutable borrow occurs here"),
                      Label(access.span, "second mutable borrow occurs here", True)]
            self.error("E0499", f"cannot borrow {quoted(place)} as mutable more than once at a time",
                       labels + later_use(body, facts, at, loan, "first "))

    # ------------------------------------------------------------------------------------ moves out of a borrow

    def report_move_out_of_borrow(self, site: MoveSite, span: Span) -> None:
        """E0507 / E0508: moving a value out of a place the function does not own: behind a reference, inside a
        `Vec` (through `Index`), or out of an array by index."""
        body, place = self.body, site.place
        ty = place.proj[-1].ty if place.proj else self.local(place).ty
        what = describe(body, place)
        because = f"move occurs because {quoted(what)} has type `{ty}`, which does not implement the `Copy` trait"
        labels = []
        if site.kind == "method":
            labels.append(Label(site.span, move_label(body, site, False, False)))
        if site.as_ref_hint is not None:
            labels.append(Label(site.as_ref_hint, "help: consider calling `.as_ref()` or `.as_mut()` to borrow the "
                                                  "type's contents", True))
        labels.append(Label(span, because, True))
        into = self.local(place).points_into
        culprit = self.first_borrowed(place)
        if culprit is not None and culprit.kind == "index":
            base = place.proj[place.proj.index(culprit) - 1].ty if place.proj.index(culprit) else self.local(place).ty
            kind = "array" if isinstance(base, Array) else "slice"
            labels.insert(0, Label(span, "cannot move out of here", True))
            self.error("E0508", f"cannot move out of type `{base}`, a non-copy {kind}", labels)
        elif into is not None:
            self.error("E0507", f"cannot move out of {into}", labels)
        elif culprit is not None:
            reference = "mutable" if self.behind_mutable(place, culprit) else "shared"
            source = f"`{what}` which is behind a {reference}" if what is not None else f"a {reference}"
            self.error("E0507", f"cannot move out of {source} reference", labels)

    def first_borrowed(self, place: Place) -> Proj | None:
        """The first step of `place` out of what the function owns: a deref of a reference, or an index."""
        ty = self.local(place).ty
        for proj in place.proj:
            if proj.kind == "index" or proj.kind == "deref" and isinstance(ty, Ref):
                return proj
            ty = proj.ty
        return None

    def behind_mutable(self, place: Place, culprit: Proj) -> bool:
        at = place.proj.index(culprit)
        base = place.proj[at - 1].ty if at else self.local(place).ty
        return isinstance(base, Ref) and base.mutable

    # ---------------------------------------------------------------------------------------------- scope ends

    def check_scope_end(self, at: int, local: int) -> None:
        """E0597 / E0515: a variable goes out of scope (or the function returns) while a borrow of it is still
        needed."""
        for number in sorted(self.facts.loans_in[at]):
            loan = self.body.loans[number]
            if loan.place.local != local or self.through_reference(loan.place):
                continue  # data behind a reference outlives the reference
            key = (Place(local), loan.span)
            if key in self.reported:
                return
            self.reported.add(key)
            if self.facts.regions[number] is not None:
                self.report_dropped_while_borrowed(at, loan)
            elif self.body.returns:
                self.report_returned_local(loan)
            return

    def through_reference(self, place: Place) -> bool:
        ty = self.local(place).ty
        for proj in place.proj:
            if proj.kind == "deref" and isinstance(ty, Ref):
                return True
            ty = proj.ty
        return False

    def report_dropped_while_borrowed(self, at: int, loan: Loan) -> None:
        body = self.body
        name = describe(body, loan.place)
        declared = self.local(loan.place)
        labels = [Label(declared.span, f"binding `{declared.name}` declared here"),
                  Label(loan.span, "borrowed value does not live long enough", True),
                  Label(body.points[at].span, f"`{name}` dropped here while still borrowed")]
        used_later = later_use(body, self.facts, at, loan, "")
        notes, help_ = (), None
        holder = self.collection_holder(at, loan)
        if holder is not None:
            # rustc's advice for a `Vec` kept across iterations that stores borrows of a per-iteration value.
            labels.insert(0, Label(holder.span, f"variable `{holder.name}` declared here"))
            notes = (f"`{holder.name}` is a collection that stores borrowed references, but `{name}` does not live "
                     "long enough to be stored in it",)
            help_ = "buffer reuse with borrowed references requires unsafe code or restructuring"
        self.errors.append(Diagnostic("E0597", f"`{name}` does not live long enough", tuple(labels + used_later),
                                      notes, help_))

    def collection_holder(self, at: int, loan: Loan):
        holder = next((h for h in self.facts.holders[loan.id] if h in self.facts.live_in[at]), None)
        local = self.body.locals[holder] if holder is not None else None
        is_vec = local is not None and isinstance(local.ty, Adt) and local.ty.name == "Vec"
        return local if is_vec and local.name is not None else None

    def report_returned_local(self, loan: Loan) -> None:
        """E0515: the function returns a borrow of its own local data."""
        body = self.body
        returned = next((span for value, span in body.returns if value in self.facts.holders[loan.id]), None)
        name = describe(body, loan.place)
        if returned is None or name is None:
            return
        local = self.local(loan.place)
        owner = "local data" if loan.place.proj else "function parameter" if local.kind == "arg" else \
            "local variable"
        reference = "reference to" if returned == loan.span else "value referencing"
        labels = [Label(returned, f"returns a {reference} data owned by the current function", True)]
        if returned != loan.span:
            labels.append(Label(loan.span, f"`{name}` is borrowed here"))
        self.error("E0515", f"cannot return {reference} {owner} `{name}`", labels)

    # ------------------------------------------------------------------------------------------ use after move

    def check_moved(self, at: int, access: AccessAt) -> None:
        """E0382 when the place, a place containing it, or (for a deep use) a part of it may have been moved
        (rustc's `check_if_path_or_child_is_moved`)."""
        maybe = [self.facts.moves[n][1].place for n in self.facts.moved_in[at]]
        used = access.place
        closest = next((p for p in used.prefixes() if p in self.move_paths), None)
        if closest is not None and any(m.is_prefix_of(closest) for m in maybe):
            self.report_moved(at, access, closest, closest)
        elif access.kind is not Access.INSPECT and used in self.move_paths:
            child = next((m for m in maybe if used.is_prefix_of(m) and m != used), None)
            if child is not None:
                self.report_moved(at, access, used, child)

    def report_moved(self, at: int, access: AccessAt, moved: Place, path: Place) -> None:
        body, facts = self.body, self.facts
        found, reinits = find_moves(body, facts, at, path.prefixes())
        if not found:
            return
        key = frozenset(f.number for f in found)
        used = access.place
        earlier = self.move_errors.get(key)
        if earlier is not None and used.is_prefix_of(earlier[0]):
            return
        sites = [(facts.moves[f.number], f.back_edge) for f in found]
        partial = any(used != site.place and used.is_prefix_of(site.place) and not self.box_contents(site.place)
                      for (_, site), _ in sites)
        labels, seen = [], set()
        loop_move = False
        for (index, site), back_edge in sites:
            loop_move |= index == at
            if site.span in seen:
                continue
            seen.add(site.span)
            labels += loop_labels(body, site, moved)
            # rustc writes a plain "value moved here" at the use's own span as the primary label.
            merged = site.kind == "plain" and site.span == access.span
            labels.append(Label(site.span, move_label(body, site, partial, index == at or back_edge), merged))
            if site.as_ref_hint is not None and not reinits:
                labels.append(Label(site.as_ref_hint, "help: consider calling `.as_ref()` or `.as_mut()` to borrow "
                                                      "the type's contents"))
        if len(reinits) == 1:
            labels.append(Label(self.init_span(reinits[0], next(
                p for p, _ in body.points[reinits[0]].inits if p in path.prefixes())),
                "this reinitialization might get skipped"))
        borrow = access.kind in (Access.SHARED, Access.MUT, Access.RESERVE)
        if not loop_move:
            verb = "borrowed" if borrow else "used"
            labels.append(Label(access.span, f"value {verb} here after {'partial ' if partial else ''}move", True))
        elif not any(label.primary for label in labels):  # the use is the move: the primary label stays empty
            labels.append(Label(access.span, "", True))
        first_site = sites[0][0][1]
        label, note = not_copy(body, first_site.place, partial)
        if label is not None:
            labels.insert(0, label)
        noun = "borrow" if borrow else "use"
        message = f"{noun} of {'partially ' if partial else ''}moved value"
        name = describe(body, moved, including_downcast=True)
        if name is not None:
            message += f": `{name}`"
        diag = Diagnostic("E0382", message, tuple(labels), (note,) if note else ())
        self.move_errors[key] = (used, diag)

    def box_contents(self, place: Place) -> bool:
        """`*b` of a `Box`: moving it out is a move of the box's value, reported as a move of `b`."""
        ty = self.local(place).ty
        return len(place.proj) == 1 and place.proj[0].kind == "deref" and isinstance(ty, Adt) and ty.name == "Box"


def conflicts(borrowed: Place, accessed: Place, shallow: bool) -> bool:
    """Whether a loan of `borrowed` overlaps an access to `accessed` (rustc's `places_conflict`): different fields
    or variants are disjoint, any two indexes may overlap; a shallow access (an assignment) does not reach what is
    behind a pointer inside the place."""
    if borrowed.local != accessed.local:
        return False
    for mine, theirs in zip(borrowed.proj, accessed.proj, strict=False):
        if mine.kind != theirs.kind:
            return True
        if mine.kind in ("field", "downcast") and mine.name != theirs.name:
            return False
    beyond = borrowed.proj[len(accessed.proj):]
    return not (shallow and any(proj.kind == "deref" for proj in beyond))
