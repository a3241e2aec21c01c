const MAX_ITEMS: usize = 4;
static mut COUNTER: u32 = 0;
fn bump() -> u32 { unsafe { COUNTER += 1; COUNTER } }
fn gcd(a: u64, b: u64) -> u64 { if b == 0 { a } else { gcd(b, a % b) } }
fn main() {
    let mut arr = [0i64; MAX_ITEMS];
    let mut i = 0;
    for slot in arr.iter_mut() { *slot = i * 10; i += 1; }
    let x: i64 = arr[2] - 5;
    let y = x.abs().pow(2);
    let z = (y as f64).sqrt();
    let w = 7 / 2;
    let r = 7.0 / 2.0;
    let m = u8::MAX;
    let big = i32::MAX.wrapping_add(1);
    let checked = 200u8.checked_add(100);
    let sat = 5u8.saturating_sub(10);
    let h = 255u8 as i8;
    let shift = 1u32 << 31;
    let neg = -(5i8);
    let c = b'A' + 2;
    let ch = c as char;
    println!("{y} {z} {w} {r} {m} {big} {checked:?} {sat} {h} {shift} {neg} {ch} {}", gcd(12, 18));
    println!("{} {:>5} {:<3}| {:08.3} {:x} {:#b} {:e}", bump(), 42, 1, 3.14159, 255, 5, 1234.5);
    let mn = 3.min(9);
    let tuple = (1, (2.5, 'c'));
    let inner = (tuple.1).1;
    println!("{mn} {inner}");
}
