// insert and remove shift the elements after the position.
fn main() {
    let mut v = vec![10, 20, 30, 40];
    println!("{:?} len {} cap {}", v, v.len(), v.capacity());
    v.insert(1, 15);
    println!("insert(1, 15): {:?} len {} cap {}", v, v.len(), v.capacity());
    v.insert(0, 5);
    v.insert(v.len(), 50);
    println!("{:?} len {} cap {}", v, v.len(), v.capacity());
    let removed = v.remove(2);
    println!("remove(2) -> {}: {:?}", removed, v);
    let first = v.remove(0);
    println!("remove(0) -> {}: {:?} len {} cap {}", first, v, v.len(), v.capacity());
    let mut names = vec![String::from("b"), String::from("d")];
    names.insert(0, String::from("a"));
    names.insert(2, String::from("c"));
    println!("{:?}", names);
    let taken = names.remove(1);
    println!("{} {:?}", taken, names);
}
