#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape { Circle { r: f64 }, Square(f64), Dot }
impl Shape {
    fn area(self) -> f64 {
        match self {
            Shape::Circle { r } => 3.14 * r * r,
            Shape::Square(s) => s * s,
            Shape::Dot => 0.0,
        }
    }
    fn scale(&mut self, k: f64) {
        match self {
            Shape::Circle { r } => *r *= k,
            Shape::Square(s) => *s = *s * k,
            Shape::Dot => {}
        }
    }
}
struct Counter { hits: u32 }
impl Drop for Counter { fn drop(&mut self) { println!("drop {}", self.hits); } }
fn main() {
    let mut shapes = vec![Shape::Circle { r: 1.0 }, Shape::Square(2.0), Shape::Dot];
    for s in shapes.iter_mut() { s.scale(2.0); }
    let mut total = 0.0;
    for s in &shapes { total += s.area(); }
    let biggest = shapes[0];
    println!("{total:.2} {:?} {}", biggest, biggest == Shape::Dot);
    let c = Counter { hits: 3 };
    let moved = c;
    std::mem::drop(moved);
    let mut grid = [[0u8; 3]; 2];
    grid[1][2] = 7;
    let row: &[u8] = &grid[1];
    println!("{:?} {}", grid, row.len());
    let label = 'outer: loop {
        for i in 0..10 {
            if i == 3 { break 'outer "three"; }
        }
    };
    println!("{label}");
}
