"""How much memory a run uses at every step, for the timeline plot under the canvas (no Qt).

One pass over the events with running totals: calling `Trace.state_at` per step would rebuild the state 100,000
times for a long run, and summing every frame per step is quadratic in a deep recursion. The totals follow
`MemoryState.apply` exactly (tests compare them with `state_at(k)`).
"""

from __future__ import annotations

from dataclasses import dataclass

UNINIT = ("uninit",)


@dataclass(frozen=True)
class MemorySeries:
    """One value per step (the state after the step ran)."""

    stack_bytes: list[int]
    heap_used_bytes: list[int]  # initialised elements × element size (a String: the bytes of its text)
    heap_reserved_bytes: list[int]  # live blocks' sizes: what the allocator handed out
    live_blocks: list[int]  # heap allocations not yet freed

    def __len__(self) -> int:
        return len(self.stack_bytes)


def element_bytes(value, elem_size: int) -> int:
    """Bytes of a heap element that hold a value: a String's buffer is one `("text", s)` element of len(s) bytes."""
    if value == UNINIT or value is None:
        return 0
    if value[0] == "text":
        return len(value[1].encode("utf-8"))
    return elem_size


def block_used_bytes(block) -> int:
    """Bytes in use of a `BlockState` (the definition the series keeps a running total of)."""
    if block.freed:
        return 0
    size = block.size // block.capacity if block.capacity else 0
    return sum(element_bytes(v, size) for v in block.elems)


class _Block:
    __slots__ = ("elem_size", "size", "elems", "used")

    def __init__(self, size: int, capacity: int, elems) -> None:
        self.size = size
        self.elem_size = size // capacity if capacity else 0
        self.elems = list(elems)
        self.used = sum(element_bytes(v, self.elem_size) for v in self.elems)


def memory_series(trace) -> MemorySeries:
    stack: list[int] = []
    used: list[int] = []
    reserved: list[int] = []
    live: list[int] = []
    frames: dict[int, int] = {}  # frame id -> size
    blocks: dict[int, _Block] = {}  # live blocks only
    stack_total = used_total = reserved_total = 0

    def free(block_id: int) -> None:
        nonlocal used_total, reserved_total
        block = blocks.pop(block_id, None)
        if block is not None:
            used_total -= block.used
            reserved_total -= block.size

    def allocate(block_id: int, size: int, capacity: int, elems) -> None:
        nonlocal used_total, reserved_total
        block = blocks[block_id] = _Block(size, capacity, elems)
        used_total += block.used
        reserved_total += size

    for step in trace.steps:
        for ev in step.events:
            kind = ev.kind
            if kind == "heap_written":
                block = blocks.get(ev.block_id)
                if block is None or ev.index < 0:  # index -1 is an Rc's counts, already part of the element
                    continue
                elems = block.elems
                if ev.index < len(elems):
                    delta = element_bytes(ev.value, block.elem_size) - element_bytes(elems[ev.index], block.elem_size)
                    elems[ev.index] = ev.value
                elif ev.index == len(elems):
                    delta = element_bytes(ev.value, block.elem_size)
                    elems.append(ev.value)
                else:
                    continue
                block.used += delta
                used_total += delta
            elif kind == "heap_length_changed":
                block = blocks.get(ev.block_id)
                if block is None:
                    continue
                before = block.used
                if ev.elems is not None:
                    block.elems = list(ev.elems)
                    block.used = sum(element_bytes(v, block.elem_size) for v in block.elems)
                else:
                    cut = block.elems[ev.length :]
                    block.used -= sum(element_bytes(v, block.elem_size) for v in cut)
                    del block.elems[ev.length :]
                    block.elems.extend([UNINIT] * (ev.length - len(block.elems)))
                used_total += block.used - before
            elif kind == "frame_pushed":
                stack_total += ev.size - frames.get(ev.frame_id, 0)
                frames[ev.frame_id] = ev.size
            elif kind == "frame_popped":
                stack_total -= frames.pop(ev.frame_id, 0)
            elif kind == "frames_collapsed":
                stack_total += ev.count * ev.frame_size
            elif kind == "heap_allocated":
                free(ev.block_id)
                allocate(ev.block_id, ev.size, ev.capacity, ev.elems)
            elif kind == "heap_reallocated":
                if ev.old_block_id in blocks:
                    free(ev.old_block_id)
                    allocate(ev.new_block_id, ev.new_size, ev.new_capacity, ev.elems)
            elif kind == "heap_freed":
                free(ev.block_id)
        stack.append(stack_total)
        used.append(used_total)
        reserved.append(reserved_total)
        live.append(len(blocks))
    return MemorySeries(stack, used, reserved, live)
