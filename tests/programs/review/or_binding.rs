enum Shape {
    Square(u32),
    Rect(u32, u32),
    Circle(u32),
}
fn main() {
    let pts = [(3, 0), (0, 5), (1, 1)];
    for p in pts {
        match p {
            (n, 0) | (0, n) => println!("on axis {}", n),
            _ => println!("off axis"),
        }
    }
    let shapes = [Shape::Square(2), Shape::Circle(7), Shape::Rect(1, 2)];
    for s in &shapes {
        match s {
            Shape::Square(x) | Shape::Circle(x) => println!("one dim {}", x),
            Shape::Rect(a, b) => println!("rect {} {}", a, b),
        }
    }
}
