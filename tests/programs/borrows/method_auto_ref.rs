// Method calls borrow automatically: `c.get()` means `Counter::get(&c)`, `c.bump()` means `Counter::bump(&mut c)`.
#[derive(Debug)]
struct Counter {
    count: u32,
    label: String,
}

impl Counter {
    fn get(&self) -> u32 {
        self.count
    }

    fn bump(&mut self) {
        self.count += 1;
    }

    fn bump_by(&mut self, n: u32) -> u32 {
        for _ in 0..n {
            self.bump();
        }
        self.get()
    }

    fn label(&self) -> &str {
        &self.label
    }
}

fn bump_through(c: &mut Counter) {
    c.bump();
    c.label.push('+');
}

fn main() {
    let mut c = Counter { count: 0, label: String::from("clicks") };
    c.bump();
    Counter::bump(&mut c);
    println!("{} = {}", c.label(), c.get());
    println!("after bump_by: {}", c.bump_by(3));
    let r = &mut c;
    r.bump();
    bump_through(r);
    println!("{:?}", c);
    let boxed = Box::new(Counter { count: 7, label: String::from("boxed") });
    println!("{} {}", boxed.get(), boxed.label());
}
