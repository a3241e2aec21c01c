"""What happens during a run, as plain frozen records. The canvas replays these; the trace stores them per step.

Values inside events are `ViewValue`s (see `view.py`): plain data describing what to draw, never interpreter objects,
so a trace can be kept, serialised and replayed without the interpreter.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar

# A place whose contents an event replaces: ("slot", slot_id) for a local on the stack, ("heap", block_id, index) for
# element `index` of a heap block, ("static", static_id) for a static.
Root = tuple


@dataclass(frozen=True, slots=True)
class Event:
    kind: ClassVar[str] = "event"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = self.kind
        return data


@dataclass(frozen=True, slots=True)
class FramePushed(Event):
    kind: ClassVar[str] = "frame_pushed"
    frame_id: int
    function: str
    addr: int  # lowest address of the frame (its stack pointer after the prologue)
    size: int
    depth: int


@dataclass(frozen=True, slots=True)
class FramePopped(Event):
    kind: ClassVar[str] = "frame_popped"
    frame_id: int


@dataclass(frozen=True, slots=True)
class FramesCollapsed(Event):
    """`count` identical frames of `function` pushed at once: recursion that repeats itself exactly, fast-forwarded
    to the stack limit instead of being run call by call (the result is the same; only the middle is skipped)."""

    kind: ClassVar[str] = "frames_collapsed"
    function: str
    count: int
    frame_size: int
    lowest_addr: int


@dataclass(frozen=True, slots=True)
class ValueBound(Event):
    """A new local appears in a frame (a `let`, a parameter, a pattern binding)."""

    kind: ClassVar[str] = "value_bound"
    frame_id: int
    slot_id: int
    name: str
    ty: str
    addr: int
    size: int
    align: int
    value: Any  # ViewValue, or None while declared but uninitialised (`let x;`)


@dataclass(frozen=True, slots=True)
class ValueWritten(Event):
    """A place got a new value: assignment, compound assignment, a method changing a Vec's length, …"""

    kind: ClassVar[str] = "value_written"
    root: Root
    value: Any  # the ViewValue of the whole root after the write


@dataclass(frozen=True, slots=True)
class ValueMoved(Event):
    kind: ClassVar[str] = "value_moved"
    source: Root
    source_path: tuple  # field path inside the root ((), or ("name",) for a moved-out field)
    target: Root | None  # None when moved into a call argument or a temporary


@dataclass(frozen=True, slots=True)
class ValueCopied(Event):
    kind: ClassVar[str] = "value_copied"
    source: Root
    target: Root | None


@dataclass(frozen=True, slots=True)
class ValueCloned(Event):
    kind: ClassVar[str] = "value_cloned"
    source: Root | None
    ty: str


@dataclass(frozen=True, slots=True)
class ValueDropped(Event):
    kind: ClassVar[str] = "value_dropped"
    root: Root | None  # None for a temporary
    name: str  # what the drop is of, e.g. "v", "v[2]", "p.name", "temporary"
    ty: str
    has_drop_impl: bool


@dataclass(frozen=True, slots=True)
class SlotReleased(Event):
    """A local's storage is gone (its scope ended); anything it held was dropped before."""

    kind: ClassVar[str] = "slot_released"
    slot_id: int


@dataclass(frozen=True, slots=True)
class HeapAllocated(Event):
    kind: ClassVar[str] = "heap_allocated"
    block_id: int
    addr: int
    size: int  # bytes requested (the layout's size)
    align: int
    chunk_addr: int  # where the allocator's bookkeeping header starts
    chunk_size: int  # header + rounded payload, as the allocator accounts it
    what: str  # "Vec<u32> buffer", "String buffer", "Box<Node>", "Rc<String> (counts + value)"
    elem_ty: str
    capacity: int
    elems: tuple = ()  # ViewValues of the elements written at once (vec![..], String::from)


@dataclass(frozen=True, slots=True)
class HeapReallocated(Event):
    kind: ClassVar[str] = "heap_reallocated"
    old_block_id: int
    new_block_id: int
    old_addr: int
    new_addr: int
    old_capacity: int
    new_capacity: int
    old_size: int
    new_size: int
    chunk_addr: int
    chunk_size: int
    elems: tuple  # the elements carried over, as ViewValues


@dataclass(frozen=True, slots=True)
class HeapFreed(Event):
    kind: ClassVar[str] = "heap_freed"
    block_id: int
    addr: int
    size: int


@dataclass(frozen=True, slots=True)
class HeapWritten(Event):
    """Element `index` of a heap block got a value (or, with value None, stopped being initialised: pop/truncate)."""

    kind: ClassVar[str] = "heap_written"
    block_id: int
    index: int
    value: Any


@dataclass(frozen=True, slots=True)
class HeapLengthChanged(Event):
    """Initialised elements are now `length` (push, pop, clear, truncate, insert, remove)."""

    kind: ClassVar[str] = "heap_length_changed"
    block_id: int
    length: int
    elems: tuple | None = None  # all elements, when many moved at once (insert/remove shift them)


@dataclass(frozen=True, slots=True)
class StaticDefined(Event):
    kind: ClassVar[str] = "static_defined"
    static_id: int
    name: str  # the literal's text for string literals, the static's name otherwise
    ty: str
    addr: int
    size: int
    value: Any


@dataclass(frozen=True, slots=True)
class Output(Event):
    kind: ClassVar[str] = "output"
    stream: str  # "stdout" | "stderr"
    text: str


@dataclass(frozen=True, slots=True)
class StackOverflowed(Event):
    kind: ClassVar[str] = "stack_overflowed"
    depth: int
    used_bytes: int
    limit_bytes: int


@dataclass(frozen=True, slots=True)
class Panicked(Event):
    kind: ClassVar[str] = "panicked"
    message: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class ErrorReported(Event):
    """A compile error (E0382 …) or a construct outside the subset, shown at the place it concerns."""

    kind: ClassVar[str] = "error"
    code: str | None
    message: str
    span: tuple


@dataclass(frozen=True, slots=True)
class StepLimitReached(Event):
    kind: ClassVar[str] = "step_limit"
    limit: int


@dataclass(slots=True)
class Step:
    """One step of a run: the source span it executes and what happened."""

    index: int
    span: tuple
    label: str  # what the step does, e.g. "let v = Vec::new()", "end of scope", "call push_all"
    depth: int
    events: list[Event] = field(default_factory=list)
