fn main() {
    let b: u64 = 10;
    println!("{}", b.pow(30));
}
