trait Area {
    fn area(&self) -> f64;
}

struct Square(f64);

impl Area for Square {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
}

fn main() {
    let s = Square(2.0);
    println!("{}", s.area());
}
