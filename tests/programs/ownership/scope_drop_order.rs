// Values are dropped at the end of their scope, in reverse order of declaration.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let _outer = Noisy("outer");
    {
        let _a = Noisy("a");
        let _b = Noisy("b");
        {
            let _c = Noisy("c");
            println!("end of innermost block");
        }
        println!("end of middle block");
    }
    let _d = Noisy("d");
    for i in 0..2 {
        let _loop_value = Noisy(if i == 0 { "loop 0" } else { "loop 1" });
        println!("end of iteration {}", i);
    }
    println!("end of main");
}
