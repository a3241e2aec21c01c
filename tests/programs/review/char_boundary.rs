fn main() {
    let s = String::from("héllo");
    let t = &s[0..2];
    println!("{}", t);
}
