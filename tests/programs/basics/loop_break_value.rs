// `loop` runs until `break`; `break value` makes the loop an expression.
fn main() {
    let mut counter = 0;
    let result = loop {
        counter += 1;
        if counter == 10 {
            break counter * 2;
        }
    };
    println!("result = {}", result);

    let mut a: u32 = 1071;
    let mut b: u32 = 462;
    let gcd = loop {
        if b == 0 {
            break a;
        }
        let r = a % b;
        a = b;
        b = r;
    };
    println!("gcd = {}", gcd);

    let mut i = 0;
    loop {
        i += 1;
        if i % 2 == 0 {
            continue;
        }
        if i > 7 {
            break;
        }
        println!("odd {}", i);
    }
}
