// Any number of shared references may read a value at the same time.
fn total_len(a: &String, b: &String) -> usize {
    a.len() + b.len()
}

fn largest(v: &Vec<i32>) -> i32 {
    let mut best = v[0];
    for x in v.iter() {
        if *x > best {
            best = *x;
        }
    }
    best
}

fn main() {
    let s = String::from("borrowed");
    let r1 = &s;
    let r2 = &s;
    println!("{} {} {}", s, r1, r2);
    println!("total {}", total_len(r1, &s));
    let v = vec![3, 17, 8];
    let rv = &v;
    println!("largest of {:?} is {}", rv, largest(rv));
    println!("len through ref {}, through value {}", rv.len(), v.len());
    let rr = &rv;
    println!("double ref sees {}", rr[1]);
    let x = 10;
    let rx = &x;
    println!("{} {}", *rx + 1, rx);
}
