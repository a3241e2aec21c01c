// Shadowing makes a new variable; the old one is still there until its scope ends.
fn main() {
    let x = 5;
    println!("x = {}", x);
    let x = x + 1;
    println!("x = {}", x);
    {
        let x = x * 2;
        println!("inner x = {}", x);
    }
    println!("x = {}", x);

    let spaces = "   ";
    let spaces = spaces.len();
    println!("spaces = {}", spaces);

    let value: i64 = 10;
    let value = value as u8;
    let value = value as char;
    println!("value = {:?}", value);
}
