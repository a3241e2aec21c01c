struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn show(d: &D) {
    println!("show {}", d.0);
}

fn main() {
    show(&D("a"));
    println!("after a");
    let n = D("b");
    show(&n);
    println!("end");
}
