// usize cannot go below zero: a classic bug when counting down.
fn gap(a: usize, b: usize) -> usize {
    a - b
}

fn main() {
    let v = vec![1, 2, 3];
    println!("gap {}", gap(v.len(), 1));
    let empty: Vec<i32> = Vec::new();
    println!("last index {}", gap(empty.len(), 1));
}
