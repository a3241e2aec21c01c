fn shift(a: u8, n: u32) -> u8 {
    a << n
}
fn main() {
    println!("{}", shift(1, 7));
    println!("{}", shift(3, 7));
    println!("{}", shift(1, 8));
}
