// A singly linked list built from Option<Box<Node>>.
#[derive(Debug)]
struct Node {
    value: i32,
    next: Option<Box<Node>>,
}

fn push_front(head: Option<Box<Node>>, value: i32) -> Option<Box<Node>> {
    Some(Box::new(Node { value, next: head }))
}

fn len(list: &Option<Box<Node>>) -> usize {
    let mut count = 0;
    let mut current = list;
    while let Some(node) = current {
        count += 1;
        current = &node.next;
    }
    count
}

fn sum(list: &Option<Box<Node>>) -> i32 {
    match list {
        None => 0,
        Some(node) => node.value + sum(&node.next),
    }
}

fn main() {
    let mut list: Option<Box<Node>> = None;
    for v in 1..=4 {
        list = push_front(list, v * 10);
    }
    println!("{:?}", list);
    println!("len {} sum {}", len(&list), sum(&list));
    if let Some(head) = &mut list {
        head.value = 99;
    }
    let mut current = &list;
    while let Some(node) = current {
        println!("node {}", node.value);
        current = &node.next;
    }
    let second = list.unwrap().next;
    println!("after dropping the head: len {} sum {}", len(&second), sum(&second));
}
