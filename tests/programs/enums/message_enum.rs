// An enum with methods that match on self, including nested patterns and guards.
#[derive(Debug)]
enum Message {
    Quit,
    Move { x: i32, y: i32 },
    Write(String),
    ChangeColor(u8, u8, u8),
}

impl Message {
    fn describe(&self) -> String {
        match self {
            Message::Quit => String::from("quit"),
            Message::Move { x: 0, y } => format!("vertical move by {}", y),
            Message::Move { x, y: 0 } => format!("horizontal move by {}", x),
            Message::Move { x, y } => format!("move to ({}, {})", x, y),
            Message::Write(text) if text.is_empty() => String::from("empty write"),
            Message::Write(text) => format!("write {:?} ({} bytes)", text, text.len()),
            Message::ChangeColor(r, _, b) if r == b => String::from("purple-ish"),
            Message::ChangeColor(r, g, b) => format!("color {} {} {}", r, g, b),
        }
    }

    fn is_quit(&self) -> bool {
        match self {
            Message::Quit => true,
            _ => false,
        }
    }
}

fn main() {
    let messages = vec![
        Message::Move { x: 0, y: 5 },
        Message::Move { x: 3, y: 0 },
        Message::Move { x: 1, y: 2 },
        Message::Write(String::new()),
        Message::Write(String::from("héllo")),
        Message::ChangeColor(7, 0, 7),
        Message::ChangeColor(1, 2, 3),
        Message::Quit,
    ];
    for m in messages.iter() {
        println!("{:?}: {} (quit: {})", m, m.describe(), m.is_quit());
    }
}
