//! A struct on the stack
//! A struct with one usize field is just 8 bytes on the stack; a u8 beside a u32 brings padding.
//! show: bytes

struct MyStruct {
    age: usize,
}

struct Small {
    flag: u8,
    count: u32,
}

// Calling main pushes its frame: the stack pointer moves down once, by the frame's size, making room for all of
// main's locals at once. One subtraction: that is why the stack is so cheap.
fn main() {
    // foo is a MyStruct: nothing but its usize field, 8 bytes at a fixed offset in main's frame on the stack. No heap,
    // no pointer: the struct is those 8 bytes.
    let foo = MyStruct { age: 30 };
    // bar takes the next 8 bytes of the frame. A local's address is the frame's address plus a fixed offset, so
    // reaching it needs no searching.
    let bar = MyStruct { age: 31 };
    // size_of agrees: a struct holding one usize is 8 bytes, no more. Reading foo.age is one load from the stack.
    println!("MyStruct: {} bytes; ages {} and {}", size_of::<MyStruct>(), foo.age, bar.age);
    // Small holds 1 + 4 bytes of fields, but a u32 must sit at a multiple of 4: rustc puts count first, then flag,
    // then 3 bytes of padding.
    let small = Small { flag: 1, count: 42 };
    // So Small is 8 bytes, aligned to 4. The padding keeps count aligned when Smalls sit side by side, e.g. in an
    // array.
    println!("Small: {} bytes, align {}; flag {}, count {}", size_of::<Small>(), align_of::<Small>(), small.flag, small.count);
    // main ends. Its locals own nothing on the heap, so there is nothing to free: popping the frame just moves the
    // stack pointer back up by the frame's size.
}
