// Vec::insert allows index == len (append) but nothing beyond.
fn main() {
    let mut v = vec![1, 2, 3];
    v.insert(3, 4);
    println!("{:?}", v);
    let i = v.len() + 1;
    v.insert(i, 5);
}
