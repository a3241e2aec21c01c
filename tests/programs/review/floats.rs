fn main() {
    let a: f32 = 0.1;
    let b: f32 = 0.2;
    println!("{} {:?} {}", a + b, a + b, (a + b) as f64);
    let c = 1.0f32 / 3.0;
    println!("{} {:.10} {:e}", c, c, c);
    let d = 2.0f64.sqrt();
    println!("{} {:.3} {:10.4}|{:<10.2}|", d, d, d, d);
    println!("{} {}", 1e300 * 1e10, -1e300 * 1e10);
    println!("{} {}", (0.1f64).powi(3), 2.0f64.powi(-2));
    println!("{} {}", (-8.0f64).abs(), (-2.5f32).abs());
    println!("{} {}", 7.5f64 % 2.0, -7.5f64 % 2.0);
    println!("{} {}", f32::MAX, f32::MIN_POSITIVE);
    println!("{:?} {:?}", f32::MAX, f32::EPSILON);
    println!("{}", 100000000.0f32);
    println!("{:?}", 123456789.0f32);
    println!("{}", 0.3f32 as f64);
    println!("{}", 1.0e-10f32);
    println!("{:?}", 1.0e-10f64);
    println!("{:?}", 12345678901234567890.0f64);
    let x = 5;
    let y = x as f64 / 2.0;
    println!("{}", y);
    println!("{}", 2.5f64.powi(0));
    println!("{:.2}", 1.005);
    println!("{:.1}", 0.05);
    println!("{}", f64::EPSILON);
    println!("{:?}", f64::MIN_POSITIVE);
}
