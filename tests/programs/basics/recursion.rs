// Recursive functions: factorial, Fibonacci, and the power of two.
fn factorial(n: u64) -> u64 {
    if n == 0 { 1 } else { n * factorial(n - 1) }
}

fn fib(n: u32) -> u64 {
    match n {
        0 => 0,
        1 => 1,
        _ => fib(n - 1) + fib(n - 2),
    }
}

fn fib_iter(n: u32) -> u64 {
    let mut a: u64 = 0;
    let mut b: u64 = 1;
    for _ in 0..n {
        let next = a + b;
        a = b;
        b = next;
    }
    a
}

fn power(base: u64, exp: u32) -> u64 {
    if exp == 0 {
        return 1;
    }
    let half = power(base, exp / 2);
    if exp % 2 == 0 { half * half } else { half * half * base }
}

fn main() {
    for n in [0, 1, 5, 10, 20] {
        println!("{}! = {}", n, factorial(n));
    }
    for n in 0..10 {
        println!("fib({}) = {}", n, fib(n));
    }
    println!("fib(90) = {}", fib_iter(90));
    println!("3^20 = {}", power(3, 20));
}
