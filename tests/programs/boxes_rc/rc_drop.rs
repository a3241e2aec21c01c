// The value behind an Rc is dropped exactly once, when the last owner goes away.
use std::rc::Rc;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

struct Owner {
    name: &'static str,
    shared: Rc<Noisy>,
}

impl Drop for Owner {
    fn drop(&mut self) {
        println!("drop owner {} (count before: {})", self.name, Rc::strong_count(&self.shared));
    }
}

fn main() {
    let config = Rc::new(Noisy("config"));
    let first = Owner { name: "first", shared: Rc::clone(&config) };
    let second = Owner { name: "second", shared: Rc::clone(&config) };
    println!("count = {}", Rc::strong_count(&config));
    drop(config);
    println!("dropped the original handle");
    drop(first);
    println!("dropped first, second still sees {}", second.shared.0);
    println!("end of main");
}
