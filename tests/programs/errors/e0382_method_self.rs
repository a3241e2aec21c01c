struct Letter {
    text: String,
}

impl Letter {
    fn send(self) -> usize {
        self.text.len()
    }
}

fn main() {
    let letter = Letter { text: String::from("dear reader") };
    let sent = letter.send();
    println!("sent {} bytes", sent);
    let again = letter.send();
    println!("{}", again);
}
