struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
impl D {
    fn consume(self, n: i32) {
        println!("consume {} {}", self.0, n);
    }
}
fn fail() -> i32 {
    panic!("fail");
}
fn main() {
    let _k = D("keep");
    D("recv").consume(fail());
}
