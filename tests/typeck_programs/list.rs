#[derive(Debug)]
enum List { Cons(i32, Box<List>), Nil }
use List::{Cons, Nil};
impl List {
    fn sum(&self) -> i32 {
        match self {
            Cons(v, rest) => v + rest.sum(),
            Nil => 0,
        }
    }
}
struct Node { value: u8, next: Option<Box<Node>> }
fn length(node: &Node) -> usize {
    let mut count = 1;
    let mut cur = node;
    while let Some(next) = &cur.next {
        count += 1;
        cur = next;
    }
    count
}
fn main() {
    let list = Cons(1, Box::new(Cons(2, Box::new(Nil))));
    println!("{:?} {}", list, list.sum());
    let n = Node { value: 1, next: Some(Box::new(Node { value: 2, next: None })) };
    println!("{} {}", length(&n), n.value);
    if let Some(ref b) = n.next { println!("{}", b.value); }
}
