fn sum(s: &[i32]) -> i32 {
    let mut t = 0;
    for x in s {
        t += *x;
    }
    t
}
fn double(s: &mut [i32]) {
    for x in s.iter_mut() {
        *x *= 2;
    }
}
fn main() {
    let mut v = vec![5, 1, 4, 2, 3];
    {
        let part = &mut v[1..4];
        part.swap(0, 2);
        double(&mut part[..]);
        println!("{:?} {} {:?} {:?}", part, part.len(), part.first(), part.last());
    }
    println!("{:?} {}", v, sum(&v));
    let arr = [1, 2, 3];
    println!("{} {} {}", sum(&arr), sum(&arr[1..]), sum(&v[..2]));
    let s = &v[..];
    println!("{} {:?} {}", s.contains(&8), s.get(1), s.is_empty());
    let mut a2 = [[0u8; 3]; 2];
    a2[1][2] = 7;
    double_u8(&mut a2[1]);
    println!("{:?}", a2);
    let words = ["a", "bb", "ccc"];
    let mut total = 0;
    for w in words.iter() {
        total += w.len();
    }
    println!("{}", total);
}
fn double_u8(r: &mut [u8; 3]) {
    for x in r.iter_mut() {
        *x = *x * 2 + 1;
    }
}
