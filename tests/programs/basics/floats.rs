// How f64 and f32 values print with {}, {:?} and {:.2}.
fn main() {
    let a: f64 = 0.1 + 0.2;
    println!("0.1 + 0.2 = {}", a);
    println!("0.1 + 0.2 = {:.2}", a);
    let whole: f64 = 1.0;
    println!("{} {:?}", whole, whole);
    let third = 1.0 / 3.0;
    println!("{} {:.2} {:.5}", third, third, third);
    let small: f32 = 0.1;
    let sum32 = small + 0.2;
    println!("f32: {} {:?}", sum32, sum32);
    println!("f32 third: {}", 1.0f32 / 3.0);

    let big: f64 = 1e21;
    println!("{} {:?}", big, big);
    let tiny: f64 = 1e-7;
    println!("{} {:?}", tiny, tiny);
    let neg_zero: f64 = -0.0;
    println!("{} {:?}", neg_zero, neg_zero);

    let zero = 0.0;
    let inf = 1.0 / zero;
    let nan = zero / zero;
    println!("{} {} {}", inf, -inf, nan);
    println!("nan == nan: {}", nan == nan);

    let radius: f64 = 2.5;
    let area = 3.14159 * radius * radius;
    println!("area = {:.2}", area);
    println!("max f64 = {}", f64::MAX);
    println!("min positive = {:?}", f64::MIN_POSITIVE);
}
