#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Vec2 {
    x: f64,
    y: f64,
}

impl Vec2 {
    fn new(x: f64, y: f64) -> Self {
        Vec2 { x, y }
    }
    fn len(&self) -> f64 {
        (self.x * self.x + self.y * self.y).sqrt()
    }
    fn scale(&mut self, k: f64) {
        self.x *= k;
        self.y *= k;
    }
    fn add(self, o: Vec2) -> Vec2 {
        Vec2::new(self.x + o.x, self.y + o.y)
    }
}

struct Stack {
    items: Vec<String>,
}

impl Stack {
    fn new() -> Stack {
        Stack { items: Vec::new() }
    }
    fn push(&mut self, s: &str) {
        self.items.push(s.to_string());
    }
    fn pop(&mut self) -> Option<String> {
        self.items.pop()
    }
    fn peek(&self) -> Option<&String> {
        self.items.last()
    }
    fn size(&self) -> usize {
        self.items.len()
    }
}

impl Drop for Stack {
    fn drop(&mut self) {
        println!("dropping stack with {} items", self.items.len());
    }
}

fn longest(a: &str, b: usize) -> usize {
    if a.len() >= b { a.len() } else { b }
}

fn main() {
    let mut a = Vec2::new(3.0, 4.0);
    println!("{}", a.len());
    a.scale(2.0);
    let b = a;
    let c = a.add(b);
    println!("{:?} {:?} {}", a, c, a == b);
    let d = Vec2::default();
    println!("{:?}", d);
    let mut s = Stack::new();
    s.push("a");
    s.push("bb");
    s.push("ccc");
    println!("{:?} {}", s.peek(), s.size());
    if let Some(top) = s.pop() {
        println!("popped {}", top);
    }
    println!("{:?}", s.peek());
    let l = longest("hello", 2);
    println!("{}", l);
    let owned = String::from("a longer one");
    println!("{}", longest(&owned, l));
    Stack::push(&mut s, "z");
    println!("{}", Stack::size(&s));
}
