fn forever(n: u64) -> u64 {
    let buf = [n; 16];
    forever(n + 1) + buf[0]
}
fn main() {
    println!("start");
    println!("{}", forever(0));
}
