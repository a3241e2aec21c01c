fn main() {
    let x = f64::NAN;
    println!("{}", x == x);
    println!("{}", (x, 1) == (x, 1));
    println!("{}", vec![x] == vec![x]);
    println!("{}", Some(x) == Some(x));
    let y = 0.0 / 0.0;
    println!("{}", [y] == [y]);
}
