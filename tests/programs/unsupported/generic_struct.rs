#[derive(Debug)]
struct Pair<T> {
    first: T,
    second: T,
}

fn main() {
    let p = Pair { first: 1, second: 2 };
    println!("{:?}", p);
}
