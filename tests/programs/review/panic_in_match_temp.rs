struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
impl D {
    fn n(&self) -> u32 {
        3
    }
}
fn main() {
    let _outer = D("outer");
    match D("scrutinee").n() {
        3 => {
            let _arm = D("arm local");
            panic!("in arm");
        }
        _ => {}
    }
}
