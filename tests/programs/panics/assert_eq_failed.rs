// assert_eq! shows both sides with {:?}.
fn square(x: i32) -> i32 {
    x * x + 1
}

fn main() {
    assert_eq!(square(0), 1);
    println!("square(0) ok");
    assert_eq!(square(3), 9);
}
