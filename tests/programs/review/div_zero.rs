fn rem(a: i64, b: i64) -> i64 { a % b }
fn main() {
    println!("{}", rem(7, 3));
    println!("{}", rem(i64::MIN, -1));
}
