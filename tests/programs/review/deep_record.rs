fn down(n: u64) -> u64 {
    let buf = [n; 16];
    if n == 0 { 0 } else { down(n - 1) + buf[0] }
}
fn main() {
    println!("{}", down(4000));
}
