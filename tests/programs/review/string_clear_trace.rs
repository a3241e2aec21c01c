fn main() {
    let mut s = String::from("hello");
    s.clear();
    s.push_str("hi");
    let mut v = vec![String::from("a"), String::from("b")];
    v.truncate(1);
    let t = v.pop();
    println!("{} {:?} {:?}", s, v, t);
}
