// Optional fields, updated in place through a mutable reference.
#[derive(Debug)]
struct Profile {
    name: String,
    age: Option<u8>,
    manager: Option<Box<Profile>>,
}

fn birthday(p: &mut Profile) {
    match p.age {
        Some(a) => p.age = Some(a + 1),
        None => println!("{} has no recorded age", p.name),
    }
}

fn main() {
    let boss = Profile { name: String::from("Grace"), age: Some(60), manager: None };
    let mut dev = Profile { name: String::from("Linus"), age: None, manager: Some(Box::new(boss)) };
    birthday(&mut dev);
    dev.age = Some(30);
    birthday(&mut dev);
    println!("{:?}", dev);
    if let Some(m) = &mut dev.manager {
        birthday(m);
        println!("manager {} is now {:?}", m.name, m.age);
    }
    let boss_back = dev.manager.take();
    println!("{:?}", dev.manager.is_none());
    println!("{:?}", boss_back.unwrap().name);
}
