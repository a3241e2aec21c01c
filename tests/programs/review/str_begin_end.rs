fn main() {
    let s = String::from("abcdef");
    let a = 4;
    let t = &s[a..2];
    println!("{}", t);
}
