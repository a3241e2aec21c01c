fn main() {
    let mut s = String::from("hello");
    let t = s.clone() + " world";
    s += "!";
    println!("{} | {}", s, t);
    let u = format!("{}-{}", s, t);
    println!("{} {}", u, u.capacity());
    let w = String::with_capacity(3);
    println!("{} {}", w.len(), w.capacity());
    let sl = &t[0..5];
    println!("{} {}", sl, sl.len());
    let x = 42.to_string();
    let y = 'c'.to_string();
    let z = 1.5.to_string();
    let q = "lit".to_owned();
    println!("{} {} {} {} {}", x, y, z, q, q.is_empty());
    let mut e = String::new();
    println!("{:?} {}", e, e.is_empty());
    e.push_str("abc");
    e.clear();
    println!("{:?} {} {}", e, e.len(), e.capacity());
    println!("{}", t.as_str().len());
    println!("{}", s == "hello!");
    println!("{}", "abc" < "abd");
}
