fn main() {
    let mut v = vec![1, 2, 3];
    v.push(4);
    v.insert(9, 1);
}
