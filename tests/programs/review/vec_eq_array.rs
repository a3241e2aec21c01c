fn main() {
    let v = vec![1, 2, 3];
    println!("{}", v == [1, 2, 3]);
    let s = &v[..2];
    println!("{}", s == [1, 2]);
    println!("{}", [1, 2] == s);
    let arr = [4, 5];
    let w = vec![4, 5];
    println!("{}", w == arr);
    assert_eq!(v, [1, 2, 3]);
    println!("ok");
}
