// A Vec<String> holds 24-byte String headers; each String owns its own heap buffer.
fn main() {
    let mut names: Vec<String> = Vec::new();
    let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];
    for w in words {
        names.push(String::from(w));
        println!("len {} cap {} last {:?}", names.len(), names.capacity(), names[names.len() - 1]);
    }
    println!("{:?}", names);
    names[1].push_str("-modified");
    println!("{:?}", names[1]);
    let mut total = 0;
    for n in names.iter() {
        total += n.len();
    }
    println!("total bytes in strings: {}", total);
    println!("size of String = {}", std::mem::size_of::<String>());
}
