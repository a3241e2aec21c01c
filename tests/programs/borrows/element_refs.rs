// References to elements and fields: borrow a part, change it, and let the borrow end.
#[derive(Debug)]
struct Team {
    name: String,
    scores: Vec<u32>,
}

fn main() {
    let mut v = vec![1, 2, 3];
    let first = &v[0];
    println!("first = {}", first);
    v.push(4);
    let second = &mut v[1];
    *second *= 100;
    println!("{:?}", v);

    let mut team = Team { name: String::from("red"), scores: vec![10, 20] };
    let name = &mut team.name;
    let scores = &mut team.scores;
    name.push_str(" team");
    scores.push(30);
    println!("{:?}", team);
    let best = &team.scores[2];
    println!("best {} of {}", best, team.name);
    let n = team.scores.len();
    team.scores[n - 1] += 5;
    println!("{:?}", team.scores);
}
