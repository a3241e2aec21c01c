struct P(u32);
impl Drop for P {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn patterns_in_parameters((x, _): (P, P), (_, y): (P, P)) {
    println!("in body {} {}", x.0, y.0);
}

fn main() {
    patterns_in_parameters((P(0), P(1)), (P(2), P(3)));
    println!("after call");
}
