//! A struct holding a Vec
//! A Vec is 24 bytes on the stack; its elements live in a heap buffer that moves when it grows.

struct MyStruct {
    age: Vec<usize>,
}

// main's frame is pushed on the stack, with room for foo: a MyStruct whose only field is now a Vec.
fn main() {
    // vec![] allocates nothing: length 0, capacity 0, and a placeholder pointer that points at no heap block. The heap
    // is still empty.
    let mut foo = MyStruct { age: vec![] };
    // MyStruct is 24 bytes on the stack: the Vec's pointer, capacity and length, 8 bytes each. The elements will
    // never live in those 24 bytes.
    println!("MyStruct: {} bytes, len {}, capacity {}", size_of::<MyStruct>(), foo.age.len(), foo.age.capacity());
    // The first push asks the allocator for room for 4 usizes: a 32-byte buffer on the heap. The pointer on the stack
    // now points at it.
    foo.age.push(10);
    // Length 1, capacity 4. You may hear a Vec starts with room for about 5: in fact it starts with none, and the
    // first push makes room for 4 (8 for 1-byte elements).
    println!("len {}, capacity {}", foo.age.len(), foo.age.capacity());
    // There is room, so this push just writes 20 into the heap buffer and sets the length on the stack to 2. No
    // allocation.
    foo.age.push(20);
    // Length 3 of capacity 4: again only a write into the heap and a new length on the stack.
    foo.age.push(30);
    // Now the heap buffer is full: length 4, capacity 4. The next push will not fit.
    foo.age.push(40);
    // No room for a fifth: the Vec gets a new heap buffer twice as big (8 usizes, 64 bytes), copies the 4 elements
    // over, frees the old one and points at the new one.
    foo.age.push(50);
    // Length 5, capacity 8. Capacity doubles at each move (4, 8, 16, 32 …) so moves get rare. The 24 bytes on the
    // stack never grew.
    println!("len {}, capacity {}", foo.age.len(), foo.age.capacity());
    // main ends: dropping foo drops its Vec, which frees the heap buffer. Then main's frame is popped off the stack.
}
