// print!, println!, inline and named arguments, escaped braces, and eprintln! to stderr.
fn main() {
    print!("no newline, ");
    print!("still the same line");
    println!();
    let apples = 3;
    let name = "Bob";
    println!("{name} has {apples} apples");
    println!("{0} and {1}, then {0} again", "first", "second");
    println!("{who} scored {points}", who = name, points = apples * 10);
    println!("braces: {{}} and {{{}}}", apples);
    eprintln!("this goes to stderr: {}", apples + 1);
    eprint!("so does this");
    eprintln!();
    println!("done");
}
