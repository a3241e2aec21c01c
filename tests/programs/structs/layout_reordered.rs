// rustc reorders the fields of a default (repr(Rust)) struct to avoid padding; repr(C) keeps declaration order.
use std::mem::{align_of, offset_of, size_of};

struct Mixed {
    a: u8,
    b: u32,
    c: u16,
}

#[repr(C)]
struct MixedC {
    a: u8,
    b: u32,
    c: u16,
}

struct Shuffled {
    a: u16,
    b: u8,
    c: u32,
    d: u8,
    e: u64,
}

#[repr(C)]
struct ShuffledC {
    a: u16,
    b: u8,
    c: u32,
    d: u8,
    e: u64,
}

fn main() {
    println!("Mixed: size {} align {}", size_of::<Mixed>(), align_of::<Mixed>());
    println!("  a @ {}, b @ {}, c @ {}", offset_of!(Mixed, a), offset_of!(Mixed, b), offset_of!(Mixed, c));
    println!("MixedC: size {} align {}", size_of::<MixedC>(), align_of::<MixedC>());
    println!("  a @ {}, b @ {}, c @ {}", offset_of!(MixedC, a), offset_of!(MixedC, b), offset_of!(MixedC, c));

    println!("Shuffled: size {} align {}", size_of::<Shuffled>(), align_of::<Shuffled>());
    println!(
        "  a @ {}, b @ {}, c @ {}, d @ {}, e @ {}",
        offset_of!(Shuffled, a),
        offset_of!(Shuffled, b),
        offset_of!(Shuffled, c),
        offset_of!(Shuffled, d),
        offset_of!(Shuffled, e)
    );
    println!("ShuffledC: size {} align {}", size_of::<ShuffledC>(), align_of::<ShuffledC>());
    println!(
        "  a @ {}, b @ {}, c @ {}, d @ {}, e @ {}",
        offset_of!(ShuffledC, a),
        offset_of!(ShuffledC, b),
        offset_of!(ShuffledC, c),
        offset_of!(ShuffledC, d),
        offset_of!(ShuffledC, e)
    );
    let m = Mixed { a: 1, b: 2, c: 3 };
    let s = ShuffledC { a: 1, b: 2, c: 3, d: 4, e: 5 };
    println!("{} {}", m.a as u32 + m.b + m.c as u32, s.a as u64 + s.b as u64 + s.c as u64 + s.d as u64 + s.e);
}
