// Enum variants with data: tuple and struct variants, matched with bindings.
#[derive(Debug)]
enum Shape {
    Circle(f64),
    Rectangle { width: f64, height: f64 },
    Triangle(f64, f64, f64),
    Dot,
}

fn area(shape: &Shape) -> f64 {
    match shape {
        Shape::Circle(r) => 3.14159 * r * r,
        Shape::Rectangle { width, height } => width * height,
        Shape::Triangle(a, b, c) => {
            let s = (a + b + c) / 2.0;
            let sq = s * (s - a) * (s - b) * (s - c);
            let mut x = sq;
            for _ in 0..30 {
                x = (x + sq / x) / 2.0;
            }
            x
        }
        Shape::Dot => 0.0,
    }
}

fn main() {
    let shapes = vec![
        Shape::Circle(1.5),
        Shape::Rectangle { width: 2.0, height: 4.5 },
        Shape::Triangle(3.0, 4.0, 5.0),
        Shape::Dot,
    ];
    for shape in shapes.iter() {
        println!("{:?} has area {:.2}", shape, area(shape));
    }
    println!("size of Shape = {}", std::mem::size_of::<Shape>());
}
