// `while` loops: a countdown and the Collatz sequence.
fn main() {
    let mut n = 3;
    while n > 0 {
        println!("{}...", n);
        n -= 1;
    }
    println!("liftoff");

    let mut x: u64 = 27;
    let mut steps = 0;
    let mut highest = x;
    while x != 1 {
        if x % 2 == 0 {
            x /= 2;
        } else {
            x = 3 * x + 1;
        }
        if x > highest {
            highest = x;
        }
        steps += 1;
    }
    println!("27 reaches 1 after {} steps, peaking at {}", steps, highest);
}
