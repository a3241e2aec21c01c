#[derive(Debug)]
struct Tree {
    val: i32,
    left: Option<Box<Tree>>,
    right: Option<Box<Tree>>,
}
impl Tree {
    fn leaf(v: i32) -> Tree {
        Tree { val: v, left: None, right: None }
    }
    fn insert(&mut self, v: i32) {
        if v < self.val {
            match self.left {
                Some(ref mut l) => l.insert(v),
                None => self.left = Some(Box::new(Tree::leaf(v))),
            }
        } else {
            match &mut self.right {
                Some(r) => r.insert(v),
                None => self.right = Some(Box::new(Tree::leaf(v))),
            }
        }
    }
    fn sum(&self) -> i32 {
        let mut s = self.val;
        if let Some(l) = &self.left {
            s += l.sum();
        }
        if let Some(r) = self.right.as_ref() {
            s += r.sum();
        }
        s
    }
    fn depth(&self) -> usize {
        let l = match &self.left { Some(t) => t.depth(), None => 0 };
        let r = match &self.right { Some(t) => t.depth(), None => 0 };
        1 + if l > r { l } else { r }
    }
}
fn main() {
    let mut t = Tree::leaf(5);
    for v in [3, 8, 1, 4, 9, 7] {
        t.insert(v);
    }
    println!("sum {} depth {}", t.sum(), t.depth());
    println!("{:?}", t.left);
    let taken = t.right.take();
    println!("{:?} {}", taken.is_some(), t.sum());
}
