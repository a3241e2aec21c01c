// Arrays are bounds-checked too when the index is only known at run time.
fn pick(arr: [u8; 4], index: usize) -> u8 {
    arr[index]
}

fn main() {
    let data = [1, 2, 3, 4];
    println!("{}", pick(data, 3));
    println!("{}", pick(data, 4));
}
