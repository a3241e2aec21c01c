struct Node {
    val: u32,
    next: Option<Box<Node>>,
}

fn main() {
    let mut head: Option<Box<Node>> = None;
    let mut i = 0;
    while i < 3000 {
        head = Some(Box::new(Node { val: i, next: head }));
        i += 1;
    }
    let mut total = 0;
    let mut cur = &head;
    while let Some(node) = cur {
        total += node.val;
        cur = &node.next;
    }
    println!("{}", total);
}
