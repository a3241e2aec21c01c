fn main() {
    let arr = [1, 2, 3, 4, 5];
    let s = &arr[1..4];
    println!("{:?} {}", s, s.len());
    let n = 9;
    let t = &arr[2..n];
    println!("{:?}", t);
}
