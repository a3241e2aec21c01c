// assert_ne! fails when both sides are equal, and prints them.
#[derive(Debug, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

fn main() {
    let a = Point { x: 1, y: 2 };
    let b = Point { x: 1, y: 3 };
    assert_ne!(a, b);
    println!("a and b differ");
    let c = Point { x: 1, y: 2 };
    assert_ne!(a, c);
}
