use std::thread;

fn main() {
    let handle = thread::spawn(move || 40 + 2);
    println!("{}", handle.join().unwrap());
}
