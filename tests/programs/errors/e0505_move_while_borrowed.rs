fn main() {
    let s = String::from("owned");
    let r = &s;
    let moved = s;
    println!("{} {}", r, moved);
}
