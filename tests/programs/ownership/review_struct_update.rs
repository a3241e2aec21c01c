#[derive(Debug)]
struct Name(&'static str);
impl Drop for Name {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

struct Config {
    a: Name,
    b: Name,
    c: Name,
}

fn main() {
    let base = Config { a: Name("a0"), b: Name("b0"), c: Name("c0") };
    let next = Config { a: Name("a1"), ..base };
    println!("built {} {} {}", next.a.0, next.b.0, next.c.0);
}
