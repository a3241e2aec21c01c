struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
struct Pair {
    a: D,
    b: D,
    c: D,
}
fn consume(d: D) {
    println!("consume {}", d.0);
}
fn give() -> D {
    let d = D("given");
    println!("giving");
    d
}
fn main() {
    let p = Pair { a: D("a"), b: D("b"), c: D("c") };
    consume(p.b);
    let a = p.a;
    println!("moved a {}", a.0);
    let g = give();
    let t = (D("t0"), D("t1"));
    let (x, _) = t;
    println!("x {}", x.0);
    let arr = [D("r0"), D("r1"), D("r2")];
    for d in arr {
        if d.0 == "r1" {
            break;
        }
        println!("arr {}", d.0);
    }
    let boxed = Box::new(D("boxed"));
    let inner = *boxed;
    println!("unboxed {} {}", inner.0, g.0);
}
