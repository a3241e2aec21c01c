// Dropping the head of a list drops every node: each node's Drop runs, then its `next` field.
struct Node {
    name: String,
    next: Option<Box<Node>>,
}

impl Drop for Node {
    fn drop(&mut self) {
        println!("drop node {}", self.name);
    }
}

fn main() {
    let mut head: Option<Box<Node>> = None;
    for name in ["c", "b", "a"] {
        head = Some(Box::new(Node { name: String::from(name), next: head }));
    }
    println!("built a -> b -> c");
    let mut second = None;
    if let Some(node) = &mut head {
        second = node.next.take();
    }
    println!("detached the tail after a");
    head = None;
    println!("head cleared: {}", head.is_none());
    if let Some(node) = &mut second {
        node.name.push_str("2");
    }
    println!("end of main");
}
