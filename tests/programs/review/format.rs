#[derive(Debug)]
struct Point {
    x: i32,
    y: i32,
}
#[derive(Debug)]
struct Wrapper(Vec<Point>, Option<String>);
#[derive(Debug)]
struct Unit;

fn main() {
    let pi = 3.14159265;
    println!("[{:>8}] [{:<8}] [{:^8}] [{:08.3}] [{:+.2}]", 42, 42, 42, pi, pi);
    println!("[{:x}] [{:X}] [{:#x}] [{:o}] [{:#b}] [{:010b}] [{:#010x}]", 255, 255, 255, 8, 5, 5, 255);
    println!("[{:*^9}] [{:-<6}] [{:>5}]", "mid", "ab", true);
    println!("[{:e}] [{:E}] [{:.2e}] [{:e}]", 1234.5, 0.00012, 123456.0, 1500);
    println!("[{:?}] [{:?}] [{:?}] [{:?}]", 1.0, 0.1 + 0.2, 1e16, 1e-5);
    println!("[{}] [{}] [{}] [{}]", 1.0, 1e21, 1e-7, f64::MAX);
    println!("[{:?}] [{:?}] [{:?}]", 'a', '\n', "tab\there \"q\" \\");
    let p = Point { x: 1, y: -2 };
    println!("{:?}", p);
    println!("{:#?}", p);
    let w = Wrapper(vec![Point { x: 1, y: 2 }, Point { x: 3, y: 4 }], Some(String::from("s")));
    println!("{:?}", w);
    println!("{:#?}", w);
    println!("{:?} {:#?}", Unit, Unit);
    let t = (1, "two", 3.0, 'c', (5,));
    println!("{:?}", t);
    println!("{:#?}", (1,));
    let x = 7;
    let name = "z";
    println!("{x} {name} {x:>4} {0} {0:?} {n}", name, n = x + 1);
    println!("{{literal}} {}", 5);
    let v: Vec<Option<i32>> = vec![Some(1), None];
    println!("{:?}", v);
    println!("{:>10?}|{:<10?}|", Some(1), "ab");
    println!("{:5}|{:<5}|{:^5}|{:>5}", 'x', 'y', 'z', "é");
    println!("{:.3}", "abcdef");
    println!("{:10.3}|", "abcdef");
    println!("{}", -0.0);
    println!("{:?} {}", f64::NAN, f64::INFINITY);
    println!("{:?}", -f64::INFINITY);
    println!("{:5}|{:<5}|", 1.5, 2.5f32);
    println!("{:?} {:?} {}", 0.1f32, 16777216.0f32, 1.1f32 * 3.0);
    println!("{:.0} {:.0} {:.0} {:.1}", 0.5, 1.5, 2.5, 0.25);
    println!("{:+} {:+} {:+?}", 5, -5, 3);
    println!("{:#?}", vec![(1, 'a')]);
    let empty: Vec<i32> = vec![];
    println!("{:?} {:#?}", empty, empty);
}
