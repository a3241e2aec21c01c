fn main() {
    let factor = 3;
    let triple = |x: i32| x * factor;
    println!("{}", triple(5));
}
