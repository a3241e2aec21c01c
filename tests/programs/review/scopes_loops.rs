struct D(String);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let _outer = D(String::from("outer"));
    let mut i = 0;
    'outer: loop {
        let _a = D(format!("a{}", i));
        let mut j = 0;
        while j < 3 {
            let _b = D(format!("b{}{}", i, j));
            j += 1;
            if j == 1 {
                continue;
            }
            if i == 1 && j == 2 {
                break 'outer;
            }
            println!("body {} {}", i, j);
        }
        i += 1;
    }
    let v = loop {
        let _c = D(String::from("c"));
        break 7;
    };
    println!("v = {}", v);
    for k in 0..3 {
        let _d = D(format!("d{}", k));
        if k == 1 {
            continue;
        }
        println!("k {}", k);
    }
}
