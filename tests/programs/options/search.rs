// Returning Option from a search, and using the answer.
#[derive(Debug)]
struct Item {
    name: String,
    price: u32,
}

fn position(items: &Vec<Item>, name: &str) -> Option<usize> {
    let mut i = 0;
    while i < items.len() {
        if items[i].name == name {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn cheapest(items: &Vec<Item>) -> Option<&Item> {
    let mut best: Option<&Item> = None;
    for item in items.iter() {
        best = match best {
            None => Some(item),
            Some(b) if item.price < b.price => Some(item),
            Some(b) => Some(b),
        };
    }
    best
}

fn main() {
    let items = vec![
        Item { name: String::from("pen"), price: 3 },
        Item { name: String::from("book"), price: 12 },
        Item { name: String::from("clip"), price: 1 },
    ];
    println!("{:?} {:?}", position(&items, "book"), position(&items, "lamp"));
    match position(&items, "clip") {
        Some(i) => println!("clip at {} costs {}", i, items[i].price),
        None => println!("no clip"),
    }
    println!("{:?}", cheapest(&items));
    let empty: Vec<Item> = Vec::new();
    println!("{:?}", cheapest(&empty));
}
