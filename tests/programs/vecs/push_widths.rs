// The first allocation depends on the element size: 4 elements for 2..=1024-byte elements.
fn main() {
    let mut a: Vec<u16> = Vec::new();
    let mut b: Vec<u32> = Vec::new();
    let mut c: Vec<u64> = Vec::new();
    let mut d: Vec<u128> = Vec::new();
    for i in 0..10 {
        a.push(i as u16);
        b.push(i as u32 * 1000);
        c.push(i as u64 * 1_000_000_000_000);
        d.push(i as u128);
        println!(
            "len {}: u16 cap {}, u32 cap {}, u64 cap {}, u128 cap {}",
            a.len(),
            a.capacity(),
            b.capacity(),
            c.capacity(),
            d.capacity()
        );
    }
    println!("{:?}", c);
    println!("sizes: {} {} {} {}", std::mem::size_of::<u16>(), std::mem::size_of::<u32>(),
        std::mem::size_of::<u64>(), std::mem::size_of::<u128>());
    println!("a Vec itself is {} bytes", std::mem::size_of::<Vec<u128>>());
}
