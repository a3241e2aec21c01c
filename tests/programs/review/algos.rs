fn bubble(v: &mut Vec<i32>) -> usize {
    let mut swaps = 0;
    let n = v.len();
    for i in 0..n {
        for j in 0..n - 1 - i {
            if v[j] > v[j + 1] {
                v.swap(j, j + 1);
                swaps += 1;
            }
        }
    }
    swaps
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
fn reverse_words(s: &str) -> String {
    let mut out = String::new();
    let bytes_len = s.len();
    let mut end = bytes_len;
    let mut i = bytes_len;
    while i > 0 {
        i -= 1;
        if &s[i..i + 1] == " " {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s[i + 1..end]);
            end = i;
        }
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(&s[..end]);
    out
}
fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}
fn main() {
    let mut v = vec![5, 2, 9, 1, 5, 6];
    let s = bubble(&mut v);
    println!("{:?} swaps={}", v, s);
    let mut primes = Vec::new();
    for n in 0..50 {
        if is_prime(n) {
            primes.push(n);
        }
    }
    println!("{:?}", primes);
    println!("{}", reverse_words("the quick brown fox"));
    println!("{}", gcd(1071, 462));
    let mut fib = vec![0u64, 1];
    while fib.len() < 20 {
        let n = fib.len();
        let next = fib[n - 1] + fib[n - 2];
        fib.push(next);
    }
    println!("{:?}", &fib[15..]);
    let mut counts = [0usize; 26];
    let text = String::from("hello world");
    let t = text.as_str();
    let mut k = 0;
    while k < t.len() {
        let c = &t[k..k + 1];
        if c != " " {
            let idx = (c.len() + k) % 26;
            counts[idx] += 1;
        }
        k += 1;
    }
    println!("{:?}", counts);
}
