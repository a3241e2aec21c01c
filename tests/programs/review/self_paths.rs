#[derive(Debug, Clone, Copy, PartialEq)]
enum Dir {
    North,
    South,
}
impl Dir {
    fn flip(self) -> Self {
        match self {
            Self::North => Self::South,
            Self::South => Dir::North,
        }
    }
}
#[derive(Debug, Default)]
struct Counter {
    n: u32,
}
impl Counter {
    fn new() -> Self {
        Self { n: 0 }
    }
    fn tick(&mut self) -> &mut Self {
        self.n += 1;
        self
    }
}
fn main() {
    let d = Dir::North;
    println!("{:?} {:?} {}", d.flip(), d.flip().flip(), d == Dir::North);
    let mut c = Counter::new();
    c.tick().tick().tick();
    println!("{:?}", c);
    let z = Counter { n: 5, ..Default::default() };
    println!("{}", z.n);
    println!("{}", Dir::South as i32);
}
