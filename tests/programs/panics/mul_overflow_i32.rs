// Multiplication overflow while computing a factorial in i32.
fn main() {
    let mut acc: i32 = 1;
    for n in 1..20 {
        acc *= n;
        println!("{}! = {}", n, acc);
    }
}
