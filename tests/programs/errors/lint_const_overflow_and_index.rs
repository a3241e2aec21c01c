// rustc refuses arithmetic and indexing it can prove will panic (deny-by-default lints), before anything runs.
fn main() {
    let x: u8 = 255;
    let y = x + 1;
    let a = [1, 2, 3];
    let i = 3;
    let z = a[i];
    let d = 0;
    let q = 10 / d;
    let mut m: i32 = 2147483647;
    m += 1;
    println!("{y} {z} {q} {m}");
}
