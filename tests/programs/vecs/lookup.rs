// contains, get, first and last: looking at elements without risking a panic.
fn main() {
    let v = vec![10, 20, 30];
    println!("contains 20: {}, contains 25: {}", v.contains(&20), v.contains(&25));
    println!("get(1) = {:?}, get(3) = {:?}", v.get(1), v.get(3));
    println!("first = {:?}, last = {:?}", v.first(), v.last());
    let empty: Vec<i32> = Vec::new();
    println!("empty first = {:?}, last = {:?}", empty.first(), empty.last());
    match v.get(2) {
        Some(x) => println!("third is {}", x),
        None => println!("no third"),
    }
    if let Some(x) = v.get(7) {
        println!("eighth is {}", x);
    } else {
        println!("no eighth");
    }
    let names = vec![String::from("ann"), String::from("bob")];
    println!("{:?} {}", names.first(), names.contains(&String::from("bob")));
    println!("v[0] + v[2] = {}", v[0] + v[2]);
}
