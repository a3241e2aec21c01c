"""Plan the animation between two diagrams from the events of the step that separates them (pure, no Qt).

A step's events become *beats* played one after another (a frame is pushed; a value appears; a Vec's new buffer
appears, its elements are carried across, its pointer swings, the old buffer is freed; drops run one by one in
rustc's order). Each primitive that differs between the two diagrams gets a *track*: the time window of the beat
that concerns it (found from its innermost group), what it does in that window (move/resize, appear, disappear,
change its text) and, for values that travel (moves, copies, a realloc's elements), the offset it starts from.
Time runs from 0 (the old diagram) to 1 (the new one); stepping back plays the same plan from 1 to 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from whiteboard.diagram.primitives import Arrow, Diagram, Rect

BEAT_MS = 520  # one beat at speed 1: long enough to follow from the back row, short enough not to drag
MIN_MS, MAX_MS = 450, 4200  # a whole step, at speed 1


@dataclass(slots=True)
class Beat:
    groups: set = field(default_factory=set)
    flashes: dict = field(default_factory=dict)  # group -> "write" | "drop"
    arrow_targets: set = field(default_factory=set)  # arrows that now point at these groups swing in this beat


@dataclass(slots=True)
class Track:
    key: str
    old: object  # the primitive at t = 0, or None if it appears
    new: object  # the primitive at t = 1, or None if it goes away
    t0: float
    t1: float
    carry: tuple | None = None  # (dx, dy): the new item starts this far off and travels home in its window
    flash: str | None = None  # "write" | "drop": a pulse over (f0, f1)
    f0: float = 0.0
    f1: float = 0.0


@dataclass(slots=True)
class Plan:
    tracks: list
    beats: int
    duration_ms: int  # at speed 1

    def window(self, beat: int) -> tuple[float, float]:
        n = max(self.beats, 1)
        return beat / n, (beat + 1) / n


def _slot_group(root) -> str | None:
    if not root:
        return None
    if root[0] == "slot":
        return f"val:slot:{root[1]}"
    if root[0] == "heap":
        return f"cell:{root[1]}:{root[2]}"
    if root[0] == "static":
        return f"static:{root[1]}"
    return None


def _beats(events, old: Diagram, new: Diagram) -> tuple[list[Beat], dict]:
    """Beats in order, and carries: new group -> old anchor it travels from."""
    beats: list[Beat] = []
    carries: dict = {}
    pending: list = []  # moves/copies into a temporary or an argument, waiting for the place they land
    written_blocks = {ev.block_id for ev in events if ev.kind == "heap_written"}

    def beat(groups=(), flashes=None, arrow_targets=()) -> Beat:
        b = Beat(set(groups), dict(flashes or {}), set(arrow_targets))
        beats.append(b)
        return b

    def land(target_group: str, b: Beat) -> None:
        # A value that left its owner in this step arrives here: it travels from where it was.
        for source_group, moved in pending:
            anchor = old.anchors.get(source_group)
            if anchor is not None and target_group in new.anchors:
                carries[target_group] = anchor
            if moved:
                b.groups.add(source_group)
        pending.clear()

    for ev in events:
        kind = ev.kind
        if kind in ("value_moved", "value_copied"):
            source = _slot_group(ev.source)
            target = _slot_group(ev.target) if ev.target else None
            if source is None:
                continue
            if target is not None and target in new.anchors and not _bound_later(events, ev):
                b = beat({target, source} if kind == "value_moved" else {target})
                if source in old.anchors:
                    carries[target] = old.anchors[source]
            else:
                pending.append((source, kind == "value_moved"))
        elif kind == "frame_pushed":
            beat({f"frame:{ev.frame_id}"})
        elif kind == "frame_popped":
            beat({f"frame:{ev.frame_id}"})
        elif kind == "frames_collapsed":
            beat({g for g in new.anchors if g.startswith("collapsed")} | {"collapsed"})
        elif kind == "value_bound":
            b = beat({f"slot:{ev.slot_id}", f"val:slot:{ev.slot_id}"})
            if pending:
                land(f"val:slot:{ev.slot_id}", b)
        elif kind == "value_written":
            group = _slot_group(ev.root)
            if group:
                b = beat({group}, {group: "write"})
                if pending:
                    land(group, b)
        elif kind == "value_dropped":
            group = _slot_group(ev.root)
            if group:
                beat({group}, {group: "drop"})
        elif kind == "slot_released":
            if beats and beats[-1].groups and all(g.startswith("slot:") for g in beats[-1].groups):
                beats[-1].groups.add(f"slot:{ev.slot_id}")  # storage going away together is one beat
            else:
                beat({f"slot:{ev.slot_id}"})
        elif kind == "heap_allocated":
            beat({f"block:{ev.block_id}"})
        elif kind == "heap_reallocated":
            beat({f"block:{ev.new_block_id}"})
            carry = beat()
            for i in range(len(ev.elems)):
                group = f"cell:{ev.new_block_id}:{i}"
                anchor = old.anchors.get(f"cell:{ev.old_block_id}:{i}")
                carry.groups.add(group)
                if anchor is not None and group in new.anchors:
                    carries[group] = anchor
            beat(arrow_targets={f"block:{ev.new_block_id}"} | {g for g in carry.groups})
            beat({f"block:{ev.old_block_id}"} | {g for g in new.anchors if g.startswith("free:")})
        elif kind == "heap_freed":
            beat({f"block:{ev.block_id}"})
        elif kind == "heap_written":
            group = f"cell:{ev.block_id}:{ev.index}"
            b = beat({group}, {group: "write"})
            if pending:
                land(group, b)
        elif kind == "heap_length_changed":
            if ev.block_id not in written_blocks:
                beat({f"block:{ev.block_id}"})
        elif kind == "static_defined":
            beat({f"static:{ev.static_id}"})
        elif kind in ("panicked", "stack_overflowed", "error", "step_limit"):
            beat({"banner"})
    return beats, carries


def _bound_later(events, move) -> bool:
    """`let b = a;` moves into b's slot before b is bound: the carry belongs to the binding's beat."""
    target = move.target
    seen = False
    for ev in events:
        if ev is move:
            seen = True
        elif seen and ev.kind == "value_bound" and target and target[0] == "slot" and ev.slot_id == target[1]:
            return True
    return False


def plan(old: Diagram, new: Diagram, events) -> Plan:
    beats, carries = _beats(events, old, new)
    beats = [b for b in beats if b.groups or b.flashes or b.arrow_targets]
    group_beat: dict = {}
    target_beat: dict = {}
    for i, b in enumerate(beats):
        for g in b.groups:
            group_beat.setdefault(g, i)
        for g in b.flashes:
            group_beat.setdefault(g, i)
        for g in b.arrow_targets:
            target_beat.setdefault(g, i)

    def beat_of(prim) -> int | None:
        if isinstance(prim, Arrow) and prim.target in target_beat:
            return target_beat[prim.target]
        for g in reversed(prim.groups):
            i = group_beat.get(g)
            if i is not None:
                return i
        return None

    flashed: dict = {}  # group -> (kind, beat)
    for i, b in enumerate(beats):
        for g, what in b.flashes.items():
            flashed.setdefault(g, (what, i))
    flash_of: dict = {}  # key of the outermost rectangle of each flashed group -> (kind, beat)
    if flashed:
        done: set = set()
        for source in (new.items, old.items):
            for key, prim in source.items():
                group = prim.groups[-1] if prim.groups else None
                if group in flashed and group not in done and isinstance(prim, Rect):
                    done.add(group)
                    flash_of[key] = flashed[group]

    # (key, old, new, beat or a phase, carry, flash). Changes no event explains are the layout making room or
    # closing up: room is made before the first beat (a "prelude"), gaps close after the last (a "postlude"), so
    # nothing new is drawn over something that has not moved out of its way yet.
    raw: list = []
    old_items, new_items = old.items, new.items
    for key, prim in new_items.items():
        before = old_items.get(key)
        carry = None
        for g in reversed(prim.groups):
            anchor = carries.get(g)
            if anchor is not None:
                home = new.anchors[g]
                carry = (anchor[0] - home[0], anchor[1] - home[1])
                break
        flash = flash_of.get(key)
        if before == prim and carry is None and flash is None:
            continue
        beat = beat_of(prim)
        if beat is None:
            beat = "pre" if before is None or _grows(before, prim) else "post"
        raw.append((key, before, prim, beat, carry, flash))
    for key, prim in old_items.items():
        if key not in new_items:
            beat = beat_of(prim)
            raw.append((key, prim, None, "post" if beat is None else beat, None, flash_of.get(key)))
    pre = 1 if any(r[3] == "pre" for r in raw) and beats else 0
    post = 1 if any(r[3] == "post" for r in raw) and beats else 0
    n = len(beats) + pre + post

    def span(beat) -> tuple[float, float]:
        if not beats:
            return 0.0, 1.0
        i = 0 if beat == "pre" else n - 1 if beat == "post" else beat + pre
        return i / n, (i + 1) / n

    tracks = []
    for key, before, prim, beat, carry, flash in raw:
        t0, t1 = span(beat)
        f0, f1 = span(flash[1]) if flash else (0.0, 0.0)
        tracks.append(Track(key, before, prim, t0, t1, carry, flash[0] if flash else None, f0, f1))
    duration = min(max(n * BEAT_MS, MIN_MS), MAX_MS)
    return Plan(tracks, n, duration)


def _grows(old, new) -> bool:
    """Does the change open space (taller, wider, or moving up as the columns grow upward)?"""
    if isinstance(new, Arrow) or isinstance(old, Arrow):
        return True
    return new.h > old.h or new.w > old.w or new.y < old.y
