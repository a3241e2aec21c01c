fn main() {
    println!("{:?}", "a\u{a0}b");
    println!("{:?}", "soft\u{ad}hyphen");
    println!("{:?}", "e\u{301}");
    println!("{:?}", '\u{200b}');
    println!("{:?}", "line\u{2028}sep");
    println!("{:?}", "\u{1b}[0m");
    println!("{:?}", "日本語 ✓ 🎉");
    println!("{:?}", '\u{7f}');
    println!("{:?}", "\r\0\t");
    println!("{:?}", "\u{feff}");
}
