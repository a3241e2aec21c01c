// format! and to_string build new Strings; their capacities are not always equal to their lengths.
fn report(label: &str, s: &String) {
    println!("{}: {:?} len {} cap {}", label, s, s.len(), s.capacity());
}

fn main() {
    let name = "Ferris";
    let age = 7;
    let a = format!("{} is {} years old", name, age);
    report("format", &a);
    let b = format!("{name}!");
    report("inline", &b);
    let c = "literal".to_string();
    report("&str to_string", &c);
    let d = 42.to_string();
    report("int to_string", &d);
    let e = 'x'.to_string();
    report("char to_string", &e);
    let f = true.to_string();
    report("bool to_string", &f);
    let g = String::from("from");
    report("String::from", &g);
    let h = format!("{:.3}", 2.0f64 / 3.0);
    report("float", &h);
    let i = format!("{:?}", "quoted");
    report("debug", &i);
    let j = format!("{}-{}", a.len(), b);
    report("mixed", &j);
}
