#[derive(Debug, Clone)]
struct Item {
    name: String,
    qty: u32,
}

fn total(items: &[Item]) -> u32 {
    let mut t = 0;
    for it in items {
        t += it.qty;
    }
    t
}

fn main() {
    let mut inv = vec![
        Item { name: String::from("apple"), qty: 3 },
        Item { name: String::from("pear"), qty: 5 },
    ];
    inv.push(Item { name: "plum".to_string(), qty: 1 });
    for it in inv.iter_mut() {
        it.qty *= 2;
    }
    for it in &mut inv {
        it.name.push('!');
    }
    println!("{:?}", inv);
    println!("total {}", total(&inv));
    println!("slice total {}", total(&inv[1..]));
    let copy = inv.clone();
    inv[0].qty = 100;
    println!("{} {}", inv[0].qty, copy[0].qty);
    let first = &inv[0];
    println!("{} {}", first.name, first.name.len());
    let mut names = Vec::new();
    for it in inv {
        names.push(it.name);
    }
    println!("{:?}", names);
    let mut grid = vec![vec![0; 3]; 2];
    grid[1][2] = 5;
    grid[0][0] += 1;
    println!("{:?}", grid);
    let mut arr = [1, 2, 3, 4];
    arr.swap(0, 3);
    arr[1] = 9;
    println!("{:?} {}", arr, arr.len());
    let sl = &mut arr[..2];
    sl[0] = 42;
    println!("{:?}", arr);
}
