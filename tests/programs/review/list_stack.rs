struct Node {
    elem: i32,
    next: Option<Box<Node>>,
}
pub struct Stack {
    head: Option<Box<Node>>,
    len: usize,
}
impl Stack {
    fn new() -> Self {
        Stack { head: None, len: 0 }
    }
    fn push(&mut self, elem: i32) {
        let new_node = Box::new(Node { elem, next: self.head.take() });
        self.head = Some(new_node);
        self.len += 1;
    }
    fn pop(&mut self) -> Option<i32> {
        match self.head.take() {
            None => None,
            Some(node) => {
                self.head = node.next;
                self.len -= 1;
                Some(node.elem)
            }
        }
    }
    fn peek(&self) -> Option<&i32> {
        match &self.head {
            Some(node) => Some(&node.elem),
            None => None,
        }
    }
    fn peek_mut(&mut self) -> Option<&mut i32> {
        match &mut self.head {
            Some(node) => Some(&mut node.elem),
            None => None,
        }
    }
}
impl Drop for Stack {
    fn drop(&mut self) {
        let mut cur = self.head.take();
        let mut n = 0;
        while let Some(mut node) = cur {
            cur = node.next.take();
            n += 1;
        }
        println!("dropped {} nodes", n);
    }
}
fn main() {
    let mut s = Stack::new();
    println!("{:?}", s.pop());
    s.push(1);
    s.push(2);
    s.push(3);
    println!("{:?} {}", s.peek(), s.len);
    if let Some(v) = s.peek_mut() {
        *v *= 10;
    }
    println!("{:?}", s.pop());
    println!("{:?}", s.pop());
    s.push(4);
    for i in 0..1000 {
        s.push(i);
    }
    println!("len {}", s.len);
}
