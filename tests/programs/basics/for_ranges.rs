// `for` over exclusive and inclusive ranges.
fn main() {
    for i in 0..3 {
        println!("i = {}", i);
    }
    let mut sum = 0;
    for i in 1..=100 {
        sum += i;
    }
    println!("sum 1..=100 = {}", sum);

    for _ in 5..5 {
        println!("never printed");
    }

    let start = 2;
    let end = 5;
    let mut product: u64 = 1;
    for k in start..end {
        product *= k;
    }
    println!("product = {}", product);

    for row in 1..=3 {
        let mut line = String::new();
        for col in 1..=3 {
            line.push_str(&format!("{} ", row * col));
        }
        println!("{}", line);
    }
}
