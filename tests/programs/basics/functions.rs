// Functions with parameters, early return, and unit return.
fn add(a: i32, b: i32) -> i32 {
    a + b
}

fn abs_diff(a: i32, b: i32) -> i32 {
    if a > b {
        return a - b;
    }
    b - a
}

fn greet(name: &str, times: u32) {
    for i in 0..times {
        println!("hello {} #{}", name, i + 1);
    }
}

fn is_prime(n: u32) -> bool {
    if n < 2 {
        return false;
    }
    let mut d = 2;
    while d * d <= n {
        if n % d == 0 {
            return false;
        }
        d += 1;
    }
    true
}

fn main() {
    println!("{}", add(2, add(3, 4)));
    println!("{} {}", abs_diff(3, 10), abs_diff(10, 3));
    greet("Ferris", 2);
    let mut primes = Vec::new();
    for n in 0..30 {
        if is_prime(n) {
            primes.push(n);
        }
    }
    println!("primes: {:?}", primes);
    let nothing = greet("nobody", 0);
    println!("{:?}", nothing);
}
