use std::mem;

#[derive(Debug, Default)]
struct S {
    name: String,
    n: i32,
}

fn main() {
    let x = 5;
    let x = x * 2;
    {
        let x = "inner";
        println!("{}", x);
    }
    println!("{}", x);
    let mut a = String::from("A");
    let mut b = String::from("B");
    mem::swap(&mut a, &mut b);
    println!("{} {}", a, b);
    let old = mem::replace(&mut a, String::from("C"));
    println!("{} {}", old, a);
    let taken = mem::take(&mut b);
    println!("{:?} {:?}", taken, b);
    let mut s = S { name: String::from("n"), n: 3 };
    let t = mem::take(&mut s);
    println!("{:?} {:?}", s, t);
    let d: S = Default::default();
    println!("{:#?}", d);
    let mut v = vec![1, 2, 3];
    let w = mem::take(&mut v);
    println!("{:?} {:?} {}", v, w, v.capacity());
    println!("{}", mem::size_of::<S>());
}
