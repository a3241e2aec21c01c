fn main() {
    let scores: Vec<u32> = Vec::new();
    let total: u32 = 0;
    let count = 0;
    let avg = if count == 0 { 0 } else { total / count };
    println!("avg {} of {}", avg, scores.len());
}
