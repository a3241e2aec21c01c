// How big enums are: the tag, the largest variant, and niches that make the tag free.
use std::mem::size_of;

enum Tiny {
    A,
    B,
}

#[repr(u32)]
enum Wide {
    A,
    B,
}

enum Single {
    Only(u64),
}

enum Mixed {
    Byte(u8),
    Word(u32),
    Long(u64),
}

enum WithString {
    Empty,
    Text(String),
}

enum WithBox {
    Leaf,
    Node(Box<u64>),
}

enum Pair {
    One(u8, u8),
    Two(u16),
}

fn main() {
    println!("Tiny: {}", size_of::<Tiny>());
    println!("Wide: {}", size_of::<Wide>());
    println!("Single: {}", size_of::<Single>());
    println!("Mixed: {}", size_of::<Mixed>());
    println!("WithString: {}", size_of::<WithString>());
    println!("WithBox: {}", size_of::<WithBox>());
    println!("Pair: {}", size_of::<Pair>());
    let values = [Tiny::A, Tiny::B];
    let w = Wide::B;
    let s = Single::Only(1);
    let m = [Mixed::Byte(1), Mixed::Word(2), Mixed::Long(3)];
    let t = WithString::Text(String::from("x"));
    let b = WithBox::Node(Box::new(5));
    let p = Pair::One(1, 2);
    println!("{} {} {} {} {} {} {} {}",
        values.len(),
        match w { Wide::A => 0, Wide::B => 1 },
        match s { Single::Only(n) => n },
        match m[2] { Mixed::Byte(x) => x as u64, Mixed::Word(x) => x as u64, Mixed::Long(x) => x },
        match t { WithString::Empty => 0, WithString::Text(s) => s.len() },
        match b { WithBox::Leaf => 0, WithBox::Node(n) => *n },
        match p { Pair::One(a, b) => a as u16 + b as u16, Pair::Two(x) => x },
        match Tiny::A { Tiny::A => "A", Tiny::B => "B" });
}
