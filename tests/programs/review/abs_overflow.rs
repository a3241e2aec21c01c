fn main() {
    let m = i32::MIN;
    let v = vec![m];
    println!("{}", v[0].abs());
}
