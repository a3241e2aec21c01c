fn sq(x: i32) -> i32 {
    x * x
}

fn main() {
    let mut total = 0;
    for _ in 0..100 {
        total += sq(3);
    }
    println!("total = {}", total);
}
