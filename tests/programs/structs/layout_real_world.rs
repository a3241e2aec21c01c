// Layouts of structs with String, Vec, Option and nested struct fields.
use std::mem::{align_of, offset_of, size_of};

struct Person {
    name: String,
    age: u8,
    email: Option<String>,
}

struct Account {
    id: u64,
    active: bool,
    balance: i64,
    owner: String,
}

struct Small {
    a: u8,
    b: u16,
}

struct Outer {
    flag: bool,
    inner: Small,
    id: u64,
}

struct Buffer {
    buf: [u8; 13],
    len: u32,
}

fn main() {
    println!("Person: {} bytes, align {}", size_of::<Person>(), align_of::<Person>());
    println!("  name @ {}, age @ {}, email @ {}",
        offset_of!(Person, name), offset_of!(Person, age), offset_of!(Person, email));
    println!("Account: {} bytes", size_of::<Account>());
    println!("  id @ {}, active @ {}, balance @ {}, owner @ {}",
        offset_of!(Account, id), offset_of!(Account, active),
        offset_of!(Account, balance), offset_of!(Account, owner));
    println!("Small: {} bytes, a @ {}, b @ {}", size_of::<Small>(), offset_of!(Small, a), offset_of!(Small, b));
    println!("Outer: {} bytes, flag @ {}, inner @ {}, id @ {}",
        size_of::<Outer>(), offset_of!(Outer, flag), offset_of!(Outer, inner), offset_of!(Outer, id));
    println!("Buffer: {} bytes, align {}, buf @ {}, len @ {}",
        size_of::<Buffer>(), align_of::<Buffer>(), offset_of!(Buffer, buf), offset_of!(Buffer, len));

    let p = Person { name: String::from("Ann"), age: 30, email: None };
    let a = Account { id: 1, active: true, balance: -20, owner: p.name.clone() };
    let o = Outer { flag: false, inner: Small { a: 1, b: 2 }, id: 9 };
    let b = Buffer { buf: [0; 13], len: 0 };
    println!("{} {} {} {} {} {} {} {} {}",
        p.name, p.age, p.email.is_none(), a.id, a.active, a.balance, a.owner, o.flag as u64 + o.inner.a as u64 + o.inner.b as u64 + o.id, b.buf.len() as u32 + b.len);
}
