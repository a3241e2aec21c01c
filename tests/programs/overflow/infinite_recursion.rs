// A function that calls itself unconditionally never returns: it overflows the stack.
fn foo() {
    foo();
}

fn main() {
    println!("calling foo");
    foo();
}
