// `match` on integers: literals, ranges, alternatives, guards and `@` bindings.
fn describe(n: i32) -> String {
    match n {
        0 => String::from("zero"),
        1 | 2 | 3 => String::from("small"),
        4..=9 => String::from("single digit"),
        x @ 10..=99 => format!("two digits ({})", x),
        x if x < 0 => format!("negative ({})", x),
        _ => String::from("big"),
    }
}

fn main() {
    for n in [0, 2, 7, 42, -5, 1000] {
        println!("{} -> {}", n, describe(n));
    }

    let grade: u8 = 83;
    let letter = match grade {
        90..=100 => 'A',
        80..=89 => 'B',
        70..=79 => 'C',
        _ => 'F',
    };
    println!("grade {} is {}", grade, letter);

    let pair = (0, -2);
    match pair {
        (0, y) => println!("first is zero, y = {}", y),
        (x, 0) => println!("second is zero, x = {}", x),
        _ => println!("no zeros"),
    }
}
