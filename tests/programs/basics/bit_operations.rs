// Bitwise operators and shifts, including the arithmetic right shift of negative numbers.
fn main() {
    let a: u8 = 0b1100_1010;
    let b: u8 = 0b1010_0110;
    println!("and {} or {} xor {} not {}", a & b, a | b, a ^ b, !a);
    println!("shl {} shr {}", a << 1, a >> 3);

    let x: i32 = -16;
    println!("{} >> 2 = {}", x, x >> 2);
    println!("!{} = {}", x, !x);
    println!("!0u32 = {}", !0u32);
    println!("1u64 << 40 = {}", 1u64 << 40);

    let mut flags: u16 = 0;
    flags |= 1 << 3;
    flags |= 1 << 9;
    println!("flags = {}", flags);
    flags &= !(1 << 3);
    println!("flags = {}", flags);
    flags ^= 0xFF;
    println!("flags = {}", flags);
}
