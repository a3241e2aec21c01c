// Vec growth for struct elements of different sizes.
#[derive(Debug, Clone, Copy)]
struct Point {
    x: i32,
    y: i32,
    z: i32,
}

#[derive(Debug)]
struct Record {
    id: u64,
    name: String,
    score: f64,
}

fn main() {
    let mut points: Vec<Point> = Vec::new();
    let mut records: Vec<Record> = Vec::new();
    for i in 0..9 {
        points.push(Point { x: i, y: i * 2, z: -i });
        records.push(Record { id: i as u64, name: format!("r{}", i), score: i as f64 / 2.0 });
        println!("len {}: points cap {}, records cap {}", points.len(), points.capacity(), records.capacity());
    }
    println!("{:?}", points[8]);
    println!("{:?}", records[3]);
    println!("size of Point = {}, Record = {}", std::mem::size_of::<Point>(), std::mem::size_of::<Record>());
}
