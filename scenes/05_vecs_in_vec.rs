//! Vecs inside structs inside a Vec
//! One Vec on the stack can own many heap blocks: each struct in its buffer has a buffer of its own.

struct MyStruct {
    age: Vec<usize>,
}

// main's frame is pushed on the stack. It holds a single local, all: a Vec of MyStructs.
fn main() {
    // all starts empty: 24 bytes on the stack (pointer, capacity, length), capacity 0, no heap block.
    let mut all: Vec<MyStruct> = Vec::new();
    // vec![10] allocates a heap buffer for one usize. Pushing the MyStruct gives all a heap buffer too, room for 4
    // MyStructs of 24 bytes: two heap blocks.
    all.push(MyStruct { age: vec![10] });
    // The second MyStruct sits in all's buffer next to the first. Its own Vec points to a third heap block, holding
    // 20 and 21.
    all.push(MyStruct { age: vec![20, 21] });
    // Four heap blocks now, and still one value on the stack. Each block is owned through a chain of pointers that
    // starts at all.
    all.push(MyStruct { age: vec![30, 31, 32] });
    // The first inner Vec is full, so its buffer moves: capacity 1 becomes 4. Only a pointer inside all's heap buffer
    // changes; the stack is untouched.
    all[0].age.push(11);
    // A MyStruct is 24 bytes, just its Vec, and a Vec<MyStruct> is 24 bytes too: every number is behind a pointer,
    // on the heap.
    println!("MyStruct: {} bytes, Vec<MyStruct>: {} bytes", size_of::<MyStruct>(), size_of::<Vec<MyStruct>>());
    // "One stack allocation for every heap allocation" is not quite it: every heap block hangs off a pointer chain
    // from the stack, but here one stack value owns four.
    println!("{} structs holding {}, {} and {} numbers", all.len(), all[0].age.len(), all[1].age.len(), all[2].age.len());
    // main ends: dropping all drops each MyStruct, front to back, freeing its buffer, then frees all's own buffer.
    // Then main's frame is popped.
}
