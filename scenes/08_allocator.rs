//! The allocator
//! Finding free bytes, bookkeeping, freeing, and reusing a freed block.
//! show: allocator

// main's frame is pushed on the stack. The heap is still empty:
// nothing has asked the allocator for memory yet.
fn main() {
    // vec! calls alloc: three i32 take 12 bytes. The allocator finds free bytes, writes a
    // 16-byte header before them (size, in use) and hands back a pointer.
    let a = vec![1, 2, 3];
    // Same request, same work: the allocator skips a's block, which its
    // bookkeeping marks in use, and hands out the next free bytes.
    let b = vec![4, 5, 6];
    // A third block lands right after b. Each one costs more than its 12
    // bytes: header and rounding make a 32-byte chunk.
    let c = vec![7, 8, 9];
    // Only three Vecs of 24 bytes each sit on the stack; the numbers
    // are in three separate chunks on the heap.
    println!("a {:?}, b {:?}, c {:?}", a, b, c);
    // Freeing is the hard part: the allocator cannot tell by itself when bytes are no longer needed,
    // someone must say so. drop takes b (its slot is now moved) and frees its block.
    drop(b);
    // b's chunk is now a free hole between a and c, and the bookkeeping says so. A
    // pointer still aimed at it would read whatever lands there next.
    println!("b is freed: a {:?}, c {:?}", a, c);
    {
        // 40 bytes are asked for. The allocator checks its free list: b's hole is a 32-byte chunk,
        // too small. So it takes fresh bytes at the top of the heap, above c.
        let big = vec![0; 10];
        // big is used like any Vec: 10 numbers of 4 bytes in one 40-byte block.
        println!("big has {} numbers of {} bytes", big.len(), size_of::<i32>());
        // big's owner goes away at this brace, so Rust frees the block for
        // us: no free call written, none forgotten.
    }
    // Another 12-byte request: the first free chunk that fits is b's
    // old hole, so d lands exactly where b was.
    let d = vec![10, 11, 12];
    // big's chunk went back to the top of the heap, so another 40-byte request gets the very bytes big had.
    let e = vec![0; 10];
    // Four owners, four heap blocks, no holes left: every freed byte was handed out again.
    println!("d {:?}, a {:?}, c {:?}, e has {}", d, a, c, e.len());
    // End of main: the owners go away in reverse order of declaration (e, d,
    // c, a) and Rust frees each block exactly once.
}
