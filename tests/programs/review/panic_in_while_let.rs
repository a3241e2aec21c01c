struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
impl D {
    fn get(&self) -> Option<u32> {
        Some(1)
    }
}
fn main() {
    let _outer = D("outer");
    while let Some(n) = D("scrutinee").get() {
        let _body = D("body local");
        if n == 1 {
            panic!("boom");
        }
    }
}
