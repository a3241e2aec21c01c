fn fact(n: u64) -> u64 {
    if n == 0 { 1 } else { n * fact(n - 1) }
}
fn fib(n: u32) -> u32 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}
fn depth(n: u32) -> u32 {
    if n == 0 { 0 } else { 1 + depth(n - 1) }
}
fn main() {
    println!("{}", fact(20));
    println!("{}", fib(15));
    println!("{}", depth(5000));
    println!("{}", fact(21));
}
