// A Vec of zero-sized elements never allocates; its capacity is usize::MAX.
#[derive(Debug, Clone, Copy)]
struct Marker;

fn main() {
    let mut units: Vec<()> = Vec::new();
    println!("len {} cap {}", units.len(), units.capacity());
    units.push(());
    units.push(());
    println!("len {} cap {}", units.len(), units.capacity());
    let mut markers = vec![Marker; 3];
    markers.push(Marker);
    println!("{:?} len {} cap {}", markers, markers.len(), markers.capacity());
    println!("size_of::<Marker>() = {}", std::mem::size_of::<Marker>());
}
