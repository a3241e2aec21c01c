#[derive(Debug, Clone)]
enum List {
    Cons(u32, Box<List>),
    Nil,
}

fn main() {
    let mut l = List::Nil;
    let mut i = 0;
    while i < 400 {
        l = List::Cons(i, Box::new(l));
        i += 1;
    }
    let c = l.clone();
    let s = format!("{:?}", c);
    println!("{}", s.len());
}
