// Vec<u8> starts without a buffer, then allocates 8 bytes and doubles when full.
fn main() {
    let mut v: Vec<u8> = Vec::new();
    println!("new: len {} cap {}", v.len(), v.capacity());
    for i in 0..20u8 {
        v.push(i * 3);
        println!("push {}: len {} cap {}", i * 3, v.len(), v.capacity());
    }
    println!("{:?}", v);
}
