// extend_from_slice appends copies (clones) of a slice's elements.
fn main() {
    let mut v: Vec<i32> = Vec::new();
    v.extend_from_slice(&[1, 2, 3]);
    println!("{:?} len {} cap {}", v, v.len(), v.capacity());
    v.extend_from_slice(&[4, 5]);
    println!("{:?} len {} cap {}", v, v.len(), v.capacity());
    let more = vec![6, 7, 8, 9, 10, 11, 12];
    v.extend_from_slice(&more);
    println!("{:?} len {} cap {}", v, v.len(), v.capacity());
    println!("more still usable: {:?}", more);
    let mut bytes: Vec<u8> = Vec::new();
    bytes.extend_from_slice(&[0; 20]);
    println!("bytes len {} cap {}", bytes.len(), bytes.capacity());
    let mut names = vec![String::from("x")];
    let extra = [String::from("y"), String::from("z")];
    names.extend_from_slice(&extra);
    println!("{:?} {:?} cap {}", names, extra, names.capacity());
}
