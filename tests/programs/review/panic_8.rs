fn main() {
    let mut v = vec![1, 2, 3];
    v.push(4);
    let o: Option<i32> = None; o.expect("needed a value");
}
