fn add_suffix(s: &mut String) {
    s.push_str("-suffix");
}

fn main() {
    let name = String::from("file");
    add_suffix(&mut name);
    println!("{}", name);
}
