// todo! is a placeholder that panics with "not yet implemented".
fn finished(x: u32) -> u32 {
    x * 2
}

fn unfinished(x: u32) -> u32 {
    if x > 100 {
        return x;
    }
    todo!("handle small values like {}", x)
}

fn main() {
    println!("{}", finished(21));
    println!("{}", unfinished(500));
    println!("{}", unfinished(5));
}
