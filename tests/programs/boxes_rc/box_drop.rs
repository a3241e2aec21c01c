// Dropping a Box drops its contents; moving out of a Box with * frees the box but keeps the value.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn make_boxed(name: &'static str) -> Box<Noisy> {
    println!("boxing {}", name);
    Box::new(Noisy(name))
}

fn main() {
    let a = make_boxed("a");
    {
        let b = make_boxed("b");
        println!("inner scope has {}", b.0);
    }
    let c = make_boxed("c");
    let unboxed: Noisy = *c;
    println!("unboxed {}", unboxed.0);
    let boxes = vec![make_boxed("v1"), make_boxed("v2")];
    println!("{} boxes", boxes.len());
    drop(a);
    println!("end of main");
}
