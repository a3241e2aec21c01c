#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Color { Red = 1, Green = 2, Blue = 4 }
#[derive(Debug)]
enum Cmd { Move { dx: i32, dy: i32 }, Say(String), Quit }
impl Cmd {
    fn quit() -> Self { Self::Quit }
    fn describe(&self) -> String {
        match self {
            Self::Move { dx, .. } if *dx > 0 => format!("right {dx}"),
            Self::Move { dx, dy } => format!("{dx},{dy}"),
            Cmd::Say(s) => s.clone(),
            Cmd::Quit => String::from("quit"),
        }
    }
}
#[derive(Debug, Clone, PartialEq)]
struct Acc { total: u64, name: String }

fn main() {
    let c = Color::Green as u8;
    let all = [Color::Red, Color::Green, Color::Blue];
    let n = all.len();
    let cmd = Cmd::quit();
    let d = cmd.describe();
    let m = Cmd::Move { dx: 1, dy: -1 };
    let Cmd::Move { dx, .. } = m else { panic!("no") };
    let grade = match 85u8 {
        90..=100 => 'A',
        80..=89 | 79 => 'B',
        x @ 0..=78 if x > 50 => 'C',
        _ => 'F',
    };
    let letter = match 'q' { 'a'..='m' => 1, 'n'..='z' => 2, _ => 3 };
    let a = Acc { total: 1, name: String::from("a") };
    let b = Acc { total: 2, ..a.clone() };
    let same = a == b;
    let s1 = String::from("x");
    let s2 = String::from("x");
    let eq1 = &s1 == "x";
    let eq2 = s1 == s2;
    let v = vec![1, 2, 3];
    let eqv = v == [1, 2, 3];
    assert_eq!(v, vec![1, 2, 3]);
    let mut count = 0;
    'outer: for i in 0..5 {
        for j in 0..5 {
            if i * j > 6 { break 'outer; }
            if j > i { continue 'outer; }
            count += 1;
        }
    }
    fn helper(x: u16) -> u16 { x + 1 }
    let h = helper(3);
    let size = std::mem::size_of_val("hello");
    let sz = size_of::<[u16; 3]>();
    let r = &mut 5;
    *r += 1;
    let t = (1, 2);
    let (first, _) = t;
    let nested = ((1u8, 2u16), [3u32; 2]);
    let ((p, q), arr2) = nested;
    let s = arr2[0];
    println!("{c} {n} {d} {dx} {grade} {letter} {same} {eq1} {eq2} {eqv} {count} {h} {size} {sz} {first} {p} {q} {s}");
}
