#[derive(Debug, Clone, PartialEq)]
enum Shape {
    Circle { r: f64 },
    Rect(f64, f64),
    Unit,
}

fn classify(n: i32) -> &'static str {
    match n {
        ..=-1 => "negative",
        0 => "zero",
        x @ 1..=9 if x % 2 == 0 => "small even",
        1..=9 => "small odd",
        10 | 20 | 30 => "round",
        _ => "big",
    }
}

fn area(s: &Shape) -> f64 {
    match s {
        Shape::Circle { r } => 3.14 * r * r,
        Shape::Rect(w, h) if w == h => w * w,
        Shape::Rect(w, h) => w * h,
        Shape::Unit => 0.0,
    }
}

fn main() {
    for n in [-5, 0, 4, 7, 20, 100] {
        println!("{} {}", n, classify(n));
    }
    let shapes = vec![Shape::Circle { r: 1.5 }, Shape::Rect(2.0, 2.0), Shape::Rect(2.0, 3.5), Shape::Unit];
    for s in &shapes {
        println!("{:?} -> {:.2}", s, area(s));
    }
    let pair = (String::from("left"), 5);
    let (ref name, count) = pair;
    println!("{} {} {}", name, count, pair.0);
    let t = (1, (2, 3), (4, 5, 6));
    let (a, (b, _), (c, .., d)) = t;
    println!("{} {} {} {}", a, b, c, d);
    let opt: Option<&Shape> = shapes.get(1);
    if let Some(Shape::Rect(w, _)) = opt {
        println!("rect w {}", w);
    }
    let c = 'k';
    match c {
        'a'..='j' => println!("first"),
        'k'..='z' => println!("second"),
        _ => println!("other"),
    }
    let s = String::from("hello");
    match s.as_str() {
        "hi" => println!("hi"),
        "hello" => println!("hello!"),
        _ => println!("?"),
    }
    println!("{}", shapes[0] == Shape::Circle { r: 1.5 });
}
