// Vec::new, Vec::with_capacity, vec![a, b, c] and vec![x; n] start with different capacities.
fn main() {
    let a: Vec<i32> = Vec::new();
    println!("new: {:?} len {} cap {}", a, a.len(), a.capacity());
    let mut b: Vec<i32> = Vec::with_capacity(5);
    println!("with_capacity(5): len {} cap {}", b.len(), b.capacity());
    for i in 0..6 {
        b.push(i);
        println!("  push {}: len {} cap {}", i, b.len(), b.capacity());
    }
    let c = vec![10, 20, 30];
    println!("vec![10, 20, 30]: {:?} len {} cap {}", c, c.len(), c.capacity());
    let d = vec![0u8; 100];
    println!("vec![0u8; 100]: len {} cap {} d[99] = {}", d.len(), d.capacity(), d[99]);
    let e = vec![String::from("hi"); 3];
    println!("{:?} len {} cap {}", e, e.len(), e.capacity());
    let f: Vec<u64> = vec![];
    println!("vec![]: len {} cap {} empty {}", f.len(), f.capacity(), f.is_empty());
    let mut g = vec![1.5, 2.5];
    g.push(3.5);
    println!("{:?} cap {}", g, g.capacity());
}
