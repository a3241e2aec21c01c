// `if let`, `while let` and `let ... else` on Options.
fn parse_digit(c: char) -> Option<u32> {
    if c >= '0' && c <= '9' {
        Some(c as u32 - '0' as u32)
    } else {
        None
    }
}

fn double_digit(c: char) -> u32 {
    let Some(d) = parse_digit(c) else {
        println!("{:?} is not a digit", c);
        return 0;
    };
    d * 2
}

fn main() {
    if let Some(d) = parse_digit('7') {
        println!("digit {}", d);
    }
    if let Some(d) = parse_digit('x') {
        println!("digit {}", d);
    } else {
        println!("not a digit");
    }
    println!("{} {}", double_digit('4'), double_digit('?'));

    let mut stack = vec![1, 2, 3];
    while let Some(top) = stack.pop() {
        println!("popped {}", top);
    }
    println!("stack empty: {}", stack.is_empty());
}
