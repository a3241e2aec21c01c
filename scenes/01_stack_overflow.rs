//! A stack overflow
//! A function that calls itself never returns: its frames pile up until the 8 MiB stack is full.

// The program starts: main's frame is pushed on the stack. The main thread's stack is 8 MiB and grows downward.
fn main() {
    // main prints a line. So far the stack holds only main's frame, and the heap is empty.
    println!("calling foo");
    // To call foo, the CPU saves the return address, the place in main to come back to, and jumps into foo.
    foo();
}

// A call pushes a frame: return address, parameters, locals. foo has no parameters or locals, so its frame is the
// return address padded to 16 bytes. At 8 MiB: "thread 'main' has overflowed its stack".
fn foo() {
    // foo calls itself before it can return, so no frame is ever popped: 16 bytes per call, and about 524,000 calls
    // fill the 8 MiB.
    foo();
}
