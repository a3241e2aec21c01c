struct D(u32);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
impl D {
    fn check(&self) -> Option<u32> {
        if self.0 < 4 { Some(self.0) } else { None }
    }
}
fn main() {
    let mut i = 0;
    while let Some(n) = D(i).check() {
        i += 1;
        if n % 2 == 0 {
            continue;
        }
        println!("odd {}", n);
    }
    println!("end");
}
