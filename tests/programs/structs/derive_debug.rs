// What #[derive(Debug)] prints for nested structs, enums, strings, options and vectors.
#[derive(Debug)]
enum Role {
    Admin,
    Guest { visits: u32 },
}

#[derive(Debug)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Debug)]
struct User {
    name: String,
    nickname: Option<String>,
    role: Role,
    home: Point,
    scores: Vec<u8>,
    initial: char,
    ratio: f64,
}

#[derive(Debug)]
struct Wrapper(Point, &'static str);

fn main() {
    let user = User {
        name: String::from("Ada \"the first\""),
        nickname: None,
        role: Role::Guest { visits: 3 },
        home: Point { x: -1, y: 2 },
        scores: vec![9, 10],
        initial: 'A',
        ratio: 0.5,
    };
    println!("{:?}", user);
    let admin = User {
        name: String::from("root"),
        nickname: Some(String::from("boss")),
        role: Role::Admin,
        home: Point { x: 0, y: 0 },
        scores: Vec::new(),
        initial: '\'',
        ratio: 1.0,
    };
    println!("{:?}", admin);
    println!("{:?}", Wrapper(Point { x: 5, y: 6 }, "tab\there"));
}
