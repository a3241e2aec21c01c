// Asking for more than isize::MAX bytes is a panic inside std, reported at std's own source line.
fn main() {
    let v: Vec<u64> = Vec::with_capacity(usize::MAX);
    println!("{}", v.len());
}
