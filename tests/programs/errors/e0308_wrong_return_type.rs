fn half(n: u32) -> u32 {
    n as f64 / 2.0
}

fn main() {
    println!("{}", half(9));
}
