const SIZE: usize = 0;
fn main() {
    let data = [1u32, 2, 3];
    let mut sum = 0;
    for x in data {
        sum += x;
    }
    if SIZE > 0 {
        println!("{}", sum / SIZE as u32);
    } else {
        println!("empty, sum {}", sum);
    }
}
