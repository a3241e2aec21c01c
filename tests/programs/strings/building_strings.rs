// Building a string piece by piece in a loop, and comparing strings.
fn main() {
    let mut csv = String::new();
    for i in 1..=5 {
        if !csv.is_empty() {
            csv.push(',');
        }
        csv.push_str(&i.to_string());
        println!("{:?} len {} cap {}", csv, csv.len(), csv.capacity());
    }
    let mut line = String::new();
    let mut n = 0;
    while line.len() < 20 {
        line.push_str("ab");
        n += 1;
    }
    println!("{} pushes -> {} (len {} cap {})", n, line, line.len(), line.capacity());
    let a = String::from("apple");
    let b = String::from("banana");
    println!("{} {} {}", a == "apple", a == b, b.as_str() == "banana");
}
