// Constants are inlined where used; a static has one fixed address for the whole program.
const MAX_POINTS: u32 = 100_000;
const SECONDS_PER_HOUR: u64 = 60 * 60;
static GREETING: &str = "hello";
static LIMITS: [i32; 3] = [10, 20, 30];

fn hours_to_seconds(h: u64) -> u64 {
    h * SECONDS_PER_HOUR
}

fn main() {
    println!("max points = {}", MAX_POINTS);
    println!("3 hours = {} s", hours_to_seconds(3));
    println!("{}, world ({} bytes)", GREETING, GREETING.len());
    let mut total = 0;
    for i in 0..3 {
        total += LIMITS[i];
    }
    println!("limits {:?} total {}", LIMITS, total);
    const LOCAL: i32 = -7;
    println!("local const {}", LOCAL * 2);
}
