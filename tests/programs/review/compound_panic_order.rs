fn val(v: i32) -> i32 {
    println!("value {}", v);
    v
}
fn main() {
    let mut v = vec![1, 2, 3];
    let i = 7;
    v[i] += val(10);
}
