fn get(o: Option<i32>) -> i32 {
    let Some(x) = o else {
        return -1;
    };
    x * 2
}

fn main() {
    println!("{}", get(Some(4)));
    println!("{}", get(None));
}
