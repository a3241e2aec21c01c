use std::rc::Rc;
struct Owner { name: String }
struct Gadget { id: i32, owner: Rc<Owner> }
fn main() {
    let owner = Rc::new(Owner { name: String::from("Gadget Man") });
    let g1 = Gadget { id: 1, owner: Rc::clone(&owner) };
    let g2 = Gadget { id: 2, owner: owner.clone() };
    drop(owner);
    println!("{} {} {}", g1.id, g1.owner.name, Rc::strong_count(&g2.owner));
    let shared = Rc::new(vec![1, 2, 3]);
    let len = shared.len();
    let first = shared[0];
    println!("{len} {first}");
}
