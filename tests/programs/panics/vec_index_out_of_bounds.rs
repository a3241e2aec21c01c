// Indexing past the end of a Vec panics instead of reading foreign memory.
fn main() {
    let v = vec![10, 20, 30];
    let mut i = 0;
    loop {
        println!("v[{}] = {}", i, v[i]);
        i += 1;
    }
}
