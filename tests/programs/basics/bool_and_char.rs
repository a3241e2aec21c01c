// Booleans, short-circuit operators and chars (a char is 4 bytes, a Unicode scalar value).
fn is_positive(n: i32) -> bool {
    println!("checking {}", n);
    n > 0
}

fn main() {
    let t = true;
    let f = false;
    println!("{} {} {} {}", t && f, t || f, !t, t ^ f);
    println!("{:?}", t);
    // The right-hand side only runs when needed.
    let both = is_positive(-1) && is_positive(2);
    println!("both = {}", both);
    let either = is_positive(3) || is_positive(4);
    println!("either = {}", either);

    let c = 'z';
    let heart = '♥';
    let crab = '🦀';
    println!("{} {} {}", c, heart, crab);
    println!("{:?} {:?} {:?}", c, heart, crab);
    println!("{} {}", heart as u32, crab as u32);
    println!("{}", 'a' < 'b');
    println!("size of char: {}", std::mem::size_of::<char>());
    println!("size of bool: {}", std::mem::size_of::<bool>());
}
