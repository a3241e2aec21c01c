// Shifting by at least the bit width panics in a debug build.
fn shift(x: u32, by: u32) -> u32 {
    x << by
}

fn main() {
    for by in [1, 16, 31, 32] {
        println!("1 << {} = {}", by, shift(1, by));
    }
}
