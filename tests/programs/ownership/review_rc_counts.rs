use std::rc::Rc;

#[derive(Debug)]
struct Node {
    name: String,
}
impl Drop for Node {
    fn drop(&mut self) {
        println!("drop node {}", self.name);
    }
}

fn main() {
    let a = Rc::new(Node { name: String::from("a") });
    println!("count {}", Rc::strong_count(&a));
    {
        let b = Rc::clone(&a);
        let c = a.clone();
        println!("count {} {:?}", Rc::strong_count(&b), c);
        drop(c);
        println!("count {}", Rc::strong_count(&a));
    }
    println!("count {}", Rc::strong_count(&a));
    match a.clone() {
        ref r => println!("in match {}", Rc::strong_count(r)),
    }
    println!("after match {}", Rc::strong_count(&a));
    let v = vec![a.clone(), a.clone()];
    println!("vec {} {}", v.len(), Rc::strong_count(&a));
    drop(v);
    println!("end {}", Rc::strong_count(&a));
}
