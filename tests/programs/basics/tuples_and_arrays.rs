// Tuples group values of different types; arrays hold a fixed number of one type, inline.
fn min_max(values: [i32; 5]) -> (i32, i32) {
    let mut lo = values[0];
    let mut hi = values[0];
    for i in 1..5 {
        if values[i] < lo {
            lo = values[i];
        }
        if values[i] > hi {
            hi = values[i];
        }
    }
    (lo, hi)
}

fn main() {
    let person = ("Ada", 36, 1.70);
    println!("{} is {} and {:.2} m tall", person.0, person.1, person.2);
    let (name, age, _) = person;
    println!("{:?} {:?}", name, age);
    println!("{:?}", person);

    let numbers = [4, -2, 9, 0, 3];
    let (lo, hi) = min_max(numbers);
    println!("min {} max {}", lo, hi);
    println!("{:?} has {} elements", numbers, numbers.len());

    let mut zeros = [0u8; 6];
    zeros[2] = 7;
    println!("{:?}", zeros);

    let mut grid = [[0; 3]; 2];
    grid[1][2] = 5;
    grid[0][0] = 1;
    println!("{:?}", grid);
    println!("size of [[i32; 3]; 2] = {}", std::mem::size_of::<[[i32; 3]; 2]>());
    let unit = ();
    println!("{:?} {}", unit, std::mem::size_of::<()>());
    let nested = ((1, 2), [3, 4], "five");
    println!("{:?}", nested);
}
