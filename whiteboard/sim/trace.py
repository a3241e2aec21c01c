"""The trace: every step of a run with its events, and the full memory state at any step.

The interpreter records events. While it runs, the recorder also applies them to a live memory state and keeps a
copy of it now and then (see CHECKPOINT_EVENTS); `Trace.state_at(k)` copies the nearest checkpoint before k and
replays the events since, so any step of a long trace is milliseconds away, in any order.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from whiteboard.sim import events as E

# A checkpoint is taken once this many events have passed, or a quarter of the state's size if that is more, so the
# copying stays proportional to the events recorded and no step is more than a few milliseconds of replay away.
CHECKPOINT_EVENTS = 512


class Recorder:
    """Collects steps and events while the interpreter runs, plus the live objects the view needs to describe."""

    def __init__(self) -> None:
        self.steps: list[E.Step] = []
        self.slots: dict = {}  # slot id -> interpreter Slot (to describe a root after a write)
        self.blocks: dict = {}  # block id -> interpreter Block
        self.state = MemoryState()  # the state after the last event
        self.checkpoints: list[int] = []
        self.states: list[MemoryState] = []
        self.events_since = 0
        self.next_check = 0  # measuring the state's size costs too, so it is done only this often

    def step(self, span: tuple, label: str, depth: int) -> None:
        done = len(self.steps) - 1  # the step that just ended
        if done >= 0 and self.events_since >= self.next_check:
            wanted = max(CHECKPOINT_EVENTS, self.state.size // 4)
            if done == 0 or self.events_since >= wanted:
                self.checkpoints.append(done)
                self.states.append(self.state.copy())
                self.events_since = 0
            self.next_check = wanted
        self.state.forget_freed()
        self.steps.append(E.Step(len(self.steps), span, label, depth))

    def event(self, event: E.Event) -> None:
        if not self.steps:
            self.step((0, 0, 0, 0), "program start", 0)
        self.steps[-1].events.append(event)
        self.state.apply(event)
        self.events_since += 1


@dataclass
class SlotState:
    slot_id: int
    frame_id: int
    name: str
    ty: str
    addr: int
    size: int
    align: int
    value: object


@dataclass
class FrameState:
    frame_id: int
    function: str
    addr: int
    size: int
    depth: int
    slots: dict[int, SlotState] = field(default_factory=dict)


@dataclass
class BlockState:
    block_id: int
    addr: int
    size: int
    align: int
    chunk_addr: int
    chunk_size: int
    what: str
    elem_ty: str
    capacity: int
    elems: list
    freed: bool = False
    counts: object = None  # an Rc's "strong=…, weak=…"


@dataclass
class MemoryState:
    """What the canvas draws at one step."""

    frames: dict[int, FrameState] = field(default_factory=dict)  # in push order
    blocks: dict[int, BlockState] = field(default_factory=dict)
    statics: dict[int, SlotState] = field(default_factory=dict)
    collapsed: list = field(default_factory=list)  # FramesCollapsed events in effect
    stdout: str = ""
    stderr: str = ""
    overflowed: bool = False
    panic: str | None = None
    freed_now: list = field(default_factory=list)  # blocks freed in the current step, forgotten at the next
    # Frames and blocks this state may change in place. A copy shares every frame and block with its original and
    # neither owns them any more: whichever writes one first copies it (copy-on-write), so a checkpoint costs a
    # few dict copies, not a copy of every slot of a 50,000-frame recursion.
    owned: set = field(default_factory=set)

    def copy(self) -> MemoryState:
        self.owned = set()
        return MemoryState(
            dict(self.frames),
            dict(self.blocks),
            dict(self.statics),
            list(self.collapsed),
            self.stdout,
            self.stderr,
            self.overflowed,
            self.panic,
            list(self.freed_now),
        )

    def _own_frame(self, frame_id: int) -> FrameState | None:
        frame = self.frames.get(frame_id)
        if frame is None or ("frame", frame_id) in self.owned:
            return frame
        slots = {sid: replace(slot) for sid, slot in frame.slots.items()}
        frame = self.frames[frame_id] = replace(frame, slots=slots)
        self.owned.add(("frame", frame_id))
        return frame

    def _own_block(self, block_id: int) -> BlockState | None:
        block = self.blocks.get(block_id)
        if block is None or ("block", block_id) in self.owned:
            return block
        block = self.blocks[block_id] = replace(block, elems=list(block.elems))
        self.owned.add(("block", block_id))
        return block

    def _frame_of_slot(self, slot_id: int) -> int | None:
        for frame in reversed(self.frames.values()):
            if slot_id in frame.slots:
                return frame.frame_id
        return None

    def slot(self, slot_id: int) -> SlotState | None:
        for frame in reversed(self.frames.values()):
            if slot_id in frame.slots:
                return frame.slots[slot_id]
        return self.statics.get(slot_id)

    @property
    def size(self) -> int:
        """Roughly how much there is to copy: slots and heap elements."""
        return sum(len(f.slots) for f in self.frames.values()) + sum(len(b.elems) for b in self.blocks.values())

    @property
    def stack_bytes(self) -> int:
        return sum(f.size for f in self.frames.values()) + sum(c.count * c.frame_size for c in self.collapsed)

    @property
    def heap_bytes(self) -> int:
        return sum(b.size for b in self.blocks.values() if not b.freed)

    def apply(self, ev: E.Event) -> None:
        kind = ev.kind
        if kind == "value_bound":
            frame = self._own_frame(ev.frame_id)
            if frame is not None:
                frame.slots[ev.slot_id] = SlotState(
                    ev.slot_id, ev.frame_id, ev.name, ev.ty, ev.addr, ev.size, ev.align, ev.value
                )
        elif kind == "value_written":
            slot_id = ev.root[1]
            if slot_id in self.statics:
                self.statics[slot_id] = replace(self.statics[slot_id], value=ev.value)
                return
            frame_id = self._frame_of_slot(slot_id)
            if frame_id is not None:
                self._own_frame(frame_id).slots[slot_id].value = ev.value
        elif kind == "heap_written":
            block = self._own_block(ev.block_id)
            if block is not None:
                if ev.index < 0:
                    block.counts = ev.value
                elif ev.index < len(block.elems):
                    block.elems[ev.index] = ev.value
                elif ev.index == len(block.elems):
                    block.elems.append(ev.value)
        elif kind == "heap_length_changed":
            block = self._own_block(ev.block_id)
            if block is not None:
                if ev.elems is not None:
                    block.elems = list(ev.elems)
                else:
                    del block.elems[ev.length :]
                    block.elems.extend([("uninit",)] * (ev.length - len(block.elems)))
        elif kind == "frame_pushed":
            self.frames[ev.frame_id] = FrameState(ev.frame_id, ev.function, ev.addr, ev.size, ev.depth)
            self.owned.add(("frame", ev.frame_id))
        elif kind == "frame_popped":
            self.frames.pop(ev.frame_id, None)
        elif kind == "slot_released":
            frame_id = self._frame_of_slot(ev.slot_id)
            if frame_id is not None:
                del self._own_frame(frame_id).slots[ev.slot_id]
        elif kind == "heap_allocated":
            self.blocks[ev.block_id] = BlockState(
                ev.block_id,
                ev.addr,
                ev.size,
                ev.align,
                ev.chunk_addr,
                ev.chunk_size,
                ev.what,
                ev.elem_ty,
                ev.capacity,
                list(ev.elems),
            )
            self.owned.add(("block", ev.block_id))
        elif kind == "heap_reallocated":
            old = self._own_block(ev.old_block_id)
            if old is not None:
                old.freed = True
                self.freed_now.append(ev.old_block_id)
                self.blocks[ev.new_block_id] = BlockState(
                    ev.new_block_id,
                    ev.new_addr,
                    ev.new_size,
                    old.align,
                    ev.chunk_addr,
                    ev.chunk_size,
                    old.what,
                    old.elem_ty,
                    ev.new_capacity,
                    list(ev.elems),
                )
                self.owned.add(("block", ev.new_block_id))
                old.elems = []
        elif kind == "heap_freed":
            block = self._own_block(ev.block_id)
            if block is not None:
                block.freed = True
                self.freed_now.append(ev.block_id)
        elif kind == "static_defined":
            self.statics[ev.static_id] = SlotState(ev.static_id, 0, ev.name, ev.ty, ev.addr, ev.size, 1, ev.value)
        elif kind == "output":
            if ev.stream == "stdout":
                self.stdout += ev.text
            else:
                self.stderr += ev.text
        elif kind == "frames_collapsed":
            self.collapsed.append(ev)
        elif kind == "stack_overflowed":
            self.overflowed = True
        elif kind == "panicked":
            self.panic = ev.message
        # moved / copied / cloned / dropped are for animation; the writes they cause come as their own events.

    def forget_freed(self) -> None:
        """Freed blocks are drawn as free space for one step; afterwards they only matter to the allocator."""
        for bid in self.freed_now:
            self.blocks.pop(bid, None)
        self.freed_now.clear()


class Trace:
    def __init__(
        self,
        steps: list[E.Step],
        *,
        source: str,
        path: str,
        exit_code: int,
        stdout: str,
        stderr: str,
        checkpoints: tuple[list[int], list[MemoryState]] | None = None,
    ):
        self.steps = steps
        self.layouts = None  # the program's LayoutEngine, when it got that far (set by run.py)
        self.source = source
        self.path = path
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr
        self._checkpoints, self._states = checkpoints if checkpoints and checkpoints[0] else ([0], [self._initial()])

    @classmethod
    def from_recorder(cls, recorder: Recorder, **kwargs) -> Trace:
        return cls(recorder.steps, checkpoints=(recorder.checkpoints, recorder.states), **kwargs)

    def __len__(self) -> int:
        return len(self.steps)

    def _initial(self) -> MemoryState:
        state = MemoryState()
        if self.steps:
            for ev in self.steps[0].events:
                state.apply(ev)
        return state

    def state_at(self, index: int) -> MemoryState:
        """The memory state after step `index` ran (0 ≤ index < len)."""
        if not 0 <= index < len(self.steps):
            raise IndexError(f"step {index} is outside 0..{len(self.steps) - 1}")
        i = bisect.bisect_right(self._checkpoints, index) - 1
        at = self._checkpoints[i]
        state = self._states[i].copy()
        for k in range(at + 1, index + 1):
            state.forget_freed()
            for ev in self.steps[k].events:
                state.apply(ev)
        return state
