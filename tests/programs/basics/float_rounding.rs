// Rounding with a precision: the printed digits come from the exact binary value.
fn main() {
    println!("{:.2}", 0.125);
    println!("{:.2}", 0.375);
    println!("{:.1}", 0.25);
    println!("{:.1}", 0.35);
    println!("{:.0}", 0.5);
    println!("{:.0}", 1.5);
    println!("{:.0}", 2.5);
    println!("{:.2}", 1.005);
    println!("{:.2}", 2.675);
    println!("{:.3}", -0.0005);
    println!("{:.2}", 100.0);
    println!("{:.4}", 3.14159265);
    let price: f64 = 19.999;
    println!("price {:.2}", price);
    let f: f32 = 2.675;
    println!("f32 {:.2} {:.6}", f, f);
}
