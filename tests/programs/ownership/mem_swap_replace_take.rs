// mem::swap exchanges two values, mem::replace puts a new value in and hands back the old one,
// mem::take leaves the default value behind.
use std::mem;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let mut a = String::from("apple");
    let mut b = String::from("banana");
    mem::swap(&mut a, &mut b);
    println!("a = {}, b = {}", a, b);

    let mut v = vec![1, 2, 3];
    let old = mem::replace(&mut v, vec![9]);
    println!("old = {:?}, v = {:?}", old, v);

    let mut name = String::from("taken");
    let got = mem::take(&mut name);
    println!("got {:?}, left {:?} (cap {})", got, name, name.capacity());

    let mut list = vec![4, 5];
    let emptied = mem::take(&mut list);
    println!("{:?} {:?}", emptied, list);

    let mut x = Noisy("x1");
    let mut y = Noisy("y1");
    mem::swap(&mut x, &mut y);
    println!("x holds {}, y holds {}", x.0, y.0);
    let previous = mem::replace(&mut x, Noisy("x2"));
    println!("replaced {} with {}", previous.0, x.0);
    println!("end of main");
}
