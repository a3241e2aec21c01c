//! Borrowing: & and &mut
//! Many readers or one writer, never both: a reference points at the owner without taking it.

// count's frame holds only a &Vec: an 8-byte pointer to main's v. The
// Vec itself stays where it is, owned by main.
fn count(v: &Vec<i32>) -> usize {
    // count reads through the pointer. It may look but not change, and it frees
    // nothing when it returns: it never owned the Vec.
    v.len()
    // count returns the length, 3. Its frame is popped and the pointer
    // with it; the Vec in main's frame is untouched.
}

// add's frame holds a &mut Vec: again an 8-byte pointer to main's v, but this one
// allows changes. While it lives, nobody else may use v.
fn add(v: &mut Vec<i32>, n: i32) {
    // The Vec is full (capacity 3), so push moves the numbers to a new heap block of capacity 6 and
    // frees the old one. main's first still points at the old block: dangling.
    v.push(n);
    // add returns; only the borrow ends. This is why E0502 exists: reading first now would read
    // freed memory. Two chefs on one order, so rustc refuses to compile it.
}

// main's frame is pushed on the stack, with room for v and the references it will take.
fn main() {
    // v owns three i32 on the heap, 12 bytes, capacity 3.
    let mut v = vec![1, 2, 3];
    // first borrows element 0: a pointer from the stack into the heap block.
    // Reading is shared, like many waiters looking at one order.
    let first = &v[0];
    {
        // r1 borrows v itself: a pointer to v's 24 bytes on the stack, not to the
        // heap. A second reader is fine: nobody changes anything.
        let r1 = &v;
        // A third reader joins: count gets its own &v for the length of the call. Three readers, no writer.
        println!("r1 sees {} numbers, first is {}, count says {}", r1.len(), first, count(&v));
        // r1's block ends and its slot is gone. A reference owns nothing, so nothing is freed.
    }
    // One writer now: add gets &mut v. Allowed only because first is never used again;
    // using first after this line would be rustc error E0502.
    add(&mut v, 4);
    // w is another &mut, pointing at v's slot on the stack. While w is in use
    // nobody else may read or borrow v: one writer at a time.
    let w = &mut v;
    // Through w the writer adds a fifth number. It fits in capacity 6,
    // so this time nothing moves on the heap.
    w.push(5);
    // w is done, so v is usable again: 5 numbers in a block of capacity 6.
    println!("v has {} numbers, capacity {}", v.len(), v.capacity());
    // End of main: the references own nothing, so dropping them frees nothing. v frees its heap block.
}
