struct D(u32);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let v = vec![D(1), D(2), D(3), D(4)];
    for d in v {
        if d.0 == 2 {
            panic!("at two");
        }
        println!("saw {}", d.0);
    }
}
