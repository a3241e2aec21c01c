// Temporaries live until the end of the statement that created them.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

impl Noisy {
    fn name_len(&self) -> usize {
        self.0.len()
    }
}

fn make(name: &'static str) -> Noisy {
    println!("make {}", name);
    Noisy(name)
}

fn main() {
    let n = make("temp").name_len();
    println!("n = {}", n);
    let total = make("left").name_len() + make("right").name_len();
    println!("total = {}", total);
    println!("printing {}", make("in println").0);
    let kept = make("kept");
    println!("end of main, kept {}", kept.0);
}
