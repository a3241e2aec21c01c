// Box<T> puts a value on the heap; the Box itself is one pointer on the stack.
#[derive(Debug)]
struct Point {
    x: i32,
    y: i32,
}

fn main() {
    let b = Box::new(5);
    println!("b = {}, *b + 1 = {}", b, *b + 1);
    let mut p = Box::new(Point { x: 1, y: 2 });
    p.x += 10;
    println!("{:?} x = {}", p, p.x);
    let moved = p;
    println!("moved: {:?}", moved);
    let unboxed: Point = *moved;
    println!("unboxed: {:?}", unboxed);
    let big = Box::new([7u8; 1000]);
    println!("big[999] = {}, len {}", big[999], big.len());
    println!("size of Box<[u8; 1000]> = {}", std::mem::size_of::<Box<[u8; 1000]>>());
    println!("size of Box<Point> = {}", std::mem::size_of::<Box<Point>>());
    let mut counter = Box::new(0u64);
    for _ in 0..5 {
        *counter += 2;
    }
    println!("counter = {}", counter);
}
