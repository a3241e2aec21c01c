fn main() {
    let x: u8 = 250;
    let go = false;
    if go {
        let y = x + 10;
        println!("{}", y);
    }
    println!("fine");
}
