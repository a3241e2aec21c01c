fn find(v: &Vec<i32>, target: i32) -> Option<usize> {
    let mut i = 0;
    while i < v.len() {
        if v[i] == target {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn main() {
    let v = vec![3, 1, 4, 1, 5];
    let a = find(&v, 4);
    let b = find(&v, 9);
    println!("{:?} {:?} {} {}", a, b, a.is_some(), b.is_none());
    println!("{}", a.unwrap());
    let mut name: Option<String> = Some(String::from("bob"));
    let r = name.as_ref();
    println!("{:?}", r);
    let taken = name.take();
    println!("{:?} {:?}", taken, name);
    let e = taken.expect("should be there");
    println!("{}", e);
    println!("{:?} {:?} {:?}", v.first(), v.last(), v.get(10));
    println!("{}", v.contains(&5));
    let empty: Vec<i32> = Vec::new();
    println!("{:?}", empty.first());
    b.expect("no nine");
}
