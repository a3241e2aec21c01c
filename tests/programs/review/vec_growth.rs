fn main() {
    let mut v: Vec<u64> = Vec::new();
    for i in 0..10 {
        v.push(i);
        println!("len {} cap {}", v.len(), v.capacity());
    }
    v.truncate(3);
    v.shrink_to_fit();
    println!("{:?} {}", v, v.capacity());
    v.reserve(10);
    println!("{}", v.capacity());
    v.reserve_exact(20);
    println!("{}", v.capacity());
    v.insert(1, 99);
    let r = v.remove(0);
    println!("{} {:?}", r, v);
    v.extend_from_slice(&[7, 8, 9]);
    println!("{:?} {}", v, v.len());
    v.clear();
    println!("{} {}", v.is_empty(), v.capacity());
    let mut s = String::new();
    for c in ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] {
        s.push(c);
        println!("{} {} {}", s, s.len(), s.capacity());
    }
    s.push_str("é!");
    println!("{} {} {}", s, s.len(), s.capacity());
}
