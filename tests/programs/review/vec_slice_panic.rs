fn main() {
    let v = vec![1, 2, 3];
    let t = &v[5..];
    println!("{:?}", t);
}
