// {:?} shows strings and chars as Rust literals, escaping what needs it; {} prints them raw.
fn main() {
    let s = "tab\there, \"quotes\", back\\slash, newline\n, nul\0, bell\u{7}, del\u{7f}";
    println!("{:?}", s);
    println!("{}", s.len());
    let single = "it's";
    println!("{:?} {}", single, single);
    let unicode = "é ü ß 日本 🦀 \u{200b}zero-width";
    println!("{:?}", unicode);
    println!("{}", unicode);
    let chars = ['\'', '"', '\\', '\n', '\t', '\r', '\0', 'é', '\u{1b}', ' '];
    for c in chars {
        println!("{:?}", c);
    }
    println!("{:?}", String::from("owned \"string\""));
    println!("{:?}", ["a", "b\n"]);
}
