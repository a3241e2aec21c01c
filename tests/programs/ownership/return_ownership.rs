// Giving ownership away and getting it back, versus borrowing.
fn calculate_length(s: String) -> (String, usize) {
    let length = s.len();
    (s, length)
}

fn append_exclaim(mut s: String) -> String {
    s.push('!');
    s
}

fn make_greeting(name: &str) -> String {
    let mut g = String::with_capacity(6 + name.len());
    g.push_str("Hello ");
    g.push_str(name);
    g
}

fn main() {
    let s1 = String::from("hello");
    let (s2, len) = calculate_length(s1);
    println!("The length of '{}' is {}.", s2, len);
    let s3 = append_exclaim(s2);
    println!("{} len {} cap {}", s3, s3.len(), s3.capacity());
    let g = make_greeting("Ferris");
    println!("{} len {} cap {}", g, g.len(), g.capacity());
}
