// The remainder by zero has its own message.
fn is_multiple(n: i64, of: i64) -> bool {
    n % of == 0
}

fn main() {
    println!("{}", is_multiple(12, 4));
    println!("{}", is_multiple(12, 0));
}
