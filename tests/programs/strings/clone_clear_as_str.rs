// clone copies the bytes into a buffer just big enough; clear keeps the buffer; as_str borrows.
fn shout(text: &str) -> String {
    let mut loud = String::from(text);
    loud.push('!');
    loud
}

fn main() {
    let mut original = String::with_capacity(32);
    original.push_str("ownership");
    let copy = original.clone();
    println!("original: {:?} len {} cap {}", original, original.len(), original.capacity());
    println!("copy:     {:?} len {} cap {}", copy, copy.len(), copy.capacity());

    let view: &str = original.as_str();
    println!("view {:?} has {} bytes", view, view.len());
    println!("{}", shout(view));
    println!("{}", shout(&copy));

    original.clear();
    println!("after clear: {:?} len {} cap {} empty {}", original, original.len(), original.capacity(), original.is_empty());
    println!("copy unaffected: {}", copy);
    println!("{}", copy == "ownership");
    println!("{}", copy != original);
}
