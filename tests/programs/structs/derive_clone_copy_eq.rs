// Copy types are duplicated on assignment; Clone types need .clone(); PartialEq gives == and !=.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Debug, Clone, PartialEq)]
struct Path {
    name: String,
    points: Vec<Point>,
}

fn main() {
    let a = Point { x: 1, y: 2 };
    let mut b = a;
    b.x = 10;
    println!("a = {:?}, b = {:?}", a, b);
    println!("a == b: {}, a != b: {}", a == b, a != b);
    let c = Point { x: 1, y: 2 };
    println!("a == c: {}", a == c);

    let p = Path { name: String::from("route"), points: vec![a, b] };
    let mut q = p.clone();
    println!("equal after clone: {}", p == q);
    q.points.push(c);
    q.name.push_str("-2");
    println!("p = {:?}", p);
    println!("q = {:?}", q);
    println!("equal after change: {}", p == q);
    println!("clone capacity: {} (original {})", q.points.capacity(), p.points.capacity());
}
