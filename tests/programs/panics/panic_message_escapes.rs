// The panic message is printed as written (Display), on its own line after the location.
fn main() {
    let name = "config.toml";
    let line = 7;
    println!("loading");
    panic!("could not parse {:?} at line {}:\n\texpected '=' after key", name, line);
}
