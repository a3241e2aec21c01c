// Each call keeps a 1 KiB array in its frame, so the 8 MiB main stack runs out after a few thousand calls.
fn dive(depth: u64) -> u64 {
    let mut buffer = [0u8; 1024];
    buffer[(depth % 1024) as usize] = 1;
    let below = dive(depth + 1);
    below + buffer[0] as u64
}

fn main() {
    println!("diving");
    let total = dive(0);
    println!("never printed {}", total);
}
