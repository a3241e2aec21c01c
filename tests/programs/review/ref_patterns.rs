#[derive(Debug)]
struct Person {
    name: String,
    age: u8,
}
fn main() {
    let people = vec![
        Person { name: String::from("Ann"), age: 30 },
        Person { name: String::from("Bo"), age: 17 },
    ];
    for &Person { ref name, age } in &people {
        println!("{} {}", name, age);
    }
    for p in &people {
        let Person { name, age } = p;
        println!("{} is {}", name, age);
    }
    let mut nums = vec![1, 2, 3];
    for n in nums.iter_mut() {
        *n *= 10;
    }
    for &n in &nums {
        print!("{} ", n);
    }
    println!();
    let mut opt = Some(String::from("abc"));
    if let Some(ref mut s) = opt {
        s.push('d');
    }
    if let Some(s) = &mut opt {
        s.push('e');
    }
    match &opt {
        Some(s) if s.len() > 3 => println!("long {}", s),
        Some(s) => println!("short {}", s),
        None => println!("none"),
    }
    let pair = (1, String::from("x"));
    match pair {
        (0, _) => println!("zero"),
        (n, ref s) => println!("{} {}", n, s),
    }
    println!("{:?}", pair);
    let boxed = Box::new(Person { name: String::from("Cy"), age: 3 });
    let Person { name, age } = *boxed;
    println!("{} {}", name, age);
}
