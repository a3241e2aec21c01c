//! Clone: a deep copy
//! clone copies heap data into a new block; a move copies only the pointer; an i32 copies its bits.

// A struct made only of Copy fields can be Copy too: all of it lives on the stack, 8 bytes.
#[derive(Clone, Copy)]
struct Point {
    x: i32,
    y: i32,
}

// main's frame is pushed on the stack, with a slot for every local.
fn main() {
    // a owns three i32 on the heap: a block of 12 bytes, capacity 3.
    let a = vec![1, 2, 3];
    // clone is a deep copy: the allocator finds a second heap block and the 12 bytes are
    // copied into it. Now there are two owners, of two blocks.
    let mut b = a.clone();
    // The two blocks are independent: writing into b's block leaves a's block as it was.
    b[0] = 10;
    // Same length, different contents, different heap blocks.
    println!("a {:?}, b {:?}", a, b);
    // A move is not a copy of the data: only the 24 bytes on the stack go to c, a is
    // marked moved, and the heap block stays where it was.
    let c = a;
    // n is an i32: 4 bytes on the stack and nothing on the heap.
    let n = 7;
    // i32 is a Copy type: its 4 bytes are copied bit by bit and both n and m stay
    // usable. With no heap block there is nothing to free twice.
    let m = n;
    // A Point is two i32 side by side on the stack, 8 bytes, nothing on the heap.
    let p = Point { x: 1, y: 2 };
    // Copy again: all 8 bytes are duplicated and p stays usable. A Vec can never be
    // Copy: two bitwise copies would both free the same block.
    let q = p;
    // c owns a's old block and b owns the clone; n, m, p and q are plain copies on the stack.
    println!("c {:?}, b {:?}, n {n}, m {m}, p ({}, {}), q ({}, {})", c, b, p.x, p.y, q.x, q.y);
    // End of main: c frees the first block, b frees the clone, each exactly once. a was moved
    // out, so it frees nothing; the Copy values just vanish with the frame.
}
