// Blocks and if/else are expressions: their last expression is their value.
fn sign(n: i32) -> &'static str {
    if n < 0 {
        "negative"
    } else if n == 0 {
        "zero"
    } else {
        "positive"
    }
}

fn main() {
    let y = {
        let a = 3;
        let b = 4;
        a * a + b * b
    };
    println!("y = {}", y);

    let n = 7;
    let parity = if n % 2 == 0 { "even" } else { "odd" };
    println!("{} is {}", n, parity);

    println!("{} {} {}", sign(-3), sign(0), sign(12));

    let unit = {
        let _ignored = 1;
    };
    println!("unit = {:?}", unit);

    let max = if y > 20 { y } else { 20 };
    println!("max = {}", max);
}
