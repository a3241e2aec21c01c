// Moving one field out of a struct leaves the other fields to be dropped at scope end.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

struct Pair {
    left: Noisy,
    right: Noisy,
    count: u32,
}

fn consume(n: Noisy) {
    println!("consuming {}", n.0);
}

fn main() {
    let pair = Pair { left: Noisy("left"), right: Noisy("right"), count: 2 };
    let taken = pair.left;
    println!("took {}, count still {}", taken.0, pair.count);
    consume(taken);
    println!("right is still there: {}", pair.right.0);
    let tuple = (Noisy("t0"), Noisy("t1"));
    let (first, _) = tuple;
    println!("moved {} out of the tuple", first.0);
    println!("end of main");
}
