struct D(u32);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop D({})", self.0);
    }
}

fn main() {
    let mut v = vec![D(1), D(2), D(3)];
    while let Some(_) = v.pop() {
        println!("popped one");
    }
    println!("done");
}
