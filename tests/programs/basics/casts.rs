// `as` casts: truncation, sign reinterpretation, saturating float-to-int, chars and bools.
fn main() {
    let big: i32 = 300;
    println!("300 as u8 = {}", big as u8);
    let neg: i32 = -1;
    println!("-1 as u32 = {}", neg as u32);
    println!("-1 as u8 = {}", neg as u8);
    let wide: u64 = 5_000_000_000;
    println!("5e9 as i32 = {}", wide as i32);
    let byte: u8 = 200;
    println!("200u8 as i8 = {}", byte as i8);
    println!("200u8 as u64 = {}", byte as u64);

    let f: f64 = 3.99;
    println!("3.99 as i32 = {}", f as i32);
    let g: f64 = -3.99;
    println!("-3.99 as i32 = {}", g as i32);
    let huge: f64 = 1e20;
    println!("1e20 as i32 = {}", huge as i32);
    let below: f64 = -5.5;
    println!("-5.5 as u8 = {}", below as u8);
    let n: i32 = 7;
    println!("7 as f64 / 2 = {}", n as f64 / 2.0);

    let letter = 'A';
    println!("'A' as u32 = {}", letter as u32);
    let code: u8 = 97;
    println!("97 as char = {}", code as char);
    println!("'A' + 2 = {}", (letter as u8 + 2) as char);
    println!("true as i32 = {}, false as u8 = {}", true as i32, false as u8);
}
