// unreachable! marks code that should never run; reaching it panics.
fn weekday(n: u8) -> &'static str {
    match n % 7 {
        0 => "Sun",
        1 => "Mon",
        2 => "Tue",
        3 => "Wed",
        4 => "Thu",
        5 => "Fri",
        6 => "Sat",
        other => unreachable!("n % 7 was {}", other),
    }
}

fn parity(n: u32) -> &'static str {
    match n % 2 {
        0 => "even",
        1 => "odd",
        _ => unreachable!(),
    }
}

fn main() {
    println!("{} {} {}", weekday(0), weekday(10), parity(7));
    let v: Vec<u32> = Vec::new();
    if v.is_empty() {
        unreachable!();
    }
}
