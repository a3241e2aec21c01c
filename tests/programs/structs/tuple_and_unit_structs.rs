// Tuple structs name a tuple type; unit structs have no fields and take no space.
#[derive(Debug, Clone, Copy)]
struct Meters(f64);

#[derive(Debug)]
struct Rgb(u8, u8, u8);

#[derive(Debug)]
struct Marker;

impl Meters {
    fn to_feet(self) -> f64 {
        self.0 * 3.28084
    }
}

fn main() {
    let distance = Meters(100.0);
    println!("{:?} = {:.2} feet", distance, distance.to_feet());
    let Meters(raw) = distance;
    println!("raw = {}", raw);

    let mut orange = Rgb(255, 165, 0);
    orange.2 = 10;
    println!("{:?} red={}", orange, orange.0);
    let Rgb(r, g, b) = orange;
    println!("{} {} {}", r, g, b);

    let m = Marker;
    println!("{:?}", m);
    println!("sizes: Meters {} Rgb {} Marker {}",
        std::mem::size_of::<Meters>(),
        std::mem::size_of::<Rgb>(),
        std::mem::size_of::<Marker>());
}
