// Removing elements never shrinks the buffer: pop, truncate and clear keep the capacity.
fn main() {
    let mut v = vec![1, 2, 3, 4, 5, 6, 7];
    v.push(8);
    println!("{:?} len {} cap {}", v, v.len(), v.capacity());
    let last = v.pop();
    println!("pop -> {:?}, len {} cap {}", last, v.len(), v.capacity());
    v.truncate(3);
    println!("truncate(3): {:?} len {} cap {}", v, v.len(), v.capacity());
    v.truncate(10);
    println!("truncate(10): {:?}", v);
    v.clear();
    println!("clear: {:?} len {} cap {} empty {}", v, v.len(), v.capacity(), v.is_empty());
    println!("pop on empty -> {:?}", v.pop());
    let mut words = vec![String::from("a"), String::from("b")];
    let w = words.pop().unwrap();
    println!("{} {:?}", w, words);
}
