// Integer division truncates toward zero, and % takes the sign of the dividend.
fn show(a: i32, b: i32) {
    println!("{} / {} = {}, {} % {} = {}", a, b, a / b, a, b, a % b);
}

fn main() {
    show(7, 2);
    show(-7, 2);
    show(7, -2);
    show(-7, -2);
    show(1, 3);
    show(-1, 3);
    let big: i64 = -9_000_000_000;
    println!("{}", big / 7);
    println!("{}", big % 7);
    let u: u32 = 17;
    println!("{} {}", u / 5, u % 5);
}
