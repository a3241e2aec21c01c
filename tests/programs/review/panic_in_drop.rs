struct Bomb(u32);
impl Drop for Bomb {
    fn drop(&mut self) {
        println!("drop bomb {}", self.0);
        if self.0 == 2 {
            panic!("bomb {} exploded", self.0);
        }
    }
}
fn main() {
    let _a = Bomb(1);
    {
        let _b = Bomb(2);
        let _c = Bomb(3);
        println!("inner end");
    }
    println!("unreachable");
}
