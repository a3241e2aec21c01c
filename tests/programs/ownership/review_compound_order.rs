fn idx(i: usize) -> usize {
    println!("index {}", i);
    i
}
fn val(v: i32) -> i32 {
    println!("value {}", v);
    v
}
fn main() {
    let mut v = vec![1, 2, 3];
    v[idx(1)] += val(10);
    v[idx(2)] = val(20);
    println!("{:?}", v);
    let mut arr = [0u8; 2];
    arr[idx(0)] -= val(0) as u8;
    println!("{:?}", arr);
}
