// Index assignment, swap, and a hand-written bubble sort.
fn main() {
    let mut v = vec![5, 2, 8, 1, 9, 3];
    v[0] = 7;
    v[5] += 100;
    println!("{:?}", v);
    v.swap(0, 5);
    println!("swap(0, 5): {:?}", v);
    let n = v.len();
    for i in 0..n {
        for j in 0..n - 1 - i {
            if v[j] > v[j + 1] {
                v.swap(j, j + 1);
            }
        }
    }
    println!("sorted: {:?}", v);
    let mut words = vec![String::from("first"), String::from("second")];
    words.swap(0, 1);
    words[0].push('!');
    println!("{:?}", words);
    words[1] = String::from("replaced");
    println!("{:?}", words);
}
