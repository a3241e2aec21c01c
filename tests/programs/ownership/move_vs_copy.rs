// Assigning a Copy type duplicates it; assigning a String moves it.
fn main() {
    let x = 5;
    let y = x;
    println!("x = {}, y = {}", x, y);
    let t = (1, 2.5, 'c');
    let u = t;
    println!("{:?} {:?}", t, u);
    let arr = [1, 2, 3];
    let mut arr2 = arr;
    arr2[0] = 100;
    println!("{:?} {:?}", arr, arr2);

    let s1 = String::from("hello");
    let s2 = s1;
    println!("s2 = {}", s2);
    let s3 = s2.clone();
    println!("s2 = {}, s3 = {}", s2, s3);
    let v1 = vec![1, 2, 3];
    let v2 = v1;
    println!("v2 = {:?} cap {}", v2, v2.capacity());
}
