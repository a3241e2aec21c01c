struct D;
impl Drop for D {
    fn drop(&mut self) {
        println!("drop D");
    }
}
fn inner(o: Option<u8>) -> u8 {
    let _d = D;
    o.unwrap()
}
fn outer() -> u8 {
    let _e = D;
    inner(None) + 1
}
fn main() {
    println!("{}", outer());
}
