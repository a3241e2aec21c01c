fn main() {
    let w = 8;
    println!("[{:>1$}]", 5, 8);
    println!("[{:>w$}]", 5);
    println!("[{:>width$.prec$}]", 3.14159, width = 10, prec = 2);
    println!("[{:.1$}]", 2.71828, 3);
    println!("[{:>0$}]", 6);
}
