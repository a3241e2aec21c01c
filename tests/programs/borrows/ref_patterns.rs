// Matching on references: binding by reference so nothing is moved.
#[derive(Debug)]
enum Token {
    Number(i64),
    Word(String),
}

fn describe(t: &Token) -> String {
    match t {
        Token::Number(n) if *n < 0 => format!("negative {}", n),
        Token::Number(n) => format!("number {}", n),
        Token::Word(w) => format!("word {:?} ({} bytes)", w, w.len()),
    }
}

fn main() {
    let tokens = vec![Token::Number(-4), Token::Word(String::from("rust")), Token::Number(12)];
    for t in &tokens {
        println!("{}", describe(t));
    }
    let mut owned = Token::Word(String::from("grow"));
    match &mut owned {
        Token::Word(w) => w.push_str("ing"),
        Token::Number(n) => *n += 1,
    }
    println!("{:?}", owned);
    let pair = (String::from("left"), 5);
    let (ref name, count) = pair;
    println!("{} {} and pair still whole: {:?}", name, count, pair);
    let &value = &42;
    println!("{}", value);
}
