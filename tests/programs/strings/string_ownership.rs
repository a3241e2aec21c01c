// Strings move; &str and &String borrow. Functions can borrow, take, or return ownership.
fn length(s: &String) -> usize {
    s.len()
}

fn describe(s: &str) -> String {
    format!("{:?} ({} bytes)", s, s.len())
}

fn take(s: String) -> String {
    let mut s = s;
    s.push_str(" (taken)");
    s
}

fn main() {
    let s1 = String::from("hello world");
    println!("{} has {} bytes", s1, length(&s1));
    println!("{}", describe(&s1));
    let s2 = s1;
    println!("s2 = {}", s2);
    let s3 = take(s2);
    println!("s3 = {} (cap {})", s3, s3.capacity());
    let literal: &'static str = "static text";
    println!("{}", describe(literal));
    let mut s4 = s3.clone();
    s4.clear();
    s4.push_str("new");
    println!("{} / {}", s3, s4);
}
