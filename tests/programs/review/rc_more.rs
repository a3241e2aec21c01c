use std::rc::Rc;
struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
#[derive(Debug)]
struct Shared {
    data: Rc<Vec<i32>>,
    tag: u8,
}
fn count(r: &Rc<D>) -> usize {
    Rc::strong_count(r)
}
fn main() {
    let v = Rc::new(vec![1, 2, 3]);
    let a = Shared { data: Rc::clone(&v), tag: 1 };
    let b = Shared { data: v.clone(), tag: 2 };
    println!("{} {} {:?}", v.len(), Rc::strong_count(&v), a);
    println!("{}", b.data[1] + a.data[2]);
    drop(a);
    println!("{}", Rc::strong_count(&v));
    let d = Rc::new(D("shared"));
    let list = vec![Rc::clone(&d), Rc::clone(&d), d.clone()];
    println!("{} {}", count(&d), list.len());
    drop(d);
    println!("dropped d");
    let first = list[0].clone();
    drop(list);
    println!("dropped list {}", Rc::strong_count(&first));
    let e = first;
    println!("moved {}", count(&e));
    let s: Rc<String> = Rc::new(String::from("text"));
    println!("{} {} {:?}", s, s.len(), s);
}
