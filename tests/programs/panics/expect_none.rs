// expect panics with your message.
fn main() {
    let mut stack: Vec<String> = Vec::new();
    stack.push(String::from("only"));
    let top = stack.pop().expect("stack should not be empty");
    println!("popped {}", top);
    let next = stack.pop().expect("stack should not be empty");
    println!("popped {}", next);
}
