// assert! prints the condition that was false.
fn main() {
    let v = vec![1, 2, 3];
    assert!(v.len() == 3);
    println!("first assert passed");
    assert!(v[0] > v[1] || v.is_empty());
    println!("never printed");
}
