// drop(x) ends a value's life early; the variable cannot be used after that.
struct Connection {
    id: u32,
}

impl Drop for Connection {
    fn drop(&mut self) {
        println!("closing connection {}", self.id);
    }
}

fn main() {
    let first = Connection { id: 1 };
    let second = Connection { id: 2 };
    let third = Connection { id: 3 };
    println!("opened {}, {}, {}", first.id, second.id, third.id);
    drop(second);
    println!("dropped the second early");
    std::mem::drop(first);
    println!("end of main");
}
