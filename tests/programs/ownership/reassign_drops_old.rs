// Assigning a new value to a variable drops the old value first (after the new one is built).
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn make(name: &'static str) -> Noisy {
    println!("make {}", name);
    Noisy(name)
}

fn main() {
    let mut current = make("first");
    current = make("second");
    println!("now {}", current.0);
    current = make("third");
    println!("now {}", current.0);
    let mut s = String::from("old text");
    println!("{} cap {}", s, s.capacity());
    s = String::from("new");
    println!("{} cap {}", s, s.capacity());
    println!("end of main");
}
