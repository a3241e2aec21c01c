// Vec::swap is bounds-checked as well.
fn main() {
    let mut v = vec!['a', 'b', 'c'];
    v.swap(0, 2);
    println!("{:?}", v);
    let far = v.len();
    v.swap(0, far);
}
