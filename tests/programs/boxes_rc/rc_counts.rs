// Rc gives shared ownership: clones bump a count, and the value lives until the last Rc is gone.
use std::rc::Rc;

fn main() {
    let a = Rc::new(String::from("shared"));
    println!("after new: count {}", Rc::strong_count(&a));
    let b = Rc::clone(&a);
    println!("after clone: count {}", Rc::strong_count(&a));
    {
        let c = a.clone();
        println!("inner scope: count {}, c = {}", Rc::strong_count(&c), c);
    }
    println!("after inner scope: count {}", Rc::strong_count(&a));
    drop(b);
    println!("after drop(b): count {}", Rc::strong_count(&a));
    let v = vec![Rc::clone(&a), Rc::clone(&a), Rc::clone(&a)];
    println!("in a vec of {}: count {}", v.len(), Rc::strong_count(&a));
    drop(v);
    println!("vec dropped: count {}", Rc::strong_count(&a));
    println!("a = {}, len {}", a, a.len());
    println!("size of Rc<String> = {}", std::mem::size_of::<Rc<String>>());
}
