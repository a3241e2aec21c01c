//! Option: a tag, or a niche
//! Option<u32> needs a tag beside the u32; Option<Box<T>> costs nothing, as None is the null pointer.
//! show: bytes

// main's frame is pushed on the stack, with room for four Options of 8 bytes each.
fn main() {
    // Some(7) as an Option<u32>: any 32-bit pattern is a valid u32, none is left over to mean None. So a tag is
    // stored beside it: 1 for Some.
    let some: Option<u32> = Some(7);
    // None is tag 0. The 4 bytes where the u32 would go are unused but still reserved: every Option<u32> has the
    // same size.
    let none: Option<u32> = None;
    // Option<u32> is 8 bytes, not 4. The tag needs only a bit, but the u32 must start at a multiple of 4, so the tag
    // gets 4 bytes.
    println!("u32: {} bytes, Option<u32>: {} bytes", size_of::<u32>(), size_of::<Option<u32>>());
    // Both Options live entirely on the stack: an Option of a plain number involves no heap at all.
    println!("{:?} {:?}", some, none);
    // Box::new(7) puts the u32 on the heap; the Box on the stack is just an 8-byte pointer to it. Wrapped in Some,
    // it gets no tag.
    let boxed: Option<Box<u32>> = Some(Box::new(7));
    // A Box is never null, so Rust uses the null pointer, 8 zero bytes, to mean None. A bit pattern left free like
    // that is called a niche.
    let empty: Option<Box<u32>> = None;
    // Box<u32> and Option<Box<u32>> are both 8 bytes: the Option costs nothing. References, Vec and String have
    // niches too.
    println!("Box<u32>: {} bytes, Option<Box<u32>>: {} bytes", size_of::<Box<u32>>(), size_of::<Option<Box<u32>>>());
    // To print boxed, Rust follows the pointer into the heap to find 7; for empty, the null pointer alone says None.
    println!("{:?} {:?}", boxed, empty);
    // main ends: dropping boxed frees its heap block; empty is None, so there is nothing to free. Then main's frame
    // is popped off the stack.
}
