// i32::MIN has no positive counterpart: dividing it by -1 overflows.
fn divide(a: i32, b: i32) -> i32 {
    a / b
}

fn main() {
    println!("{}", divide(i32::MIN, 1));
    println!("{}", divide(i32::MIN + 1, -1));
    println!("{}", divide(i32::MIN, -1));
}
