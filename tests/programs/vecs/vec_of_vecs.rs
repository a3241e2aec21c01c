// A Vec of Vecs: each row is its own heap buffer.
fn main() {
    let mut grid = vec![vec![0; 4]; 3];
    grid[1][2] = 7;
    grid[2][0] = 1;
    println!("{:?}", grid);
    grid[0].push(99);
    println!("row 0 len {} cap {}; row 1 len {} cap {}", grid[0].len(), grid[0].capacity(), grid[1].len(), grid[1].capacity());

    let mut triangle: Vec<Vec<u64>> = Vec::new();
    for row in 0..6 {
        let mut current = vec![1u64; row + 1];
        for col in 1..row {
            current[col] = triangle[row - 1][col - 1] + triangle[row - 1][col];
        }
        triangle.push(current);
    }
    for row in triangle.iter() {
        println!("{:?}", row);
    }
    println!("outer len {} cap {}", triangle.len(), triangle.capacity());
    let mut total = 0;
    for row in &triangle {
        for x in row {
            total += x;
        }
    }
    println!("total {}", total);
}
