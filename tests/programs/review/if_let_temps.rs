struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
impl D {
    fn get(&self) -> Option<u32> {
        if self.0.len() > 1 { Some(self.0.len() as u32) } else { None }
    }
}
fn main() {
    if let Some(n) = D("long").get() {
        println!("then {}", n);
    } else {
        println!("else");
    }
    if let Some(n) = D("x").get() {
        println!("then {}", n);
    } else {
        println!("else branch");
    }
    let mut count = 0;
    while let Some(n) = D("loop").get() {
        println!("iteration {}", n);
        count += 1;
        if count == 2 {
            break;
        }
    }
    println!("end");
}
