fn main() {
    let mut x: u8 = 255;
    x += 1;
    println!("{}", x);
}
