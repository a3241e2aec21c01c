// The classic recursive enum: without the Box, List would have infinite size.
#[derive(Debug)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}

fn total(list: &List) -> i32 {
    match list {
        List::Cons(value, rest) => value + total(rest),
        List::Nil => 0,
    }
}

fn depth(list: &List) -> u32 {
    match list {
        List::Cons(_, rest) => 1 + depth(rest),
        List::Nil => 0,
    }
}

fn main() {
    let list = List::Cons(1, Box::new(List::Cons(2, Box::new(List::Cons(3, Box::new(List::Nil))))));
    println!("{:?}", list);
    println!("total {} depth {}", total(&list), depth(&list));
    println!("size of List = {}", std::mem::size_of::<List>());
    let longer = List::Cons(0, Box::new(list));
    println!("total {} depth {}", total(&longer), depth(&longer));
}
