// push_str grows to at least what is needed, and at least double the old capacity.
fn main() {
    let mut s = String::new();
    let words = ["hello", ", ", "world", "! ", "this sentence is getting long", ".", "x"];
    for w in words {
        s.push_str(w);
        println!("+{:?}: len {} cap {}", w, s.len(), s.capacity());
    }
    println!("{}", s);

    let mut t = String::from("abc");
    println!("from: len {} cap {}", t.len(), t.capacity());
    t.push_str("defghijklmnopqrstuvwxyz");
    println!("after one long push_str: len {} cap {}", t.len(), t.capacity());
    let other = String::from("!!");
    t.push_str(&other);
    println!("after &String: len {} cap {}", t.len(), t.capacity());
}
