#[derive(Debug)]
struct Req {
    url: String,
    headers: Vec<String>,
    retries: u8,
}
impl Req {
    fn new(url: &str) -> Req {
        Req { url: url.to_string(), headers: Vec::new(), retries: 0 }
    }
    fn header(mut self, h: &str) -> Req {
        self.headers.push(h.to_string());
        self
    }
    fn retries(mut self, n: u8) -> Self {
        self.retries = n;
        self
    }
    fn describe(&self) -> String {
        format!("{} [{}] x{}", self.url, self.headers.len(), self.retries)
    }
}
impl Drop for Req {
    fn drop(&mut self) {
        println!("drop req {}", self.url);
    }
}
fn main() {
    let r = Req::new("a.com").header("x").header("y").retries(3);
    println!("{}", r.describe());
    println!("{:#?}", r);
    let d = Req::new("tmp.com").retries(1).describe();
    println!("{}", d);
}
