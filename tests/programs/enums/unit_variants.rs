// C-like enums: implicit and explicit discriminants, casts to integers, and match.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Direction {
    North,
    East,
    South,
    West,
}

#[derive(Debug)]
enum HttpStatus {
    Ok = 200,
    NotFound = 404,
    Teapot = 418,
}

impl Direction {
    fn turn_right(self) -> Direction {
        match self {
            Direction::North => Direction::East,
            Direction::East => Direction::South,
            Direction::South => Direction::West,
            Direction::West => Direction::North,
        }
    }
}

fn main() {
    let mut d = Direction::North;
    for _ in 0..5 {
        println!("{:?} = {}", d, d as i32);
        d = d.turn_right();
    }
    println!("{}", d == Direction::East);
    println!("{:?} {}", HttpStatus::Ok, HttpStatus::Ok as u16);
    println!("{:?} {}", HttpStatus::NotFound, HttpStatus::NotFound as i32);
    println!("{:?} {}", HttpStatus::Teapot, HttpStatus::Teapot as u8);
    println!("size of Direction = {}", std::mem::size_of::<Direction>());
    println!("size of HttpStatus = {}", std::mem::size_of::<HttpStatus>());
}
