// Stack overflow aborts the process: no unwinding, so no Drop runs and the exit status is SIGABRT.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn count_down(n: u64) -> u64 {
    if n == 0 {
        return 0;
    }
    1 + count_down(n - 1)
}

fn main() {
    let _guard = Noisy("guard");
    println!("small recursion: {}", count_down(1000));
    {
        let _scoped = Noisy("scoped");
    }
    println!("huge recursion");
    println!("{}", count_down(1_000_000_000));
}
