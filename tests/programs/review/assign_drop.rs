struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
struct Holder {
    a: D,
    b: Option<D>,
}
fn make(s: &'static str) -> D {
    println!("make {}", s);
    D(s)
}
fn main() {
    let mut x = make("x1");
    x = make("x2");
    let mut h = Holder { a: make("ha"), b: None };
    h.b = Some(make("hb1"));
    h.b = Some(make("hb2"));
    h.a = make("ha2");
    let mut v = vec![make("v0"), make("v1")];
    v[0] = make("v0b");
    let _ = make("ignored");
    let _keep = make("kept");
    make("stmt");
    println!("end {}", x.0);
}
