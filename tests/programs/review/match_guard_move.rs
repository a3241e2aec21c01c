#[derive(Debug)]
enum Cmd {
    Say(String),
    Repeat(String, u32),
    Stop,
}

fn run(c: Cmd) -> String {
    match c {
        Cmd::Say(s) if s.is_empty() => String::from("<silence>"),
        Cmd::Say(s) => s,
        Cmd::Repeat(s, n) if n > 2 => format!("{}x{}", s, n),
        Cmd::Repeat(s, _) => s.clone() + &s,
        Cmd::Stop => String::from("stop"),
    }
}

fn main() {
    let cmds = vec![
        Cmd::Say(String::new()),
        Cmd::Say(String::from("hi")),
        Cmd::Repeat(String::from("ab"), 3),
        Cmd::Repeat(String::from("cd"), 1),
        Cmd::Stop,
    ];
    for c in cmds {
        let d = format!("{:?}", c);
        println!("{} => {}", d, run(c));
    }
}
