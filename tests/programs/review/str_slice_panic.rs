fn main() {
    let s = String::from("abc");
    let t = &s[5..];
    println!("{}", t);
}
