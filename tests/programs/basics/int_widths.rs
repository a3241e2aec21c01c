// Arithmetic in every integer width, including the extremes each type can hold.
fn main() {
    let a: i8 = -100;
    let b: i8 = 27;
    println!("i8: {} {} {} {}", a + b, a - b + 100, b * 4, a / b);
    println!("i8 range: {} ..= {}", i8::MIN, i8::MAX);

    let c: u8 = 200;
    let d: u8 = 55;
    println!("u8: {} {} {} {}", c + d, c - d, d * 4, c / d);
    println!("u8 range: {} ..= {}", u8::MIN, u8::MAX);

    let e: i16 = -30000;
    let f: u16 = 60000;
    println!("i16 {} u16 {}", e - 2000, f + 5000);
    println!("i16 range: {} ..= {}, u16 max {}", i16::MIN, i16::MAX, u16::MAX);

    let g: i32 = 2_000_000_000;
    let h: u32 = 4_000_000_000;
    println!("i32 {} u32 {}", g + 147_483_647, h + 294_967_295);
    println!("i32 range: {} ..= {}", i32::MIN, i32::MAX);

    let i: i64 = -9_000_000_000_000_000_000;
    let j: u64 = 18_000_000_000_000_000_000;
    println!("i64 {} u64 {}", i - 223_372_036_854_775_808, j + 446_744_073_709_551_615);
    println!("i64 min {} u64 max {}", i64::MIN, u64::MAX);

    let k: i128 = 170_141_183_460_469_231_731_687_303_715_884_105_727;
    let l: u128 = 1 << 100;
    println!("i128 {} u128 {}", k, l * 3);
    println!("i128 min {} u128 max {}", i128::MIN, u128::MAX);

    let m: isize = -42;
    let n: usize = 42;
    println!("isize {} usize {}", m * 1_000_000_000_000, n * 1_000_000_000_000);
    println!("isize max {} usize max {}", isize::MAX, usize::MAX);
}
