struct D(u32);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
impl D {
    fn big(&self) -> bool {
        self.0 > 5
    }
}
fn main() {
    if D(9).big() {
        println!("in then");
    }
    let mut i = 0;
    while D(i).big() == false {
        println!("loop {}", i);
        i += 3;
    }
    let v = Some(3);
    match v {
        Some(x) if D(x * 10).big() => println!("guard passed"),
        _ => println!("other"),
    }
    if D(1).big() || D(2).big() {
        println!("never");
    } else {
        println!("else");
    }
    println!("end");
}
