fn main() {
    let mut v = vec![1, 2, 3];
    v.push(4);
    let e: Vec<i32> = Vec::new(); let x = e.first().unwrap(); println!("{}", x);
}
