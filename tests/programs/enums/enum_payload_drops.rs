// An enum owns its variant's data: replacing the value drops the old variant's payload.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

enum Slot {
    Empty,
    One(Noisy),
    Two(Noisy, Noisy),
}

fn describe(slot: &Slot) -> &'static str {
    match slot {
        Slot::Empty => "empty",
        Slot::One(_) => "one",
        Slot::Two(_, _) => "two",
    }
}

fn main() {
    let mut slot = Slot::One(Noisy("first"));
    println!("slot holds {}", describe(&slot));
    slot = Slot::Two(Noisy("second"), Noisy("third"));
    println!("slot holds {}", describe(&slot));
    slot = Slot::Empty;
    println!("slot holds {}", describe(&slot));
    slot = Slot::One(Noisy("last"));
    println!("slot holds {}", describe(&slot));
    if let Slot::One(n) = slot {
        println!("took {} out", n.0);
    }
    println!("end of main");
}
