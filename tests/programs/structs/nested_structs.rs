// Structs inside structs: field paths, assignment through them, and copying a whole field out.
#[derive(Debug, Clone, Copy)]
struct Point {
    x: f64,
    y: f64,
}

#[derive(Debug)]
struct Line {
    start: Point,
    end: Point,
}

impl Line {
    fn length(&self) -> f64 {
        let dx = self.end.x - self.start.x;
        let dy = self.end.y - self.start.y;
        let sq = dx * dx + dy * dy;
        // Newton's method, to stay inside plain arithmetic.
        let mut guess = sq / 2.0;
        for _ in 0..20 {
            guess = (guess + sq / guess) / 2.0;
        }
        guess
    }

    fn translate(&mut self, dx: f64, dy: f64) {
        self.start.x += dx;
        self.start.y += dy;
        self.end.x += dx;
        self.end.y += dy;
    }
}

fn main() {
    let mut line = Line {
        start: Point { x: 0.0, y: 0.0 },
        end: Point { x: 3.0, y: 4.0 },
    };
    println!("{:?}", line);
    println!("length {:.3}", line.length());
    line.translate(1.5, -1.0);
    println!("{:?}", line);
    line.end.y = 10.0;
    let copied = line.start;
    line.start.x = 100.0;
    println!("copied {:?}, start now {:?}", copied, line.start);
    println!("length {:.3}", line.length());
    println!("size of Line = {}", std::mem::size_of::<Line>());
}
