// A String grows its heap buffer as characters are pushed: watch len and capacity after every push.
fn main() {
    let mut s = String::new();
    println!("start: len {} cap {}", s.len(), s.capacity());
    let letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r'];
    for c in letters {
        s.push(c);
        println!("push {:?}: len {} cap {} {:?}", c, s.len(), s.capacity(), s);
    }
}
