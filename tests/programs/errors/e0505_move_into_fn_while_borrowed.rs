fn consume(v: Vec<u8>) {
    println!("{}", v.len());
}

fn main() {
    let data = vec![1u8, 2, 3];
    let first = &data[0];
    consume(data);
    println!("{}", first);
}
