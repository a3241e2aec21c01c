fn bump(s: &mut [i32]) {
    s[0] += 1;
}
fn main() {
    let mut v = vec![1, 2, 3];
    let part = &mut v[..];
    bump(part);
    bump(part);
    println!("{}", part[0]);
}
