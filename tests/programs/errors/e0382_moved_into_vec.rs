#[derive(Debug)]
struct Ticket {
    id: u32,
}

fn main() {
    let t = Ticket { id: 7 };
    let mut queue = Vec::new();
    queue.push(t);
    println!("ticket {}", t.id);
    println!("{:?}", queue);
}
