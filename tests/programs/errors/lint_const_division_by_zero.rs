// Dividing by a constant zero is a compile error, not a panic: rustc knows `d` is 0.
fn main() {
    let d = 0;
    let total = 10;
    println!("{}", total % d);
}
