use std::collections::HashMap;

fn main() {
    let mut ages = HashMap::new();
    ages.insert("ann", 31);
    println!("{:?}", ages.get("ann"));
}
