// `let _ = value` does not bind, so a temporary is dropped at once; `let _name` keeps it alive.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let _ = Noisy("underscore");
    println!("after let _");
    let _kept = Noisy("kept");
    println!("after let _kept");
    Noisy("statement");
    println!("after expression statement");
    let existing = Noisy("existing");
    let _ = existing;
    println!("let _ = existing does not move it: {}", existing.0);
    println!("end of main");
}
