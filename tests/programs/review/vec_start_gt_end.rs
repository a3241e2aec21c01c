fn main() {
    let v = vec![1, 2, 3, 4];
    let a = 3;
    let t = &v[a..1];
    println!("{:?}", t);
}
