// Option<T> is either Some(value) or None; the compiler makes you handle both.
fn divide(a: i32, b: i32) -> Option<i32> {
    if b == 0 { None } else { Some(a / b) }
}

fn main() {
    let results = [divide(10, 2), divide(1, 0), divide(-9, 4)];
    for r in results {
        match r {
            Some(q) => println!("quotient {}", q),
            None => println!("cannot divide by zero"),
        }
        println!("  {:?} is_some {} is_none {}", r, r.is_some(), r.is_none());
    }
    let x = divide(100, 7).unwrap();
    let y = divide(3, 3).expect("3 is not zero");
    println!("{} {}", x, y);
    let name: Option<String> = Some(String::from("Ferris"));
    println!("{:?}", name);
    let nothing: Option<&str> = None;
    println!("{:?}", nothing);
    let nested: Option<Option<i32>> = Some(None);
    println!("{:?}", nested);
    if let Some(n) = &name {
        println!("hello {}", n);
    }
    println!("still have {:?}", name);
}
