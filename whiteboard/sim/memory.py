"""The address space of a simulated process: static data, one thread's stack, and a heap with a visible allocator.

Nothing here holds real memory: a 1 TiB `Vec::<u8>::with_capacity(1 << 40)` is a number in a chunk record. Addresses
are plausible x86-64 Linux addresses (a PIE binary near 0x5555_5555_0000, the heap right after it growing up, big
blocks mmap-ed high, the stack near 0x7fff_ffff_f000 growing down) and fully deterministic, so pictures and tests are
stable.

The allocator is a simplified glibc malloc, so a lesson can show what `alloc` does: every block is a chunk with a
16-byte header (its size and in-use flag) in front of the payload; chunk sizes are multiples of 16; free chunks are
kept in address order and the first one that fits is used (split if the rest is still a usable chunk); freeing
merges with free neighbours and gives memory back to the top. Requests of 128 KiB or more are served by mmap, as
glibc's M_MMAP_THRESHOLD does, and unmapped when freed.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

STATIC_BASE = 0x5555_5555_9000  # .rodata of the program: string literals, then statics
HEAP_BASE = 0x5555_5555_A000  # where brk starts, right after the binary
MMAP_TOP = 0x7FFF_F7C0_0000  # mmap-ed blocks are placed below this, growing down
STACK_TOP = 0x7FFF_FFFF_F000  # highest address of the main thread's stack

MAIN_STACK_BYTES = 8 * 1024 * 1024  # RLIMIT_STACK on Linux: 8 MiB (tests/oracle/misc.json, stack_facts)
# Bytes of the main thread's stack in use before `main`'s frame: the environment, auxv, and the runtime's frames
# (`_start` … `lang_start`). Measured indirectly: with 1,184-byte frames the deepest call that returns is 7,080 in a
# debug build (misc.json), and 8 MiB − 7,080 × 1,184 = 5,888.
RUNTIME_STACK_BYTES = 5888

CHUNK_HEADER = 16
MIN_CHUNK = 32
MMAP_THRESHOLD = 128 * 1024
PAGE = 4096
ISIZE_MAX = (1 << 63) - 1


def align_up(value: int, align: int) -> int:
    return (value + align - 1) // align * align


@dataclass(slots=True)
class Chunk:
    addr: int  # start of the header
    size: int  # header + payload, a multiple of 16
    in_use: bool
    block_id: int = 0
    requested: int = 0
    mmapped: bool = False

    @property
    def payload(self) -> int:
        return self.addr + CHUNK_HEADER


class Heap:
    """First-fit allocator over an address-ordered free list, with a top chunk grown by brk."""

    def __init__(self) -> None:
        self.top = HEAP_BASE  # first address not yet handed out by brk
        self.free: list[Chunk] = []  # address order
        self.used: dict[int, Chunk] = {}  # payload address -> chunk
        self.mmap_next = MMAP_TOP
        self.bytes_in_use = 0  # requested bytes of live blocks
        self.peak_top = HEAP_BASE

    @staticmethod
    def chunk_size_for(request: int) -> int:
        return max(MIN_CHUNK, align_up(request + CHUNK_HEADER, 16))

    def malloc(self, request: int, block_id: int) -> Chunk:
        """Reserve a chunk for `request` bytes; the payload address is `chunk.payload`."""
        if request >= MMAP_THRESHOLD:
            size = align_up(request + CHUNK_HEADER, PAGE)
            self.mmap_next -= size
            chunk = Chunk(self.mmap_next, size, True, block_id, request, mmapped=True)
        else:
            size = self.chunk_size_for(request)
            chunk = self._take_free(size) or self._from_top(size)
            chunk.block_id, chunk.requested = block_id, request
        self.used[chunk.payload] = chunk
        self.bytes_in_use += request
        return chunk

    def free_block(self, payload: int) -> Chunk:
        chunk = self.used.pop(payload)
        self.bytes_in_use -= chunk.requested
        if chunk.mmapped:
            return chunk
        freed = Chunk(chunk.addr, chunk.size, False)
        i = bisect.bisect_left([c.addr for c in self.free], freed.addr)
        # Merge with the free neighbours, as glibc consolidates, so freed space can be reused for bigger blocks.
        if i < len(self.free) and self.free[i].addr == freed.addr + freed.size:
            freed.size += self.free.pop(i).size
        if i > 0 and self.free[i - 1].addr + self.free[i - 1].size == freed.addr:
            prev = self.free.pop(i - 1)
            prev.size += freed.size
            freed = prev
            i -= 1
        if freed.addr + freed.size == self.top:
            self.top = freed.addr  # give it back to the top chunk
        else:
            self.free.insert(i, freed)
        return chunk

    def _take_free(self, size: int) -> Chunk | None:
        for i, chunk in enumerate(self.free):
            if chunk.size >= size:
                rest = chunk.size - size
                if rest >= MIN_CHUNK:
                    self.free[i] = Chunk(chunk.addr + size, rest, False)
                else:
                    del self.free[i]
                    size = chunk.size
                return Chunk(chunk.addr, size, True)
        return None

    def _from_top(self, size: int) -> Chunk:
        chunk = Chunk(self.top, size, True)
        self.top += size
        self.peak_top = max(self.peak_top, self.top)
        return chunk

    def chunks(self) -> list[Chunk]:
        """Every chunk of the brk heap in address order, used and free: the allocator's bookkeeping."""
        brk = [c for c in self.used.values() if not c.mmapped]
        return sorted(brk + self.free, key=lambda c: c.addr)

    def overlaps(self) -> list[tuple[Chunk, Chunk]]:
        """Pairs of chunks that share bytes; always empty unless the allocator is broken (checked by tests)."""
        chunks = sorted(list(self.used.values()) + self.free, key=lambda c: c.addr)
        return [(a, b) for a, b in zip(chunks, chunks[1:]) if a.addr + a.size > b.addr]


class StaticData:
    """String literals (deduplicated, as rustc merges identical literals) and statics, in definition order."""

    def __init__(self) -> None:
        self.next = STATIC_BASE
        self.literals: dict[str, int] = {}

    def place(self, size: int, align: int) -> int:
        addr = align_up(self.next, max(align, 1))
        self.next = addr + size
        return addr

    def literal(self, text: str) -> tuple[int, bool]:
        """Address of a literal's bytes, and whether this is its first use."""
        if text in self.literals:
            return self.literals[text], False
        addr = self.place(len(text.encode()), 1)
        self.literals[text] = addr
        return addr, True


class StackOverflow(Exception):
    pass


class Stack:
    """One thread's stack: frames grow down from the top; going past the limit is an overflow."""

    def __init__(self, limit: int = MAIN_STACK_BYTES, reserved: int = RUNTIME_STACK_BYTES) -> None:
        self.limit = limit
        self.top = STACK_TOP
        self.sp = STACK_TOP - reserved

    @property
    def used(self) -> int:
        return self.top - self.sp

    def fits(self, size: int) -> bool:
        return self.used + size <= self.limit

    def push(self, size: int) -> int:
        if not self.fits(size):
            raise StackOverflow
        self.sp -= size
        return self.sp

    def pop(self, size: int) -> None:
        self.sp += size
