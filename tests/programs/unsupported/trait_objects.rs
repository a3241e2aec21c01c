use std::fmt::Display;

fn main() {
    let items: Vec<Box<dyn Display>> = vec![Box::new(1), Box::new("two")];
    for item in items.iter() {
        println!("{}", item);
    }
}
