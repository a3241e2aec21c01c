// #[derive(Default)] and struct update syntax.
#[derive(Debug, Default)]
struct Config {
    verbose: bool,
    level: u8,
    name: String,
    ratio: f64,
    tags: Vec<String>,
    limit: Option<u32>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Counter(u64);

fn main() {
    let c = Config::default();
    println!("{:?}", c);
    let custom = Config {
        level: 3,
        name: String::from("custom"),
        ..Default::default()
    };
    println!("{:?}", custom);
    let verbose = Config { verbose: true, ..custom };
    println!("{:?}", verbose);
    let n: Counter = Default::default();
    println!("{:?} is default: {}", n, n == Counter(0));
    let s: String = Default::default();
    let v: Vec<i32> = Default::default();
    println!("{:?} {:?} {}", s, v, v.capacity());
}
