#[derive(Debug)]
enum E { A, B(u8) }
#[derive(Debug)]
struct U;
fn main() {
    println!("[{:6?}]", 'c');
    println!("[{:6?}]", true);
    println!("[{:8?}]", String::from("ab"));
    println!("[{:8?}]", ());
    println!("[{:8?}]", E::A);
    println!("[{:8?}]", E::B(3));
    println!("[{:8?}]", U);
    println!("[{:8?}]", (1, 2));
    println!("[{:>8?}]", 2.5);
    println!("[{:08.2?}]", 2.5);
    println!("[{:<4?}]", [1, 2]);
}
