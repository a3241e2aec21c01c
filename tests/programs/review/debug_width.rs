#[derive(Debug)]
struct P {
    x: i32,
    y: f64,
}

fn main() {
    let v = vec![1.25, 2.0, 3.14159];
    println!("{:.1?}", v);
    println!("{:5?}", vec![1, 22, 333]);
    println!("{:?}", Some(5));
    println!("{:05?}", Some(5));
    let p = P { x: 3, y: 0.5 };
    println!("{:6?}", p);
    println!("{:x?}", vec![10, 255]);
    println!("{:#x?}", 255);
}
