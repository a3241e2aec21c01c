// Option<T> costs nothing extra when T has a niche (a bit pattern it never uses), such as a null pointer.
use std::mem::size_of;

struct Node {
    value: i32,
    next: Option<Box<Node>>,
}

fn main() {
    println!("u8: {} -> Option {}", size_of::<u8>(), size_of::<Option<u8>>());
    println!("u32: {} -> Option {}", size_of::<u32>(), size_of::<Option<u32>>());
    println!("u64: {} -> Option {}", size_of::<u64>(), size_of::<Option<u64>>());
    println!("bool: {} -> Option {}", size_of::<bool>(), size_of::<Option<bool>>());
    println!("char: {} -> Option {}", size_of::<char>(), size_of::<Option<char>>());
    println!("&i32: {} -> Option {}", size_of::<&i32>(), size_of::<Option<&i32>>());
    println!("Box<Node>: {} -> Option {}", size_of::<Box<Node>>(), size_of::<Option<Box<Node>>>());
    println!("String: {} -> Option {}", size_of::<String>(), size_of::<Option<String>>());
    println!("Vec<u8>: {} -> Option {}", size_of::<Vec<u8>>(), size_of::<Option<Vec<u8>>>());
    println!("Option<Option<bool>>: {}", size_of::<Option<Option<bool>>>());
    println!("Option<(u8, u32)>: {}", size_of::<Option<(u8, u32)>>());
    println!("Node: {}", size_of::<Node>());
    let n = Node { value: 1, next: None };
    println!("{} {}", n.value, n.next.is_none());
}
