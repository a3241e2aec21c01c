fn main() {
    let z = 0.0f64;
    println!("{}", z.powi(-1));
    let big = 10.0f64;
    println!("{}", big.powi(400));
    let inf = f64::INFINITY;
    println!("{}", inf % 2.0);
}
