#[derive(Debug, Clone, Copy)]
struct Marker;

fn main() {
    let mut v: Vec<Marker> = Vec::new();
    println!("{} {}", v.len(), v.capacity());
    v.push(Marker);
    v.push(Marker);
    println!("{} {} {:?}", v.len(), v.capacity() == usize::MAX, v);
    let mut u: Vec<()> = Vec::with_capacity(10);
    u.push(());
    println!("{} {}", u.len(), u.capacity() == usize::MAX);
    let w = vec![Marker; 3];
    println!("{:?}", w);
    let e: Vec<u8> = Vec::with_capacity(0);
    println!("{} {}", e.len(), e.capacity());
    let strs = vec![String::from("ab"); 3];
    println!("{:?}", strs);
    let zero = vec![String::from("gone"); 0];
    println!("{:?} {}", zero, zero.capacity());
    let b = Box::new(Marker);
    println!("{:?} {}", b, std::mem::size_of_val(&b));
}
