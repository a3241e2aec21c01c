// The three regions: a string literal lives in static data, a String copies it to the heap,
// and the String's pointer, capacity and length live on the stack.
struct Classroom {
    name: String,
    seats: Vec<u32>,
}

fn main() {
    let greeting: &str = "Hello World!";
    let mut owned = String::from(greeting);
    owned.push_str(" again");
    let mut room = Classroom { name: owned, seats: Vec::new() };
    for seat in 1..=5 {
        room.seats.push(seat);
        println!("{} seats, capacity {}", room.seats.len(), room.seats.capacity());
    }
    println!("{} has {} bytes of name", room.name, room.name.len());
}
