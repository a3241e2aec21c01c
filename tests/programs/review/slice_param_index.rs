fn get(s: &[i32], i: usize) -> i32 {
    s[i]
}
fn main() {
    let v = vec![1, 2, 3];
    println!("{}", get(&v, 1));
    println!("{}", get(&v, 3));
}
