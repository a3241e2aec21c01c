fn main() {
    let mut y: i16 = 32767;
    y = y + 1;
    println!("{}", y);
}
