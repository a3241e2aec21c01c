fn main() {
    let mut v = vec![1, 2, 3];
    v.push(4);
    let s = String::from("x"); let n: usize = 0; let r = s.len() - 1 - n - 1; println!("{}", r);
}
