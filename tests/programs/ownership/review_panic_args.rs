struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn fail() -> i32 {
    panic!("fail");
}

fn take(d: D, n: i32) {
    println!("take {} {}", d.0, n);
}

fn main() {
    let _k = D("keep");
    take(D("arg"), fail());
}
