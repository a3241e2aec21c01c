enum C { R, G, B, W, K }
fn main() { let c = C::R; match c { C::R => {} } }
