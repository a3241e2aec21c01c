const LIMIT: u32 = 3;
const NAMES: [&str; 3] = ["a", "b", "c"];
static GREETING: &str = "hi";
static COUNTS: [i32; 4] = [1, 2, 3, 4];

fn main() {
    let mut i = 0;
    while i < LIMIT {
        println!("{} {}", NAMES[i as usize], GREETING);
        i += 1;
    }
    println!("{:?} {}", COUNTS, COUNTS.len());
    println!("{LIMIT} {GREETING}");
    const LOCAL: i64 = -5 * 3;
    println!("{}", LOCAL);
}
