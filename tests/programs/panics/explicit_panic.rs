// panic! stops the program with a message on stderr and exit code 101.
fn main() {
    println!("about to panic");
    panic!("something went badly wrong");
}
