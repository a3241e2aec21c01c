// A state machine driven by an enum.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Light {
    Red,
    Green,
    Yellow,
}

impl Light {
    fn next(self) -> Light {
        match self {
            Light::Red => Light::Green,
            Light::Green => Light::Yellow,
            Light::Yellow => Light::Red,
        }
    }

    fn seconds(&self) -> u32 {
        match self {
            Light::Red => 30,
            Light::Green => 25,
            Light::Yellow => 5,
        }
    }
}

fn main() {
    let mut light = Light::Red;
    let mut elapsed = 0;
    for tick in 0..7 {
        println!("tick {}: {:?} for {}s", tick, light, light.seconds());
        elapsed += light.seconds();
        light = light.next();
    }
    println!("elapsed {}s, now {:?}", elapsed, light);
    if light != Light::Green {
        println!("wait");
    }
}
