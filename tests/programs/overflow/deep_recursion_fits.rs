// Deep but bounded recursion that fits in the 8 MiB stack: no overflow.
fn sum_to(n: u64) -> u64 {
    if n == 0 { 0 } else { n + sum_to(n - 1) }
}

fn main() {
    println!("{}", sum_to(10_000));
    println!("{}", sum_to(20_000));
}
