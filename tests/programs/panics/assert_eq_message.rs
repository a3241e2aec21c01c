// assert_eq! with a message, comparing strings (printed with their quotes).
fn main() {
    let mut greeting = String::from("hello");
    greeting.push_str(" world");
    let expected = "hello, world";
    assert_eq!(greeting, expected, "greeting was built wrong after {} pushes", 1);
}
