fn first_even(values: &Vec<i32>) -> Option<i32> {
    let first = values.first()?;
    if first % 2 == 0 { Some(*first) } else { None }
}

fn main() {
    println!("{:?}", first_even(&vec![4, 5]));
}
