//! The three regions
//! "Hello World!" sits in static data; String::from copies its bytes to the heap.

// count_bytes gets its own frame on the stack. Its text is a &str, 16 bytes: it
// points at bytes somewhere else and never owns them.
fn count_bytes(text: &str) -> usize {
    // Reading the length needs no pointer chasing: it is stored right there in the &str, on the stack.
    text.len()
    // The frame is popped and that stack space is free again. The bytes text
    // pointed at are untouched: it never owned them.
}

// main's frame is pushed on the stack. The text "Hello World!" is already in static
// data: it was built into the program and stays for its whole run.
fn main() {
    // greeting is a &str on the stack: a pointer to the 12 bytes in static data plus
    // their length, 16 bytes in all. Nothing was allocated.
    let greeting: &str = "Hello World!";
    // A plain number lives entirely on the stack: letters is a usize, 8 bytes, no pointer anywhere.
    let letters = greeting.len();
    // String::from asks the allocator for 12 bytes on the heap and copies the text
    // there. On the stack: pointer, capacity 12, length 12, 24 bytes.
    let mut owned = String::from(greeting);
    // " again" is another literal in static data. Its 6 bytes do not fit in capacity 12, so the
    // text moves to a new 24-byte heap block and the old one is freed.
    owned.push_str(" again");
    // greeting's 16 bytes are copied into count_bytes' frame: a second pointer to the
    // same bytes in static data. The text itself is not copied.
    let from_static = count_bytes(greeting);
    // The length, 18, is read from the String's own bytes on the stack, like
    // its capacity below; the heap is not even looked at.
    let length = owned.len();
    // Both print text: one by following a pointer into static data, the
    // other by following a pointer into the heap.
    println!("{greeting} ({letters} letters) / {owned}");
    // A &str on the stack is 16 bytes (pointer + length), whatever the length of the text it points at.
    println!("&str: {} bytes on the stack, {} bytes of text", size_of::<&str>(), from_static);
    // The capacity, 24, sits next to the length in the String's 24 bytes on the stack.
    let capacity = owned.capacity();
    // A String on the stack is 24 bytes (pointer, capacity, length); its 18 bytes of text live on the heap.
    println!("String: {} bytes on the stack, capacity {capacity}, length {length}", size_of::<String>());
    // main ends: owned is dropped and its heap block is freed. greeting frees
    // nothing: static data lives as long as the program.
}
