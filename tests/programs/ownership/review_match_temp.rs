struct D(i32);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop D({})", self.0);
    }
}

fn make(n: i32) -> D {
    D(n)
}

fn main() {
    match make(1) {
        D(0) => println!("zero"),
        D(_) => println!("other"),
    }
    println!("between");
    match make(2) {
        ref d => println!("got {}", d.0),
    }
    println!("end");
}
