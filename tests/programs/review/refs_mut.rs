fn bump(x: &mut i32) {
    *x += 1;
}
fn push_twice(v: &mut Vec<String>, s: &str) {
    v.push(s.to_string());
    v.push(String::from(s) + "!");
}
fn first_mut(v: &mut Vec<i32>) -> &mut i32 {
    &mut v[0]
}
fn main() {
    let mut a = 5;
    bump(&mut a);
    {
        let r = &mut a;
        *r *= 2;
        bump(r);
    }
    println!("{}", a);
    let mut names = Vec::new();
    push_twice(&mut names, "hi");
    println!("{:?}", names);
    let mut nums = vec![1, 2, 3];
    *first_mut(&mut nums) = 50;
    let f = first_mut(&mut nums);
    *f += 1;
    println!("{:?}", nums);
    let mut s = String::from("x");
    let rs = &mut s;
    rs.push('y');
    let rr = &rs;
    println!("{} {}", rr, rr.len());
    let mut b = Box::new(1);
    *b += 10;
    let rb = &mut b;
    **rb += 100;
    println!("{}", b);
}
