// unwrap on None panics; the message points at the unwrap call.
fn find_even(values: &Vec<i32>) -> Option<i32> {
    for v in values.iter() {
        if *v % 2 == 0 {
            return Some(*v);
        }
    }
    None
}

fn main() {
    let a = vec![1, 4, 5];
    println!("found {}", find_even(&a).unwrap());
    let b = vec![1, 3, 5];
    let x = find_even(&b).unwrap();
    println!("never printed {}", x);
}
