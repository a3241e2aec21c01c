struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
fn len_of(d: &D) -> usize {
    d.0.len()
}
fn main() {
    let n = &len_of(&D("tmp"));
    println!("n = {}", n);
    let m = len_of(&D("tmp2"));
    println!("m = {}", m);
}
