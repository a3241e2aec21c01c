//! Box and a recursive list
//! A list that contains a list needs a Box: each node gets its own heap block, freed as a chain.

// A Cons holds a number and the rest of the list. Without the Box a List would contain a List,
// which contains a List... an infinite size. A Box is always 8 bytes.
#[derive(Debug)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}

// main's frame is pushed on the stack. A List holds a List: without a Box its size
// would be infinite. With the Box, every List is 16 bytes.
fn main() {
    // Box::new(Nil) asks the allocator for 16 bytes, the size of any List, and puts
    // the Nil there. tail itself is a 16-byte List on the stack.
    let tail = List::Cons(3, Box::new(List::Nil));
    // Box::new(tail) moves tail into a new heap block: its 16 bytes are copied there and its
    // stack slot is marked moved. middle owns that block through its Box.
    let middle = List::Cons(2, Box::new(tail));
    // The same again: middle moves into the heap too. Only the head stays on
    // the stack; every other node is its own heap block.
    let list = List::Cons(1, Box::new(middle));
    // Printing follows the chain of Box pointers from the stack through
    // the heap, node by node, until it reaches Nil.
    println!("{:?}", list);
    // node is a &List on the stack, 8 bytes, pointing at the head. It
    // borrows, so walking the list frees nothing.
    let mut node = &list;
    // Each time round: is node a Cons? Then borrow its number and its Box.
    // When node reaches the Nil, the loop stops.
    while let List::Cons(value, next) = node {
        // Reading a node: the number comes from wherever node points, the
        // stack for the head, the heap for the others.
        println!("node {value}");
        // Follow the Box: node now points at the next node, in its own heap block.
        node = next;
    }
    // A List is 16 bytes on the stack or in the heap: a 4-byte tag saying Cons or Nil,
    // the i32, and the 8-byte Box. A Box is just one pointer.
    println!("List: {} bytes, Box<List>: {} bytes", size_of::<List>(), size_of::<Box<List>>());
    // One drop frees the whole chain: dropping a node drops its Box, which drops the next
    // node, down to Nil; then each block is freed, the last one first.
    drop(list);
    // Three blocks, three frees, none twice: each Box was its node's only owner. node
    // still holds an old address (dotted), but it is never used again.
    println!("list dropped, heap empty");
    // End of main: tail, middle and list were all moved out, so nothing is left to drop.
}
