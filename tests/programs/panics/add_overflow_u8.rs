// In a debug build, arithmetic overflow panics.
fn main() {
    let mut level: u8 = 250;
    for _ in 0..10 {
        level += 1;
        println!("level {}", level);
    }
}
