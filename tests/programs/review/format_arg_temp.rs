#[derive(Debug, PartialEq)]
struct D(u32);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
fn make(n: u32) -> D {
    D(n)
}
fn main() {
    println!("{:?}", make(1));
    let same = make(2) == make(3);
    println!("same {}", same);
    assert_eq!(make(4), D(4));
    let s = format!("{:?}", Some(make(5)));
    println!("{}", s);
    println!("end");
}
