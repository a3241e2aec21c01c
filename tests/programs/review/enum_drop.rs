struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

enum Msg {
    Quit,
    Text(D),
    Pair { a: D, b: D },
}

fn handle(m: Msg) {
    match m {
        Msg::Quit => println!("quit"),
        Msg::Text(d) => println!("text {}", d.0),
        Msg::Pair { a, .. } => println!("pair a={}", a.0),
    }
    println!("handled");
}

fn main() {
    handle(Msg::Text(D("t")));
    handle(Msg::Pair { a: D("pa"), b: D("pb") });
    handle(Msg::Quit);
    let m = Msg::Pair { a: D("x"), b: D("y") };
    if let Msg::Pair { b, .. } = m {
        println!("got b {}", b.0);
    }
    println!("end");
}
