fn first_word(s: &str) -> &str {
    let bytes = s.len();
    if bytes > 3 { &s[..3] } else { s }
}
fn shout(mut s: String) -> String { s.push('!'); s }
fn main() {
    let mut s = String::with_capacity(8);
    s.push_str("hello");
    let w = first_word(&s);
    println!("{w} {} {}", s.capacity(), s.is_empty());
    let t = shout(s.clone());
    let joined = t + " " + &s + "?";
    let n: u64 = 12;
    let text = n.to_string() + &joined;
    let pieces = [text.as_str(), "x"];
    println!("{:?} {}", pieces, pieces.len());
    let greeting: &'static str = "hi";
    let owned: String = greeting.to_string();
    let eq = owned == "hi" && "hi" == owned;
    assert!(eq, "strings differ: {}", owned);
    assert_eq!(owned.len(), 2);
    let mut v: Vec<String> = Vec::new();
    v.push(owned);
    let last = v.last().unwrap();
    println!("{last}");
}
