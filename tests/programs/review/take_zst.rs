use std::mem;
fn main() {
    let mut v: Vec<()> = vec![(), ()];
    let w = mem::take(&mut v);
    println!("{} {} {}", w.len(), v.len(), v.capacity() == usize::MAX);
    let d: Vec<()> = Default::default();
    println!("{}", d.capacity() == usize::MAX);
}
