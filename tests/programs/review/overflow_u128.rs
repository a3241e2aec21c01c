fn main() {
    let mut x: u128 = u128::MAX - 2;
    let mut i = 0;
    while i < 5 {
        x += 1;
        println!("{}", x);
        i += 1;
    }
}
