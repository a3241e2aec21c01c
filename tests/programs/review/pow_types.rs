fn main() {
    let b: u8 = 2;
    println!("{}", b.pow(9));
}
