struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
impl D {
    fn boom(&self) -> i32 {
        panic!("boom from {}", self.0);
    }
}

fn main() {
    let _a = D("local");
    let x = D("temp").boom();
    println!("{}", x);
}
