// Values moved into a Vec are owned by it; removing them hands ownership back.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let mut v = Vec::new();
    let a = Noisy("a");
    v.push(a);
    v.push(Noisy("b"));
    v.push(Noisy("c"));
    v.push(Noisy("d"));
    println!("vec has {}", v.len());
    let last = v.pop();
    if let Some(n) = &last {
        println!("popped {}", n.0);
    }
    let removed = v.remove(0);
    println!("removed {}", removed.0);
    v.truncate(1);
    println!("truncated to {}", v.len());
    v.insert(0, Noisy("e"));
    v.clear();
    println!("cleared");
    v.push(Noisy("f"));
    println!("end of main");
}
