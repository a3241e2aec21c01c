// String::pop removes the last char (all of its UTF-8 bytes) and keeps the buffer: len shrinks, capacity stays.
fn main() {
    let mut s = String::from("héllo, wörld ✓");
    println!("{} {}", s.len(), s.capacity());
    let last = s.pop();
    println!("{:?} {} {}", last, s.len(), s.capacity());
    while let Some(c) = s.pop() {
        if c == 'w' {
            break;
        }
    }
    println!("{} {} {}", s, s.len(), s.capacity());
    s.clear();
    println!("{:?} {}", s.pop(), s.capacity());
    let mut t = String::new();
    t.push('é');
    let e = t.pop().unwrap();
    println!("{} {} {}", e, t.is_empty(), t.capacity());
}
