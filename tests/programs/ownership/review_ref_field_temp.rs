struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
struct Pair {
    left: D,
    right: D,
}

fn make() -> Pair {
    Pair { left: D("left"), right: D("right") }
}

fn main() {
    let r = &make().right;
    println!("using {}", r.0);
    println!("end of main");
}
