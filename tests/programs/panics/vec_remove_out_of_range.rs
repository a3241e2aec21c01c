// Vec::remove checks the index against the length.
fn main() {
    let mut v = vec![1, 2, 3];
    println!("removed {}", v.remove(1));
    println!("{:?}", v);
    let i = v.len() + 3;
    println!("removed {}", v.remove(i));
}
