fn main() {
    let base: i32 = 10;
    println!("{}", base.pow(9));
    println!("{}", base.pow(10));
}
