// A panic inside a method, with a struct that owns heap data still alive in main.
struct Inventory {
    items: Vec<String>,
}

impl Inventory {
    fn take(&mut self, name: &str) -> String {
        let mut i = 0;
        while i < self.items.len() {
            if self.items[i] == name {
                return self.items.remove(i);
            }
            i += 1;
        }
        let found: Option<String> = None;
        found.expect("item not in inventory")
    }
}

impl Drop for Inventory {
    fn drop(&mut self) {
        println!("dropping inventory with {} items", self.items.len());
    }
}

fn main() {
    let mut inv = Inventory { items: vec![String::from("sword"), String::from("shield")] };
    println!("took {}", inv.take("sword"));
    println!("took {}", inv.take("bow"));
}
