fn main() {
    let a = 'q';
    let b = 'f';
    println!("{} {}", a.max(b), a.min(b));
    let t = true.max(false);
    println!("{}", t);
    let s = String::from("pear").max(String::from("apple"));
    println!("{}", s);
}
