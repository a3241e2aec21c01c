// Integer division by zero panics (float division gives inf instead).
fn average(total: u32, count: u32) -> u32 {
    total / count
}

fn main() {
    println!("{}", 1.0 / 0.0);
    println!("average {}", average(10, 4));
    println!("average {}", average(10, 0));
}
