// take() moves the value out and leaves None behind.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let mut slot: Option<String> = Some(String::from("payload"));
    let taken = slot.take();
    println!("taken {:?}, left {:?}", taken, slot);
    let again = slot.take();
    println!("again {:?}", again);

    let mut guard = Some(Noisy("guard"));
    println!("guard is_some {}", guard.is_some());
    let inner = guard.take();
    println!("took it; guard is_none {}", guard.is_none());
    drop(inner);
    println!("after drop(inner)");
    guard = Some(Noisy("second"));
    println!("replaced: {}", guard.is_some());
    guard = None;
    println!("set to None: {}", guard.is_none());
}
