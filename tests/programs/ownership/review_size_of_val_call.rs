use std::mem::size_of_val;

fn make() -> [u64; 3] {
    println!("make called");
    [1, 2, 3]
}

fn main() {
    let n = size_of_val(&make());
    println!("{}", n);
}
