// assert! with a custom, formatted message.
fn main() {
    let balance = 40;
    let cost = 55;
    println!("checking balance");
    assert!(balance >= cost, "insufficient funds: balance {} < cost {}", balance, cost);
}
