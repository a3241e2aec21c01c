// Elements bigger than 1 KiB start with room for a single element.
fn main() {
    let mut blocks: Vec<[u8; 2000]> = Vec::new();
    println!("len {} cap {}", blocks.len(), blocks.capacity());
    for i in 0..9 {
        blocks.push([i as u8; 2000]);
        println!("len {} cap {}", blocks.len(), blocks.capacity());
    }
    println!("block 5 byte 1999 = {}", blocks[5][1999]);
    let mut mid: Vec<[u8; 1024]> = Vec::new();
    let mut big: Vec<[u8; 1025]> = Vec::new();
    mid.push([0; 1024]);
    big.push([0; 1025]);
    println!("1024-byte elements: cap {}; 1025-byte elements: cap {}", mid.capacity(), big.capacity());
}
