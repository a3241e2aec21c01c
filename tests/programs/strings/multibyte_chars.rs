// len counts UTF-8 bytes, not characters: chars take 1 to 4 bytes.
fn main() {
    let mut s = String::new();
    let chars = ['a', 'é', '€', '🦀', 'z', '🦀', '🦀', 'ß'];
    for c in chars {
        s.push(c);
        println!("push {}: len {} cap {}", c, s.len(), s.capacity());
    }
    println!("{} is {} bytes", s, s.len());
    let greeting = String::from("héllo wörld");
    println!("{:?}: {} bytes, cap {}", greeting, greeting.len(), greeting.capacity());
    let emoji = "🦀🦀";
    println!("{} {}", emoji, emoji.len());
}
