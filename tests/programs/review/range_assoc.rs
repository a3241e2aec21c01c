fn sign(n: i32) -> &'static str {
    match n {
        i32::MIN..=-1 => "negative",
        0 => "zero",
        1..=i32::MAX => "positive",
    }
}
fn main() {
    println!("{} {} {}", sign(-3), sign(0), sign(9));
}
