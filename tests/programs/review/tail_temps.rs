struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
impl D {
    fn len(&self) -> usize {
        self.0.len()
    }
}
fn f() -> usize {
    let _local = D("local");
    D("temp-in-tail").len()
}
fn g() -> usize {
    let n = D("let-temp").len();
    println!("after let");
    n
}
fn main() {
    println!("{}", f());
    println!("{}", g());
    let total = D("a").len() + D("bb").len();
    println!("total {}", total);
    let b = {
        let _inner = D("inner");
        D("block-tail").len()
    };
    println!("b {}", b);
}
