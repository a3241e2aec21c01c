// A mutable reference lets you change the value it points at, through `*`.
fn add_one(n: &mut i32) {
    *n += 1;
}

fn push_twice(v: &mut Vec<String>, word: &str) {
    v.push(word.to_string());
    v.push(word.to_string());
}

fn main() {
    let mut x = 5;
    {
        let r = &mut x;
        *r += 10;
        *r *= 2;
    }
    println!("x = {}", x);
    add_one(&mut x);
    add_one(&mut x);
    println!("x = {}", x);

    let mut words = Vec::new();
    push_twice(&mut words, "hi");
    push_twice(&mut words, "yo");
    println!("{:?} cap {}", words, words.capacity());

    let mut s = String::from("hello");
    let r = &mut s;
    r.push_str(", world");
    println!("{}", s);

    let mut point = (1, 2);
    let px = &mut point.0;
    *px = 100;
    println!("{:?}", point);
}
