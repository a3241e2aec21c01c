"""The modelled allocator: blocks never overlap, freed space is reused first-fit, everything returns to the top."""

from hypothesis import given, settings
from hypothesis import strategies as st

from whiteboard.sim.memory import CHUNK_HEADER, HEAP_BASE, MMAP_THRESHOLD, Heap

ops = st.lists(
    st.one_of(
        st.tuples(st.just("malloc"), st.integers(min_value=1, max_value=4096)),
        st.tuples(st.just("free"), st.integers(min_value=0, max_value=50)),
    ),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(ops)
def test_random_sequences_keep_the_heap_consistent(sequence):
    heap = Heap()
    live: list[int] = []
    for op, arg in sequence:
        if op == "malloc":
            chunk = heap.malloc(arg, block_id=len(live) + 1)
            assert chunk.payload % 16 == 0
            assert chunk.size >= arg + CHUNK_HEADER
            live.append(chunk.payload)
        elif live:
            heap.free_block(live.pop(arg % len(live)))
        assert heap.overlaps() == []
        chunks = heap.chunks()
        # The brk heap is tiled exactly: chunks are contiguous from the base to the top.
        position = HEAP_BASE
        for chunk in chunks:
            assert chunk.addr == position
            position += chunk.size
        assert position == heap.top
    for payload in live:
        heap.free_block(payload)
    assert heap.top == HEAP_BASE and heap.free == [] and heap.bytes_in_use == 0


def test_a_freed_block_is_reused_by_the_next_request_that_fits():
    heap = Heap()
    a = heap.malloc(24, 1)
    heap.malloc(24, 2)  # keeps `a` from merging back into the top
    heap.free_block(a.payload)
    c = heap.malloc(16, 3)
    assert c.addr == a.addr


def test_freeing_merges_neighbours_so_a_bigger_block_fits():
    heap = Heap()
    a, b = heap.malloc(32, 1), heap.malloc(32, 2)
    heap.malloc(8, 3)
    heap.free_block(a.payload)
    heap.free_block(b.payload)
    big = heap.malloc(64 + CHUNK_HEADER, 4)
    assert big.addr == a.addr


def test_big_requests_are_mmapped_not_taken_from_the_heap():
    heap = Heap()
    huge = heap.malloc(1 << 40, 1)  # a 1 TiB Vec<u8> costs nothing: it is a record, not memory
    assert huge.mmapped and huge.addr > HEAP_BASE and heap.top == HEAP_BASE
    assert heap.malloc(MMAP_THRESHOLD - 1, 2).mmapped is False
