// A borrow lasts until its last use, so a later mutable borrow is fine (non-lexical lifetimes).
fn main() {
    let mut s = String::from("hello");
    let r1 = &s;
    let r2 = &s;
    println!("{} and {}", r1, r2);
    let r3 = &mut s;
    r3.push_str(" world");
    println!("{}", r3);
    println!("{}", s);

    let mut data = vec![1, 2, 3];
    let len = data.len();
    data.push(len as i32);
    let total = {
        let view = &data;
        view[0] + view[3]
    };
    data.push(total);
    println!("{:?}", data);
}
