fn main() {
    let b: i64 = 10;
    println!("{}", b.pow(30));
}
