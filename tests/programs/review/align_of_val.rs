use std::mem::{align_of_val, size_of_val};
fn main() {
    let v: Vec<u64> = vec![1, 2, 3];
    let s = &v[..];
    println!("{} {}", size_of_val(s), align_of_val(s));
    let text = "hello";
    println!("{} {}", size_of_val(text), align_of_val(text));
    println!("{} {}", size_of_val(&v), align_of_val(&v));
}
