fn grow(size: u32) -> u32 {
    size = size * 2;
    size
}

fn main() {
    println!("{}", grow(4));
}
