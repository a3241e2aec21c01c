fn main() {
    let p = (3, 0);
    match p {
        (n, 0) | (0, n) => println!("on axis {}", n),
        _ => println!("off axis"),
    }
}
