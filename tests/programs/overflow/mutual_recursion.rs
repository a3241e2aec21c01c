// Two functions calling each other overflow just the same.
fn is_even(n: u64) -> bool {
    if n == 0 { true } else { is_odd(n - 1) }
}

fn is_odd(n: u64) -> bool {
    if n == 0 { false } else { is_even(n - 1) }
}

fn main() {
    println!("10 is even: {}", is_even(10));
    println!("7 is odd: {}", is_odd(7));
    println!("deep: {}", is_even(500_000_000));
}
