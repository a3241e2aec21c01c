fn main() {
    let v = vec![1, 2, 3];
    let n = 7;
    let t = &v[1..n];
    println!("{:?}", t);
}
