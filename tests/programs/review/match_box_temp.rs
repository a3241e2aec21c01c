fn make() -> Option<Box<i32>> {
    Some(Box::new(7))
}

fn main() {
    match make() {
        Some(ref b) => println!("some {}", b),
        None => println!("none"),
    }
    println!("end");
}
