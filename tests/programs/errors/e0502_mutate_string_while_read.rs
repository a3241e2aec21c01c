fn main() {
    let mut s = String::from("read");
    let view = &s;
    s.push_str("-write");
    println!("{}", view);
}
