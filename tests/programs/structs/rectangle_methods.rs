// A struct with an associated constructor and &self, &mut self and self methods.
#[derive(Debug)]
struct Rectangle {
    width: u32,
    height: u32,
}

impl Rectangle {
    fn new(width: u32, height: u32) -> Rectangle {
        Rectangle { width, height }
    }

    fn square(size: u32) -> Self {
        Self { width: size, height: size }
    }

    fn area(&self) -> u32 {
        self.width * self.height
    }

    fn can_hold(&self, other: &Rectangle) -> bool {
        self.width > other.width && self.height > other.height
    }

    fn scale(&mut self, factor: u32) {
        self.width *= factor;
        self.height *= factor;
    }

    fn into_dimensions(self) -> (u32, u32) {
        (self.width, self.height)
    }
}

fn main() {
    let mut r = Rectangle::new(30, 50);
    println!("{:?} has area {}", r, r.area());
    let s = Rectangle::square(10);
    println!("{:?} fits: {}", s, r.can_hold(&s));
    r.scale(2);
    println!("scaled: {:?}, area {}", r, r.area());
    let (w, h) = r.into_dimensions();
    println!("w = {}, h = {}", w, h);
    println!("size of Rectangle = {}", std::mem::size_of::<Rectangle>());
}
