struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
struct Outer {
    name: D,
    parts: Vec<D>,
    boxed: Box<D>,
    opt: Option<D>,
    pair: (D, D),
    arr: [D; 2],
}
impl Drop for Outer {
    fn drop(&mut self) {
        println!("drop Outer ({} parts)", self.parts.len());
    }
}
fn main() {
    let mut o = Outer {
        name: D("name"),
        parts: vec![D("p0"), D("p1")],
        boxed: Box::new(D("boxed")),
        opt: Some(D("opt")),
        pair: (D("pair0"), D("pair1")),
        arr: [D("arr0"), D("arr1")],
    };
    o.opt = None;
    o.parts.push(D("p2"));
    o.parts.remove(0);
    let mut grid = vec![vec![D("g00"), D("g01")], vec![D("g10")]];
    grid.truncate(1);
    grid[0].insert(0, D("gnew"));
    println!("end of main");
}
