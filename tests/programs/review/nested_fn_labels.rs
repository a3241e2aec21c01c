fn main() {
    fn helper(x: i32) -> i32 {
        x * 3
    }
    let mut found = None;
    'search: for i in 0..10 {
        for j in 0..10 {
            if i * j == 42 {
                found = Some((i, j));
                break 'search;
            }
        }
    }
    println!("{:?}", found);
    let mut count = 0;
    'a: for i in 0..5 {
        'b: for j in 0..5 {
            if j > i {
                continue 'a;
            }
            if i == 4 {
                break 'b;
            }
            count += helper(j);
        }
    }
    println!("{}", count);
    let mut n = 27u64;
    let mut steps = 0;
    while n != 1 {
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
    }
    println!("collatz {}", steps);
}
