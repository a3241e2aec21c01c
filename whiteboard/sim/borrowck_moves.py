"""The move checks: using a value after it was moved (E0382), and moving out of what the function does not own
(E0507 behind a reference or through `Index`, E0508 out of an array).

Part of `Checker` (`borrowck_check`). rustc reports a use after move once per set of moves behind it, later uses of
the same place staying silent (`report_use_of_moved_or_uninitialized`).
"""

from __future__ import annotations

from whiteboard.model.diagnostics import Diagnostic, Label
from whiteboard.model.syntax import Span
from whiteboard.model.types import Adt, Array, Ref
from whiteboard.sim.borrowck_mir import Access, AccessAt, MoveSite, Place
from whiteboard.sim.borrowck_report import FoundMove, describe, find_moves, loop_labels, move_label, not_copy, quoted

_AS_REF_HINT = "help: consider calling `.as_ref()` or `.as_mut()` to borrow the type's contents"


class MoveChecks:
    def check_moved(self, at: int, access: AccessAt) -> None:
        """E0382 when the place, a place containing it, or (for a deep use) a part of it may have been moved
        (rustc's `check_if_path_or_child_is_moved`). rustc looks up the closest place whose moves it tracks."""
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
        """`moved` is the place the headline names; `path` the moved place whose moves are looked up."""
        found, reinits = find_moves(self.body, self.facts, at, path.prefixes())
        if not found:
            return
        key = frozenset(f.number for f in found)
        earlier = self.move_errors.get(key)
        if earlier is not None and access.place.is_prefix_of(earlier[0]):
            return  # the same moves already explain an error about this place
        partial = any(
            access.place != site.place and access.place.is_prefix_of(site.place) and not self.box_contents(site.place)
            for _, site in map(self.site_of, found)
        )
        labels = self.reinit_labels(reinits, path) + self.move_site_labels(at, access, found, moved, partial)
        borrow = access.kind in (Access.SHARED, Access.MUT, Access.RESERVE)
        if not any(self.site_of(f)[0] == at for f in found):
            verb = "borrowed" if borrow else "used"
            labels.append(Label(access.span, f"value {verb} here after {'partial ' if partial else ''}move", True))
        elif not any(label.primary for label in labels):  # the use is the move itself: an empty primary label
            labels.append(Label(access.span, "", True))
        label, note = not_copy(self.body, self.site_of(found[0])[1].place, partial)
        if label is not None:
            labels.append(label)
        message = f"{'borrow' if borrow else 'use'} of {'partially ' if partial else ''}moved value"
        name = describe(self.body, moved, including_downcast=True)
        if name is not None:
            message += f": `{name}`"
        self.move_errors[key] = (access.place, Diagnostic("E0382", message, tuple(labels), (note,) if note else ()))

    def site_of(self, found: FoundMove) -> tuple[int, MoveSite]:
        return self.facts.moves[found.number]

    def reinit_labels(self, reinits: list[int], path: Place) -> list[Label]:
        if len(reinits) != 1:
            return []
        span = next(span for place, span in self.body.points[reinits[0]].inits if place in path.prefixes())
        return [Label(span, "this reinitialization might get skipped")]

    def move_site_labels(
        self, at: int, access: AccessAt, found: list[FoundMove], moved: Place, partial: bool
    ) -> list[Label]:
        """Where the value was moved, once per span (rustc's `explain_captures`), with the loops around it."""
        labels, seen = [], set()
        for move in found:
            index, site = self.site_of(move)
            if site.span in seen:
                continue
            seen.add(site.span)
            labels += loop_labels(self.body, site, moved)
            if site.as_ref_hint is not None:
                labels.append(Label(site.as_ref_hint, _AS_REF_HINT))
            # A plain "value moved here" at the use's own span is the primary label itself.
            primary = site.kind == "plain" and site.span == access.span
            labels.append(
                Label(site.span, move_label(self.body, site, partial, index == at or move.back_edge), primary)
            )
        return labels

    def box_contents(self, place: Place) -> bool:
        """`*b` of a `Box`: moving it out is a move of the box's value, reported as a move of `b`."""
        ty = self.local(place).ty
        return len(place.proj) == 1 and place.proj[0].kind == "deref" and isinstance(ty, Adt) and ty.name == "Box"

    # ------------------------------------------------------------------------------------ moves out of a borrow

    def report_move_out_of_borrow(self, site: MoveSite, span: Span) -> None:
        """E0507 / E0508: moving a value out of a place the function does not own: behind a reference, inside a
        `Vec` or an `Rc` (through `Index`/`Deref`), or out of an array by index."""
        body, place = self.body, site.place
        what = describe(body, place)
        because = (
            f"move occurs because {quoted(what)} has type `{body.place_ty(place)}`, which does not implement "
            "the `Copy` trait"
        )
        labels = []
        if site.kind == "method":
            labels.append(Label(site.span, move_label(body, site, False, False)))
        if site.as_ref_hint is not None:
            labels.append(Label(site.as_ref_hint, _AS_REF_HINT, True))
        labels.append(Label(span, because, True))
        index = next((i for i, proj in enumerate(place.proj) if proj.kind == "index"), None)
        deref = body.through_reference(place)
        if index is not None and (deref is None or index < deref):
            base = body.type_before(place, index)
            kind = "array" if isinstance(base, Array) else "slice"
            labels.insert(0, Label(span, "cannot move out of here", True))
            self.error("E0508", f"cannot move out of type `{base}`, a non-copy {kind}", labels)
        elif self.local(place).points_into is not None:
            self.error("E0507", f"cannot move out of {self.local(place).points_into}", labels)
        elif deref is not None:
            reference = body.type_before(place, deref)
            kind = "mutable" if isinstance(reference, Ref) and reference.mutable else "shared"
            source = f"`{what}` which is behind a {kind}" if what is not None else f"a {kind}"
            self.error("E0507", f"cannot move out of {source} reference", labels)
