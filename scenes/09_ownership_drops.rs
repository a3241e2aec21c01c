//! Ownership, moves and drops
//! Each heap block has one owner: a move hands it over, and the end of the owner's scope frees it.

// A type that prints when it is dropped, so the output shows exactly when Rust cleans up.
struct Noisy(&'static str);

impl Drop for Noisy {
    // Rust calls drop when a Noisy's owner goes away. Its frame holds self: a &mut
    // pointing at the value, still in its slot in main's frame.
    fn drop(&mut self) {
        // The value prints its name on the way out, so the output shows the order of the drops.
        println!("drop {}", self.0);
        // drop returns and its frame is popped. This Noisy is finished; its slot stays in
        // main's frame until the block's slots are all given up.
    }
}

// consume's frame is pushed on the stack. Its parameter v now owns the Vec: pointer,
// capacity and length were copied in, the heap block stayed put.
fn consume(v: Vec<i32>) {
    // consume reads its Vec. Nobody else can touch it: main gave it away.
    println!("consume got {} numbers", v.len());
    // v's owner is ending: Rust frees the 12-byte heap block here, inside
    // consume, and then pops its frame off the stack.
}

// main's frame is pushed on the stack, with room for every local it will have.
fn main() {
    // a owns a String: 24 bytes on the stack, the 5 bytes "order" on the heap.
    let a = String::from("order");
    // A move: the 24 bytes on the stack are copied into b and a is marked moved.
    // Nothing on the heap moved. Using a now would be error E0382.
    let b = a;
    // Only b can reach the text now, so only b will free it: one owner, one free.
    println!("b = {b}");
    // v owns a heap block of three i32: 12 bytes.
    let v = vec![1, 2, 3];
    // v is moved into consume. main's v is marked moved, so main will not free it again at its end.
    consume(v);
    {
        // An inner block is a scope of its own. first is a Noisy in main's frame; its
        // text is in static data, so nothing is on the heap.
        let first = Noisy("first");
        // second is declared after first, so it will be dropped before first.
        let second = Noisy("second");
        // Both are alive and usable until the block ends.
        println!("made {} and {}", first.0, second.0);
        // End of the block: locals are dropped in reverse order of declaration, so second goes before first.
    }
    // Back in main's scope: only b is still alive (a and v were moved away).
    println!("inner block is over");
    // End of main: b frees its String's heap block. a and v were moved out,
    // so they are skipped: nothing is freed twice.
}
