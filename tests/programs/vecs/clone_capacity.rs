// A cloned Vec gets a buffer exactly as big as the original's length.
fn main() {
    let mut v: Vec<i64> = Vec::with_capacity(10);
    v.push(1);
    v.push(2);
    v.push(3);
    let c = v.clone();
    println!("original len {} cap {}", v.len(), v.capacity());
    println!("clone    len {} cap {}", c.len(), c.capacity());
    v.push(4);
    println!("{:?} vs {:?}", v, c);
    let names = vec![String::from("a"), String::from("bb")];
    let copy = names.clone();
    println!("{:?} {} {}", copy, copy.capacity(), copy == names);
}
