// i32 addition that exceeds i32::MAX.
fn add(a: i32, b: i32) -> i32 {
    a + b
}

fn main() {
    println!("{}", add(2_000_000_000, 147_483_647));
    println!("{}", add(2_000_000_000, 147_483_648));
}
