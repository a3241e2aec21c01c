// A value passed by value is owned by the callee and dropped when the callee returns, unless returned.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn inspect(n: &Noisy) {
    println!("inspecting {}", n.0);
}

fn consume(n: Noisy) {
    println!("consuming {}", n.0);
}

fn pass_through(n: Noisy) -> Noisy {
    println!("passing {} through", n.0);
    n
}

fn consume_two(a: Noisy, b: Noisy) {
    println!("got {} and {}", a.0, b.0);
}

fn main() {
    let a = Noisy("a");
    inspect(&a);
    consume(a);
    println!("back in main");
    let b = pass_through(Noisy("b"));
    println!("main owns {}", b.0);
    consume_two(Noisy("x"), Noisy("y"));
    println!("end of main");
}
