fn main() {
    for c in 'a'..='e' {
        print!("{}", c);
    }
    println!();
    let mut n = 0;
    for i in (0..10) {
        n += i;
    }
    println!("{}", n);
}
