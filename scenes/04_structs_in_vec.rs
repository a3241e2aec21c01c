//! Structs inside a Vec
//! Structs pushed into a Vec sit side by side in one heap buffer; the Vec on the stack stays 24 bytes.

struct Point {
    x: i32,
    y: i32,
}

// main's frame is pushed on the stack, with room for two locals: the Vec points and a Point called first.
fn main() {
    // An empty Vec: 24 bytes on the stack (pointer, capacity, length), capacity 0, and no heap buffer yet.
    let mut points: Vec<Point> = Vec::new();
    // first is a Point built on the stack: two i32 fields, 8 bytes, right inside main's frame.
    let first = Point { x: 1, y: 2 };
    // Pushing moves first into the Vec: its 8 bytes are copied into a new heap buffer with room for 4 Points. The
    // stack slot stays behind, marked moved.
    points.push(first);
    // The second Point goes right next to the first in the same heap buffer: no pointer to it, no allocation of its
    // own, just the next 8 bytes.
    points.push(Point { x: 3, y: 4 });
    // Three Points now sit side by side, 24 bytes in one 32-byte heap block. The Vec still holds only pointer,
    // capacity and length.
    points.push(Point { x: 5, y: 6 });
    // A Point is 8 bytes, and a Vec<Point> is 24 bytes however many Points it holds: they live in the heap buffer,
    // not in the Vec.
    println!("Point: {} bytes, Vec<Point>: {} bytes", size_of::<Point>(), size_of::<Vec<Point>>());
    // Length 3, capacity 4: one spare place for a Point at the end of the buffer.
    println!("len {}, capacity {}", points.len(), points.capacity());
    // Element 1 is at the buffer's address plus 1 × 8 bytes: the write of 30 goes straight there, in the heap. Side
    // by side means no searching.
    points[1].x = 30;
    // Reading points[1] follows the pointer on the stack into the heap buffer, 8 bytes in.
    println!("points[1] = ({}, {})", points[1].x, points[1].y);
    // main ends: dropping the Vec frees its one heap buffer, all three Points with it. first was moved, so nothing is
    // dropped for it. Then the frame is popped.
}
