// A panic unwinds the stack: live values in every frame are dropped, innermost first, and their
// Drop output still reaches stdout.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn inner(limit: usize) {
    let _guard = Noisy("inner guard");
    let v = vec![Noisy("v0"), Noisy("v1")];
    println!("inner has {} items", v.len());
    let idx = limit * 2;
    println!("reading index {}", idx);
    let _item = &v[idx];
    println!("never printed");
}

fn middle() {
    let _m = Noisy("middle");
    let moved = Noisy("moved away");
    drop(moved);
    inner(1);
}

fn main() {
    let _a = Noisy("main a");
    {
        let _scoped = Noisy("scoped");
    }
    let _b = Noisy("main b");
    middle();
    println!("never printed");
}
