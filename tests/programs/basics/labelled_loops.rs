// Labels let `break` and `continue` reach an outer loop.
fn main() {
    let mut count = 0;
    'counting_up: loop {
        println!("count = {}", count);
        let mut remaining = 10;
        loop {
            println!("remaining = {}", remaining);
            if remaining == 9 {
                break;
            }
            if count == 2 {
                break 'counting_up;
            }
            remaining -= 1;
        }
        count += 1;
    }
    println!("end count = {}", count);

    'rows: for row in 0..4 {
        for col in 0..4 {
            if col > row {
                continue 'rows;
            }
            if row == 3 {
                break 'rows;
            }
            println!("({}, {})", row, col);
        }
    }

    let mut found = 0;
    'search: for a in 1..10 {
        for b in a..10 {
            if a * b == 24 {
                found = a * 10 + b;
                break 'search;
            }
        }
    }
    println!("found = {}", found);
}
