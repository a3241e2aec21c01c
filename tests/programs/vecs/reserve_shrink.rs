// reserve may over-allocate (amortised growth); reserve_exact asks for exactly enough; shrink_to_fit gives back.
fn main() {
    let mut a: Vec<u32> = Vec::new();
    a.reserve(10);
    println!("reserve(10) on empty: cap {}", a.capacity());
    a.push(1);
    a.reserve(10);
    println!("len 1, reserve(10): cap {}", a.capacity());
    for i in 0..10 {
        a.push(i);
    }
    println!("len {} cap {}", a.len(), a.capacity());
    a.reserve(1);
    println!("reserve(1): cap {}", a.capacity());
    a.reserve(3);
    println!("reserve(3): cap {}", a.capacity());

    let mut b: Vec<u32> = vec![1, 2, 3, 4];
    b.reserve_exact(3);
    println!("reserve_exact(3) at len 4: cap {}", b.capacity());
    b.reserve_exact(1);
    println!("reserve_exact(1) at len 4: cap {}", b.capacity());
    let mut c: Vec<u8> = vec![1, 2, 3];
    c.reserve(1);
    println!("u8 reserve(1) at len 3: cap {}", c.capacity());

    let mut d: Vec<u64> = Vec::with_capacity(100);
    d.push(7);
    d.push(8);
    println!("before shrink: len {} cap {}", d.len(), d.capacity());
    d.shrink_to_fit();
    println!("after shrink: len {} cap {}", d.len(), d.capacity());
    d.push(9);
    println!("push after shrink: len {} cap {}", d.len(), d.capacity());
    d.clear();
    d.shrink_to_fit();
    println!("cleared and shrunk: cap {}", d.capacity());
}
