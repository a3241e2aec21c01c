// Iterating by shared reference, by mutable reference, and by value.
fn main() {
    let mut v = vec![3, 1, 4, 1, 5, 9, 2, 6];
    let mut sum = 0;
    for x in v.iter() {
        sum += *x;
    }
    println!("sum = {}", sum);
    for x in v.iter_mut() {
        *x *= 10;
    }
    println!("{:?}", v);
    for x in &mut v {
        *x += 1;
    }
    let mut largest = v[0];
    for &x in &v {
        if x > largest {
            largest = x;
        }
    }
    println!("{:?} largest {}", v, largest);
    let words = vec![String::from("one"), String::from("two")];
    for w in &words {
        println!("{} ({} bytes)", w, w.len());
    }
    for w in words {
        println!("owned {}", w);
    }
}
