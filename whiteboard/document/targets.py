"""What a thing on the board is, in the program's terms: the frame of `fn main`, the local `h`, the place `h.items`
or `v[2]`, with its type. A drop or a menu on the board becomes an edit of that place; and where in the program the
edit goes follows from the step the board shows (`anchor`).

Keys are the diagram's group names (see whiteboard/diagram/primitives.py): `frame:3`, `slot:12`,
`val:slot:12/items/[2]`, `cell:7:2` (element 2 of heap block 7).
"""

from __future__ import annotations

from dataclasses import dataclass

from whiteboard.model import types as T
from whiteboard.model.type_parse import parse_type


@dataclass(frozen=True, slots=True)
class Target:
    kind: str  # "frame" or "value"
    frame_id: int
    function: str
    place: str = ""  # a Rust place expression: "h", "h.items", "v[2]"
    root: str = ""  # the local the place is in
    ty: str = ""  # the place's type as Rust writes it
    view: tuple | None = None  # what the board shows there (a ViewValue)
    # A later `let` of the same name in the same frame hides this local: it lives on to its scope's end, but no code
    # written here can name it.
    shadowed: bool = False

    @property
    def is_local(self) -> bool:
        return self.kind == "value" and self.place == self.root

    def describe(self) -> str:
        return f"fn {self.function}" if self.kind == "frame" else f"`{self.place}`"


def target_of(state, key: str, engine) -> Target | None:
    """The Target a diagram group key names at this state, or None (regions, arrows, static data …)."""
    if key.startswith("frame:"):
        frame = state.frames.get(_int(key[6:]))
        return None if frame is None else Target("frame", frame.frame_id, frame.function)
    if key.startswith("slot:") or key.startswith("val:slot:"):
        rest = key[4:] if key.startswith("val:") else key
        head, _, path = rest.partition("/")
        slot = state.slot(_int(head[5:]))
        if slot is None:
            return None
        return _descend(state, slot, [p for p in path.split("/") if p], engine)
    if key.startswith("cell:"):
        _, block, index = key.split(":")
        return _element(state, _int(block), _int(index), engine)
    return None


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return -1


def _descend(state, slot, parts, engine) -> Target:
    frame = state.frames[slot.frame_id]
    place, ty_text, view = slot.name, slot.ty, slot.value
    for part in parts:
        if view is None or view[0] not in ("struct", "array"):
            break  # inside an enum, a Vec's len/cap/ptr: the value itself is the place
        if view[0] == "array" and part.startswith("["):
            i = int(part[1:-1])
            elem = _elem_type(ty_text)
            if elem is None or i >= len(view[1]):
                break
            place, ty_text, view = f"{place}[{i}]", elem, view[1][i]
            continue
        field = next((f for f in view[2] if f[0] == part), None)
        fty = _field_type(engine, ty_text, part)
        if field is None or fty is None:
            break
        place, ty_text, view = f"{place}.{part}", fty, field[2]
    return Target("value", frame.frame_id, frame.function, place, slot.name, ty_text, view, _shadowed(frame, slot))


def _shadowed(frame, slot) -> bool:
    """A local declared later in the frame has the same name (slot ids grow in declaration order)."""
    return any(s.name == slot.name and s.slot_id > slot.slot_id for s in frame.slots.values())


def _element(state, block_id: int, index: int, engine) -> Target | None:
    """Element `index` of the Vec whose buffer is block `block_id`: `v[index]` (or `h.items[index]`)."""
    for frame in state.frames.values():
        for slot in frame.slots.values():
            for place, ty_text, view in _walk(slot.name, slot.ty, slot.value, engine):
                if view[0] == "vec" and view[4] == block_id:
                    name, _, inner = ty_text.partition("<")
                    if name.strip() != "Vec" or index >= view[3]:
                        return None
                    elem = inner[:-1].strip()
                    place = f"{place}[{index}]"
                    return Target(
                        "value", frame.frame_id, frame.function, place, slot.name, elem, None, _shadowed(frame, slot)
                    )
    return None


def _walk(place, ty_text, view, engine, depth=0):
    if view is None or depth > 8:
        return
    yield place, ty_text, view
    if view[0] == "struct":
        for fname, _, fview in view[2]:
            fty = _field_type(engine, ty_text, fname)
            if fty is not None:
                yield from _walk(f"{place}.{fname}", fty, fview, engine, depth + 1)


def _field_type(engine, ty_text: str, field: str) -> str | None:
    if engine is None:
        return None
    try:
        return str(engine.layout(parse_type(ty_text)).field(field).ty)
    except Exception:  # noqa: BLE001 - a type the model cannot lay out has no field places
        return None


def _elem_type(ty_text: str) -> str | None:
    try:
        ty = parse_type(ty_text)
    except Exception:  # noqa: BLE001
        return None
    return str(ty.elem) if isinstance(ty, T.Array) else None


def anchor(trace, step: int, frame_id: int) -> tuple[int, int, str, tuple | None]:
    """(line, col, label, next) of the step after which a statement in frame `frame_id` should run: the frame's
    latest step at or before `step` (its `call` step when it has run nothing yet; for a frame waiting on a callee,
    its statement before the call); `next` is (line, col, label) of the frame's step after that, or None."""
    state = trace.state_at(step)
    frame = state.frames.get(frame_id)
    if frame is None:
        raise LookupError(f"frame {frame_id} is not on the stack at step {step}")
    inner = frame.depth + 1
    found = 0
    for k in range(step, -1, -1):
        s = trace.steps[k]
        if (s.depth == inner and not s.label.startswith("call ")) or s.depth <= frame.depth:
            found = k
            break
    s = trace.steps[found]
    return s.span[0], s.span[1], s.label, _next_in_frame(trace, found, inner)


def _next_in_frame(trace, k: int, inner: int) -> tuple | None:
    """The frame's next step on another line (steps on the same line are parts of one header: `for`, `next: i`)."""
    line = trace.steps[k].span[0]
    for s in trace.steps[k + 1 :]:
        if s.depth < inner:
            return None
        if s.depth == inner and not s.label.startswith("call ") and s.span[0] != line:
            return s.span[0], s.span[1], s.label
    return None


def occurrence(trace, step: int) -> int:
    """How many times the statement of `step` has run so far (in its frame's depth): the loop iteration a gesture
    is made in, so the new statement is shown in the same iteration."""
    if trace is None or not 0 <= step < len(trace.steps):
        return 0
    here = trace.steps[step]
    return sum(1 for s in trace.steps[: step + 1] if s.span[0] == here.span[0] and s.depth == here.depth)


def landing_step(trace, line: int, near: int, times: int = 0) -> int:
    """The step of the statement a gesture wrote on `line`: its `times`-th run (the same iteration as the step the
    gesture was made on), else its first run at or after `near`, else its first run, else `near`."""
    runs = [s.index for s in trace.steps if s.span[0] == line]
    if not runs:
        return min(near, len(trace.steps) - 1)
    if times > 0:
        return runs[min(times, len(runs)) - 1]
    return next((k for k in runs if k >= near), runs[0])
