"""The checks, run over each access in rustc's visiting order, and the errors they raise:

- mutability: borrowing mutably or assigning what is not `mut` (E0596, E0594), assigning an immutable variable a
  second time (E0384);
- conflicts with the loans in scope (E0499, E0502, E0503, E0505, E0506), explained by where the loan is used later;
- a variable's scope ending while it is still borrowed (E0597), or with a borrow of it being returned (E0515);
- moves: use after move, moves out of a borrow (`borrowck_moves`).

Like rustc, an access reports at most one conflict, each place and span is reported once, and a failed two-phase
reservation silences the activations of that place. Errors come out sorted by their primary span, as rustc emits
them.
"""

from __future__ import annotations

from whiteboard.model.diagnostics import Diagnostic, Label
from whiteboard.model.types import Adt, Ref
from whiteboard.sim.borrowck_flow import Facts
from whiteboard.sim.borrowck_mir import Access, AccessAt, Body, Loan, Local, Place
from whiteboard.sim.borrowck_moves import MoveChecks
from whiteboard.sim.borrowck_report import describe, later_use, quoted

_READS = (Access.COPY, Access.INSPECT, Access.SHARED)
_SHALLOW = (Access.ASSIGN, Access.INSPECT)


class Checker(MoveChecks):
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

    def local(self, place: Place) -> Local:
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
        place = describe(self.body, access.place)
        if culprit is None or place is None:
            return False
        if culprit.proj:
            return self.behind_shared_reference(access, place, culprit)
        reason = "it" if not access.place.proj else f"`{self.local(culprit).name}`"
        help_ = "consider changing this to be mutable"
        if access.kind is Access.ASSIGN:
            self.mut_error(
                "E0594",
                f"cannot assign to `{place}`, as {reason} is not declared as mutable",
                Label(access.span, "cannot assign", True),
                help_,
            )
        else:
            self.mut_error(
                "E0596",
                f"cannot borrow `{place}` as mutable, as {reason} is not declared as mutable",
                Label(access.span, "cannot borrow as mutable", True),
                help_,
            )
        return True

    def behind_shared_reference(self, access: AccessAt, place: str, culprit: Place) -> bool:
        """`*r` with `r: &T` written to or mutably borrowed."""
        owner = self.local(culprit).name
        if owner is None or len(culprit.proj) != 1:
            return False  # rustc words a deeper reference chain differently
        help_ = "consider changing this to be a mutable reference"
        if access.kind is Access.ASSIGN:
            self.mut_error(
                "E0594",
                f"cannot assign to `{place}`, which is behind a `&` reference",
                Label(access.span, f"`{owner}` is a `&` reference, so it cannot be written to", True),
                help_,
            )
        else:
            self.mut_error(
                "E0596",
                f"cannot borrow `{place}` as mutable, as it is behind a `&` reference",
                Label(access.span, f"`{owner}` is a `&` reference, so it cannot be borrowed as mutable", True),
                help_,
            )
        return True

    def immutable_part(self, place: Place) -> Place | None:
        """The prefix that makes `place` immutable (rustc's `is_mutable`), walking in from the end: the first `*r`
        through a shared reference, else the variable itself unless it is `mut`. Through a `&mut` anything goes;
        a `Box` is as mutable as its owner."""
        for step in range(len(place.proj), 0, -1):
            if place.proj[step - 1].kind != "deref":
                continue
            pointer = self.body.type_before(place, step - 1)
            if isinstance(pointer, Ref):
                return None if pointer.mutable else Place(place.local, place.proj[:step])
            if not (isinstance(pointer, Adt) and pointer.name == "Box"):
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
            labels = [
                Label(declared, f"binding `{self.local(access.place).name}` declared here"),
                Label(loan.span, f"borrow of {quoted(borrowed)} occurs here"),
                Label(access.span, f"move out of {quoted(place)} occurs here", True),
            ]
            self.error(
                "E0505",
                f"cannot move out of {quoted(place)} because it is borrowed",
                labels + later_use(body, facts, at, loan, ""),
            )
        elif access.kind is Access.ASSIGN:
            labels = [
                Label(loan.span, f"{quoted(place)} is borrowed here"),
                Label(access.span, f"{quoted(place)} is assigned to here but it was already borrowed", True),
            ]
            self.error(
                "E0506",
                f"cannot assign to {quoted(place)} because it is borrowed",
                labels + later_use(body, facts, at, loan, ""),
            )
        elif access.kind in (Access.COPY, Access.INSPECT):
            labels = [
                Label(loan.span, f"{quoted(borrowed)} is borrowed here"),
                Label(access.span, f"use of borrowed {quoted(borrowed)}", True),
            ]
            self.error(
                "E0503",
                f"cannot use {quoted(place)} because it was mutably borrowed",
                labels + later_use(body, facts, at, loan, ""),
            )
        elif access.kind is Access.SHARED:
            labels = [
                Label(loan.span, "mutable borrow occurs here"),
                Label(access.span, "immutable borrow occurs here", True),
            ]
            self.error(
                "E0502",
                f"cannot borrow {quoted(place)} as immutable because it is also borrowed as mutable",
                labels + later_use(body, facts, at, loan, "mutable "),
            )
        elif not loan.mutable:
            labels = [
                Label(loan.span, "immutable borrow occurs here"),
                Label(access.span, "mutable borrow occurs here", True),
            ]
            self.error(
                "E0502",
                f"cannot borrow {quoted(place)} as mutable because it is also borrowed as immutable",
                labels + later_use(body, facts, at, loan, "immutable "),
            )
        elif loan.span == access.span:
            labels = [
                Label(
                    access.span,
                    f"{quoted(place)} was mutably borrowed here in the previous iteration of the loop",
                    True,
                )
            ]
            self.error(
                "E0499",
                f"cannot borrow {quoted(place)} as mutable more than once at a time",
                labels + later_use(body, facts, at, loan, "first "),
            )
        else:
            labels = [
                Label(loan.span, "first mutable borrow occurs here"),
                Label(access.span, "second mutable borrow occurs here", True),
            ]
            self.error(
                "E0499",
                f"cannot borrow {quoted(place)} as mutable more than once at a time",
                labels + later_use(body, facts, at, loan, "first "),
            )

    # ---------------------------------------------------------------------------------------------- scope ends

    def check_scope_end(self, at: int, local: int) -> None:
        """E0597 / E0515: a variable goes out of scope (or the function returns) while a borrow of it is still
        needed."""
        for number in sorted(self.facts.loans_in[at]):
            loan = self.body.loans[number]
            if loan.place.local != local or self.body.through_reference(loan.place) is not None:
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

    def report_dropped_while_borrowed(self, at: int, loan: Loan) -> None:
        body = self.body
        name = describe(body, loan.place)
        declared = self.local(loan.place)
        labels = [
            Label(declared.span, f"binding `{declared.name}` declared here"),
            Label(loan.span, "borrowed value does not live long enough", True),
            Label(body.points[at].span, f"`{name}` dropped here while still borrowed"),
        ]
        used_later = later_use(body, self.facts, at, loan, "")
        notes, help_ = (), None
        holder = self.collection_holder(at, loan)
        if holder is not None:
            # rustc's advice for a `Vec` kept across iterations that stores borrows of a per-iteration value.
            labels.insert(0, Label(holder.span, f"variable `{holder.name}` declared here"))
            notes = (
                f"`{holder.name}` is a collection that stores borrowed references, but `{name}` does not live "
                "long enough to be stored in it",
            )
            help_ = "buffer reuse with borrowed references requires unsafe code or restructuring"
        self.errors.append(
            Diagnostic("E0597", f"`{name}` does not live long enough", tuple(labels + used_later), notes, help_)
        )

    def collection_holder(self, at: int, loan: Loan) -> Local | None:
        """The `Vec` variable keeping the borrow alive, if that is what does."""
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
        owner = "local data" if loan.place.proj else "function parameter" if local.kind == "arg" else "local variable"
        reference = "reference to" if returned == loan.span else "value referencing"
        labels = [Label(returned, f"returns a {reference} data owned by the current function", True)]
        if returned != loan.span:
            labels.append(Label(loan.span, f"`{name}` is borrowed here"))
        self.error("E0515", f"cannot return {reference} {owner} `{name}`", labels)


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
    beyond = borrowed.proj[len(accessed.proj) :]
    return not (shallow and any(proj.kind == "deref" for proj in beyond))
