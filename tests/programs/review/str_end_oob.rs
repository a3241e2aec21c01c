fn main() {
    let s = String::from("abc");
    let n = 9;
    let t = &s[1..n];
    println!("{}", t);
}
