#[derive(Debug)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}
use List::{Cons, Nil};

fn sum(l: &List) -> i32 {
    match l {
        Cons(v, rest) => v + sum(rest),
        Nil => 0,
    }
}

fn main() {
    let list = Cons(1, Box::new(Cons(2, Box::new(Cons(3, Box::new(Nil))))));
    println!("{:?}", list);
    println!("{:#?}", list);
    println!("sum {}", sum(&list));
    let b = Box::new(5);
    let c = *b + 1;
    println!("{} {}", b, c);
    let mut bx = Box::new(String::from("x"));
    bx.push_str("yz");
    println!("{} {}", bx, bx.len());
    let inner = *bx;
    println!("{}", inner);
}
