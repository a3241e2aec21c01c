fn add_u8(a: u8, b: u8) -> u8 { a + b }
fn sub_u16(a: u16, b: u16) -> u16 { a - b }
fn mul_i64(a: i64, b: i64) -> i64 { a * b }
fn neg_i8(a: i8) -> i8 { -a }
fn shl_u32(a: u32, b: u32) -> u32 { a << b }
fn div_i32(a: i32, b: i32) -> i32 { a / b }

fn main() {
    println!("{}", add_u8(200, 55));
    println!("{}", sub_u16(5, 5));
    println!("{}", mul_i64(1 << 31, 1 << 31));
    println!("{}", neg_i8(-127));
    println!("{}", shl_u32(1, 31));
    println!("{}", div_i32(-7, 2));
    println!("{}", -7 % 3);
    println!("{}", (250u8).wrapping_add(10));
    println!("{:?}", (250u8).checked_add(10));
    println!("{}", (250u8).saturating_add(10));
    println!("{}", (-128i8).wrapping_sub(1));
    println!("{}", i16::MAX.saturating_mul(2));
    println!("{}", 3i32.pow(4));
    println!("{}", (-5i32).abs());
    println!("{}", mul_i64(i64::MAX, 2));
}
