fn main() {
    let a: i32 = -1;
    println!("{} {} {}", a as u8, a as u32, a as i64);
    println!("{}", 300i32 as u8);
    println!("{}", 3.99f64 as i32);
    println!("{}", -3.99f64 as u8);
    println!("{}", 1e20f64 as i32);
    println!("{}", f64::NAN as i32);
    println!("{}", 65u8 as char);
    println!("{}", 'Z' as u32);
    println!("{}", true as i32 + 1);
    println!("{}", 16777217i32 as f32);
    println!("{}", u64::MAX as f64);
    println!("{}", 9223372586610589697u64 as f32);
    println!("{}", (0.1f32 + 0.2f32) as f64);
    println!("{}", 1.0e40f64 as f32);
    println!("{}", i64::MIN as f32);
}
