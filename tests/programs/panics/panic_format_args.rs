// panic! formats its message like println!.
fn check_age(age: i32) -> i32 {
    if age < 0 {
        panic!("invalid age {} (must be >= {}), got {:?}", age, 0, "negative");
    }
    age
}

fn main() {
    println!("{}", check_age(30));
    let years = -3;
    println!("{}", check_age(years));
}
