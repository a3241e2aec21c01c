// String::with_capacity allocates up front; pushing within it never reallocates.
fn main() {
    let mut s = String::with_capacity(10);
    println!("len {} cap {} empty {}", s.len(), s.capacity(), s.is_empty());
    for i in 0..12 {
        s.push('x');
        println!("{}: len {} cap {}", i, s.len(), s.capacity());
    }
    let mut t = String::with_capacity(3);
    t.push_str("hello");
    println!("{:?}: len {} cap {}", t, t.len(), t.capacity());
    let mut u = String::with_capacity(0);
    u.push('🦀');
    println!("{:?}: len {} cap {}", u, u.len(), u.capacity());
}
