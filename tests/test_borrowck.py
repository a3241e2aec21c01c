"""The borrow checker (`whiteboard.sim.borrowck`) against rustc 1.95.

Two sets of programs. rustc's own borrow-checking examples from the oracle (`tests/oracle/misc.json`): the first
diagnostic must render exactly as rustc prints it, up to rustc's first help or note. And the programs below: valid
ones rustc accepts (non-lexical lifetimes, two-phase borrows, reborrows, moves followed by reassignment, `Copy`
values …), which must pass, and invalid ones, each with rustc's first error written out in full (code, headline,
primary position, every label). Where rustc is installed, the written expectations are checked against it too.
"""

from __future__ import annotations

import json
import subprocess
import textwrap
from dataclasses import dataclass
from pathlib import Path

import differential as dt
import pytest

from whiteboard.model.diagnostic_render import render
from whiteboard.model.diagnostics import CompileError, Diagnostic
from whiteboard.model.parser import parse_program
from whiteboard.model.typeck import check_program
from whiteboard.sim.borrowck import borrow_check
from whiteboard.sim.run import run_source

# rustc's diagnostics as JSON, without building anything.
RUSTC_JSON = ("rustc", "--edition", "2024", "--error-format=json", "-A", "warnings", "--emit=metadata")
BORROWCK_CODES = {"E0382", "E0384", "E0596", "E0499", "E0502", "E0505", "E0507", "E0597"}
ORACLE = [
    case for case in json.loads(dt.ORACLE_ENVIRONMENT.read_text())["compile_errors"] if case["code"] in BORROWCK_CODES
]


@dataclass(frozen=True)
class Expect:
    """rustc's first error: code, headline, primary (line, column), and every label as (line, column, text)."""

    code: str
    message: str
    at: tuple[int, int]
    labels: tuple[tuple[int, int, str], ...]


@dataclass(frozen=True)
class Case:
    name: str
    source: str
    error: Expect | None = None  # None: rustc accepts the program

    @property
    def program(self) -> str:
        return textwrap.dedent(self.source).lstrip("\n")


def borrowck_diagnostics(source: str, path: str = "main.rs") -> list[Diagnostic]:
    program = parse_program(source, path)
    info = check_program(program)
    try:
        borrow_check(program, info)
    except CompileError as err:
        return err.diagnostics
    return []


def as_expect(diagnostic: Diagnostic) -> Expect:
    labels = tuple(sorted((label.span[0], label.span[1], label.message) for label in diagnostic.labels))
    return Expect(diagnostic.code, diagnostic.message, diagnostic.primary_span[:2], labels)


def normalised(expect: Expect | None) -> Expect | None:
    """Labels compared as a set: rustc's order of adding them does not show once rendered."""
    if expect is None:
        return None
    return Expect(expect.code, expect.message, tuple(expect.at), tuple(sorted(expect.labels)))


def until_help(lines: list[str]) -> list[str]:
    """rustc's rendering of a diagnostic up to its first help or note (suggestions are not modelled)."""
    kept = []
    for line in lines:
        if line == "" or line.startswith(("help:", "note:")) or line.lstrip().startswith(("= help", "= note")):
            break
        kept.append(line)
    while kept and kept[-1].strip() == "|":
        kept.pop()
    return kept


def rustc_errors(source: str, directory: Path) -> list[dict]:
    """rustc's errors (with a code) for `source`, as its JSON diagnostics."""
    path = directory / "main.rs"
    path.write_text(source)
    command = [*RUSTC_JSON, "-o", str(directory / "main.rmeta"), str(path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=dt.COMPILE_TIMEOUT_S)
    return [d for d in map(json.loads, done.stderr.splitlines()) if d["level"] == "error" and d.get("code")]


def rustc_first_error(source: str, directory: Path) -> Expect | None:
    errors = rustc_errors(source, directory)
    if not errors:
        return None
    first = errors[0]
    primary = next(span for span in first["spans"] if span["is_primary"])
    labels = tuple((s["line_start"], s["column_start"], s["label"] or "") for s in first["spans"])
    return Expect(first["code"]["code"], first["message"], (primary["line_start"], primary["column_start"]), labels)


needs_rustc = pytest.mark.skipif(
    not dt.rustc_available() or dt.use_recorded(), reason="needs rustc (and WHITEBOARD_USE_RECORDED unset)"
)


# ------------------------------------------------------------------------------------------------- rustc's oracle


@pytest.mark.parametrize("case", ORACLE, ids=[case["id"] for case in ORACLE])
def test_oracle_error_renders_as_rustc(case: dict) -> None:
    diagnostics = borrowck_diagnostics(case["source"], case["file"])
    assert diagnostics, f"{case['id']}: rustc reports {case['headline']!r}, the borrow checker accepts the program"
    first = diagnostics[0]
    assert f"error[{first.code}]: {first.message}" == case["headline"]
    rendered = render(first, case["source"], case["file"]).splitlines()
    assert until_help(rendered) == until_help(case["first_lines"])


# ---------------------------------------------------------------------------------------------- our own programs

CASES = [
    Case(
        "nll_borrow_ends_at_last_use",
        """
        fn main() {
            let mut v = vec![1, 2, 3];
            let first = &v[0];
            println!("{}", first);
            v.push(4);
            let r = &mut v;
            r.push(5);
            println!("{:?}", v);
        }
        """,
    ),
    Case(
        "two_phase_borrow_push_len",
        """
        fn main() {
            let mut v = vec![1, 2, 3];
            v.push(v.len());
            v.insert(0, v[0]);
            let mut s = String::from("a");
            s.push_str(&String::from("b"));
            println!("{:?} {}", v, s);
        }
        """,
    ),
    Case(
        "reborrows_through_mut_reference",
        """
        fn add_one(v: &mut Vec<i32>) {
            v.push(1);
        }

        fn main() {
            let mut v = Vec::new();
            let r = &mut v;
            r.push(0);
            add_one(r);
            add_one(r);
            let r2: &mut Vec<i32> = r;
            r2.push(2);
            r.push(3);
            println!("{:?}", v);
        }
        """,
    ),
    Case(
        "copy_values_are_never_moved",
        """
        #[derive(Debug, Clone, Copy)]
        struct Point {
            x: i32,
            y: i32,
        }

        fn show(p: Point) -> i32 {
            p.x + p.y
        }

        fn main() {
            let n = 5;
            let m = n;
            let pair = (1, 'a');
            let pair2 = pair;
            let arr = [1, 2, 3];
            let arr2 = arr;
            let p = Point { x: 1, y: 2 };
            let a = show(p);
            let b = show(p);
            let text = "shared";
            let r = &text;
            let r2 = r;
            println!("{} {} {:?} {:?} {:?} {:?} {} {} {:?} {} {}", n, m, pair, pair2, arr, arr2, a, b, p, r, r2);
        }
        """,
    ),
    Case(
        "moved_then_reassigned",
        """
        fn consume(s: String) -> usize {
            s.len()
        }

        fn main() {
            let mut s = String::from("a");
            let t = s;
            s = String::from("b");
            for i in 0..3 {
                let n = consume(s);
                s = format!("{}{}", i, n);
            }
            let kept;
            if s.len() > 1 {
                kept = s;
            } else {
                kept = t;
            }
            println!("{}", kept);
        }
        """,
    ),
    Case(
        "let_in_loop_starts_afresh",
        """
        fn main() {
            let mut total = 0;
            for i in 0..3 {
                let s = format!("item {}", i);
                total += s.len();
                drop(s);
            }
            let mut n = 0;
            while n < 2 {
                let x;
                x = n * 2;
                n += 1;
                total += x;
            }
            println!("{}", total);
        }
        """,
    ),
    Case(
        "disjoint_fields_borrowed_apart",
        """
        #[derive(Debug)]
        struct Pair {
            left: String,
            right: String,
        }

        fn main() {
            let mut p = Pair { left: String::from("l"), right: String::from("r") };
            let l = &mut p.left;
            let r = &mut p.right;
            l.push('!');
            r.push('?');
            let moved = p.left;
            println!("{} {}", moved, p.right);
        }
        """,
    ),
    Case(
        "if_let_temporary_ends_before_else",
        """
        fn main() {
            let mut v = vec![1];
            if let Some(x) = v.first() {
                println!("{}", x);
            } else {
                v.push(2);
            }
            match v.first() {
                Some(x) => println!("{}", x),
                None => v.push(3),
            }
            v.push(4);
        }
        """,
    ),
    Case(
        "cursor_walks_a_linked_list",
        """
        #[derive(Debug)]
        struct Node {
            value: i32,
            next: Option<Box<Node>>,
        }

        fn main() {
            let mut list = Some(Box::new(Node { value: 1, next: Some(Box::new(Node { value: 2, next: None })) }));
            let mut cursor = &mut list;
            while let Some(node) = cursor {
                node.value += 10;
                cursor = &mut node.next;
            }
            *cursor = Some(Box::new(Node { value: 3, next: None }));
            let mut shared = &list;
            while let Some(node) = shared {
                println!("{}", node.value);
                shared = &node.next;
            }
        }
        """,
    ),
    Case(
        "guard_does_not_move",
        """
        fn main() {
            let words = Some(String::from("hello"));
            match words {
                Some(w) if w.len() > 10 => println!("long {}", w),
                other => println!("{:?}", other),
            }
        }
        """,
    ),
    Case(
        "method_result_used_before_mutation",
        """
        struct Stack {
            items: Vec<String>,
        }

        impl Stack {
            fn push(&mut self, s: String) {
                self.items.push(s);
            }

            fn top(&self) -> Option<&String> {
                self.items.last()
            }
        }

        fn main() {
            let mut st = Stack { items: Vec::new() };
            st.push(String::from("a"));
            if let Some(top) = st.top() {
                println!("{}", top);
            }
            let len = match st.top() {
                Some(t) => t.len(),
                None => 0,
            };
            st.push(len.to_string());
        }
        """,
    ),
    Case(
        "iterate_then_mutate",
        """
        fn main() {
            let mut v = vec![1, 2, 3];
            let mut total = 0;
            for x in &v {
                total += *x;
            }
            v.push(total);
            for x in v.iter_mut() {
                *x += 1;
            }
            for i in 0..v.len() {
                v[i] += 1;
            }
            v[0] += v[1];
            let mut a = [1, 2, 3];
            a[a.len() - 1] = 9;
            println!("{:?} {:?}", v, a);
        }
        """,
    ),
    Case(
        "e0382_moved_into_function",
        """
        fn calc_len(s: String) -> usize {
            s.len()
        }

        fn main() {
            let s = String::from("hi");
            let n = calc_len(s);
            println!("{} {}", s, n);
        }
        """,
        Expect(
            "E0382",
            "borrow of moved value: `s`",
            (8, 23),
            (
                (7, 22, "value moved here"),
                (8, 23, "value borrowed here after move"),
                (6, 9, "move occurs because `s` has type `String`, which does not implement the `Copy` trait"),
            ),
        ),
    ),
    Case(
        "e0382_moved_in_loop",
        """
        fn take(_s: String) {}

        fn main() {
            let s = String::from("x");
            for _ in 0..3 {
                take(s);
            }
        }
        """,
        Expect(
            "E0382",
            "use of moved value: `s`",
            (6, 14),
            (
                (5, 5, "inside of this loop"),
                (6, 14, "value moved here, in previous iteration of loop"),
                (4, 9, "move occurs because `s` has type `String`, which does not implement the `Copy` trait"),
            ),
        ),
    ),
    Case(
        "e0382_moved_in_previous_iteration",
        """
        fn main() {
            let s = String::from("a");
            loop {
                println!("{}", s);
                drop(s);
            }
        }
        """,
        Expect(
            "E0382",
            "borrow of moved value: `s`",
            (4, 24),
            (
                (3, 5, "inside of this loop"),
                (5, 14, "value moved here, in previous iteration of loop"),
                (4, 24, "value borrowed here after move"),
                (2, 9, "move occurs because `s` has type `String`, which does not implement the `Copy` trait"),
            ),
        ),
    ),
    Case(
        "e0382_method_takes_self",
        """
        fn main() {
            let o = Some(String::from("x"));
            let a = o.unwrap();
            let b = o.unwrap();
            println!("{} {}", a, b);
        }
        """,
        Expect(
            "E0382",
            "use of moved value: `o`",
            (4, 13),
            (
                (3, 13, "help: consider calling `.as_ref()` or `.as_mut()` to borrow the type's contents"),
                (3, 15, "`o` moved due to this method call"),
                (4, 13, "value used here after move"),
                (2, 9, "move occurs because `o` has type `Option<String>`, which does not implement the `Copy` trait"),
            ),
        ),
    ),
    Case(
        "e0382_partial_move",
        """
        #[derive(Debug)]
        struct Person {
            name: String,
            age: u32,
        }

        fn main() {
            let p = Person { name: String::from("Ann"), age: 30 };
            let name = p.name;
            println!("{} {}", name, p.age);
            println!("{:?}", p);
        }
        """,
        Expect(
            "E0382",
            "borrow of partially moved value: `p`",
            (11, 22),
            (
                (9, 16, "value partially moved here"),
                (11, 22, "value borrowed here after partial move"),
            ),
        ),
    ),
    Case(
        "e0382_moved_into_vec",
        """
        fn main() {
            let s = String::from("a");
            let v = vec![s];
            println!("{}", s);
            println!("{:?}", v);
        }
        """,
        Expect(
            "E0382",
            "borrow of moved value: `s`",
            (4, 20),
            (
                (3, 18, "value moved here"),
                (4, 20, "value borrowed here after move"),
                (2, 9, "move occurs because `s` has type `String`, which does not implement the `Copy` trait"),
            ),
        ),
    ),
    Case(
        "e0382_for_loop_moves_vec",
        """
        fn main() {
            let v = vec![String::from("a"), String::from("b")];
            for s in v {
                println!("{}", s);
            }
            println!("{}", v.len());
        }
        """,
        Expect(
            "E0382",
            "borrow of moved value: `v`",
            (6, 20),
            (
                (3, 14, "`v` moved due to this implicit call to `.into_iter()`"),
                (6, 20, "value borrowed here after move"),
                (2, 9, "move occurs because `v` has type `Vec<String>`, which does not implement the `Copy` trait"),
            ),
        ),
    ),
    Case(
        "e0382_moved_in_one_branch",
        """
        fn main() {
            let s = String::from("maybe");
            let flag = s.len() > 3;
            if flag {
                drop(s);
            }
            println!("{}", s);
        }
        """,
        Expect(
            "E0382",
            "borrow of moved value: `s`",
            (7, 20),
            (
                (5, 14, "value moved here"),
                (7, 20, "value borrowed here after move"),
                (2, 9, "move occurs because `s` has type `String`, which does not implement the `Copy` trait"),
            ),
        ),
    ),
    Case(
        "e0382_reinitialization_might_be_skipped",
        """
        fn main() {
            let mut s = String::new();
            drop(s);
            if s.is_empty() {
                s = String::from("again");
            }
            println!("{}", s);
        }
        """,
        Expect(
            "E0382",
            "borrow of moved value: `s`",
            (4, 8),
            (
                (3, 10, "value moved here"),
                (4, 8, "value borrowed here after move"),
                (2, 9, "move occurs because `s` has type `String`, which does not implement the `Copy` trait"),
            ),
        ),
    ),
    Case(
        "e0384_loop_variable",
        """
        fn main() {
            for i in 0..3 {
                i += 1;
                println!("{}", i);
            }
        }
        """,
        Expect(
            "E0384",
            "cannot assign twice to immutable variable `i`",
            (3, 9),
            (
                (2, 9, "first assignment to `i`"),
                (3, 9, "cannot assign twice to immutable variable"),
            ),
        ),
    ),
    Case(
        "e0384_deferred_initialisation",
        """
        fn main() {
            let x;
            x = 1;
            println!("{}", x);
            x = 2;
            println!("{}", x);
        }
        """,
        Expect(
            "E0384",
            "cannot assign twice to immutable variable `x`",
            (5, 5),
            (
                (3, 5, "first assignment to `x`"),
                (5, 5, "cannot assign twice to immutable variable"),
            ),
        ),
    ),
    Case(
        "e0596_method_needs_mut_self",
        """
        struct Account {
            balance: i64,
        }

        impl Account {
            fn deposit(&mut self, amount: i64) {
                self.balance += amount;
            }
        }

        fn main() {
            let acct = Account { balance: 0 };
            acct.deposit(5);
            println!("{}", acct.balance);
        }
        """,
        Expect(
            "E0596",
            "cannot borrow `acct` as mutable, as it is not declared as mutable",
            (13, 5),
            ((13, 5, "cannot borrow as mutable"),),
        ),
    ),
    Case(
        "e0596_behind_shared_reference",
        """
        fn change(s: &String) {
            s.push_str(", world");
        }

        fn main() {
            let s = String::from("hello");
            change(&s);
        }
        """,
        Expect(
            "E0596",
            "cannot borrow `*s` as mutable, as it is behind a `&` reference",
            (2, 5),
            ((2, 5, "`s` is a `&` reference, so it cannot be borrowed as mutable"),),
        ),
    ),
    Case(
        "e0594_assign_field_of_immutable",
        """
        struct Counter {
            count: u32,
        }

        fn main() {
            let c = Counter { count: 0 };
            c.count = 1;
            println!("{}", c.count);
        }
        """,
        Expect(
            "E0594", "cannot assign to `c.count`, as `c` is not declared as mutable", (7, 5), ((7, 5, "cannot assign"),)
        ),
    ),
    Case(
        "e0499_same_variable_twice_in_a_call",
        """
        fn both(a: &mut String, b: &mut String) {
            a.push_str(b);
        }

        fn main() {
            let mut s = String::from("x");
            both(&mut s, &mut s);
        }
        """,
        Expect(
            "E0499",
            "cannot borrow `s` as mutable more than once at a time",
            (7, 18),
            (
                (7, 10, "first mutable borrow occurs here"),
                (7, 18, "second mutable borrow occurs here"),
                (7, 5, "first borrow later used by call"),
            ),
        ),
    ),
    Case(
        "e0499_method_call_while_mutably_borrowed",
        """
        fn main() {
            let mut v = vec![1];
            let r = &mut v;
            v.push(2);
            r.push(3);
        }
        """,
        Expect(
            "E0499",
            "cannot borrow `v` as mutable more than once at a time",
            (4, 5),
            (
                (3, 13, "first mutable borrow occurs here"),
                (4, 5, "second mutable borrow occurs here"),
                (5, 5, "first borrow later used here"),
            ),
        ),
    ),
    Case(
        "e0499_borrow_kept_across_iterations",
        """
        fn main() {
            let mut v = vec![1];
            let mut refs: Vec<&mut Vec<i32>> = Vec::new();
            loop {
                let x = &mut v;
                refs.push(x);
                if refs.len() > 3 {
                    break;
                }
            }
        }
        """,
        Expect(
            "E0499",
            "cannot borrow `v` as mutable more than once at a time",
            (5, 17),
            (
                (5, 17, "`v` was mutably borrowed here in the previous iteration of the loop"),
                (6, 9, "first borrow used here, in later iteration of loop"),
            ),
        ),
    ),
    Case(
        "e0502_method_result_keeps_borrow",
        """
        fn main() {
            let mut v = vec![1, 2, 3];
            let first = v.first();
            v.clear();
            println!("{:?}", first);
        }
        """,
        Expect(
            "E0502",
            "cannot borrow `v` as mutable because it is also borrowed as immutable",
            (4, 5),
            (
                (4, 5, "mutable borrow occurs here"),
                (3, 17, "immutable borrow occurs here"),
                (5, 22, "immutable borrow later used here"),
            ),
        ),
    ),
    Case(
        "e0502_read_while_mutably_borrowed",
        """
        fn main() {
            let mut s = String::from("a");
            let r = &mut s;
            println!("{}", s);
            r.push('b');
        }
        """,
        Expect(
            "E0502",
            "cannot borrow `s` as immutable because it is also borrowed as mutable",
            (4, 20),
            (
                (4, 20, "immutable borrow occurs here"),
                (3, 13, "mutable borrow occurs here"),
                (5, 5, "mutable borrow later used here"),
            ),
        ),
    ),
    Case(
        "e0502_push_while_iterating",
        """
        fn main() {
            let mut v = vec![1, 2, 3];
            for x in &v {
                v.push(*x);
            }
        }
        """,
        Expect(
            "E0502",
            "cannot borrow `v` as mutable because it is also borrowed as immutable",
            (4, 9),
            (
                (4, 9, "mutable borrow occurs here"),
                (3, 14, "immutable borrow occurs here"),
                (3, 14, "immutable borrow later used here"),
            ),
        ),
    ),
    Case(
        "e0502_argument_borrows_receiver",
        """
        fn main() {
            let mut v = vec![1, 2, 3];
            v.swap(0, v.len() - 1);
            println!("{:?}", v);
        }
        """,
        Expect(
            "E0502",
            "cannot borrow `v` as immutable because it is also borrowed as mutable",
            (3, 15),
            (
                (3, 15, "immutable borrow occurs here"),
                (3, 5, "mutable borrow occurs here"),
                (3, 7, "mutable borrow later used by call"),
            ),
        ),
    ),
    Case(
        "e0502_returned_reference",
        """
        fn first_then_grow(v: &mut Vec<i32>) -> &i32 {
            let first = &v[0];
            v.push(1);
            first
        }

        fn main() {
            let mut v = vec![1];
            println!("{}", first_then_grow(&mut v));
        }
        """,
        Expect(
            "E0502",
            "cannot borrow `*v` as mutable because it is also borrowed as immutable",
            (3, 5),
            (
                (3, 5, "mutable borrow occurs here"),
                (2, 18, "immutable borrow occurs here"),
                (1, 23, "let's call the lifetime of this reference `'1`"),
                (4, 5, "returning this value requires that `*v` is borrowed for `'1`"),
            ),
        ),
    ),
    Case(
        "e0505_drop_while_borrowed",
        """
        fn main() {
            let v = vec![1, 2, 3];
            let r = &v;
            drop(v);
            println!("{:?}", r);
        }
        """,
        Expect(
            "E0505",
            "cannot move out of `v` because it is borrowed",
            (4, 10),
            (
                (4, 10, "move out of `v` occurs here"),
                (3, 13, "borrow of `v` occurs here"),
                (2, 9, "binding `v` declared here"),
                (5, 22, "borrow later used here"),
            ),
        ),
    ),
    Case(
        "e0505_move_field_while_borrowed",
        """
        struct Person {
            name: String,
        }

        fn main() {
            let p = Person { name: String::from("Bo") };
            let r = &p.name;
            let n = p.name;
            println!("{} {}", r, n);
        }
        """,
        Expect(
            "E0505",
            "cannot move out of `p.name` because it is borrowed",
            (8, 13),
            (
                (8, 13, "move out of `p.name` occurs here"),
                (7, 13, "borrow of `p.name` occurs here"),
                (6, 9, "binding `p` declared here"),
                (9, 23, "borrow later used here"),
            ),
        ),
    ),
    Case(
        "e0506_assign_while_borrowed",
        """
        fn main() {
            let mut x = 5;
            let r = &x;
            x = 6;
            println!("{} {}", r, x);
        }
        """,
        Expect(
            "E0506",
            "cannot assign to `x` because it is borrowed",
            (4, 5),
            (
                (3, 13, "`x` is borrowed here"),
                (4, 5, "`x` is assigned to here but it was already borrowed"),
                (5, 23, "borrow later used here"),
            ),
        ),
    ),
    Case(
        "e0503_use_while_mutably_borrowed",
        """
        fn main() {
            let mut n = 5;
            let m = &mut n;
            let k = n;
            *m += 1;
            println!("{}", k);
        }
        """,
        Expect(
            "E0503",
            "cannot use `n` because it was mutably borrowed",
            (4, 13),
            (
                (3, 13, "`n` is borrowed here"),
                (4, 13, "use of borrowed `n`"),
                (5, 5, "borrow later used here"),
            ),
        ),
    ),
    Case(
        "e0597_borrow_outlives_block",
        """
        fn main() {
            let longest;
            {
                let word = String::from("temporary");
                longest = &word;
            }
            println!("{}", longest);
        }
        """,
        Expect(
            "E0597",
            "`word` does not live long enough",
            (5, 19),
            (
                (5, 19, "borrowed value does not live long enough"),
                (6, 5, "`word` dropped here while still borrowed"),
                (4, 13, "binding `word` declared here"),
                (7, 20, "borrow later used here"),
            ),
        ),
    ),
    Case(
        "e0597_borrow_stored_across_iterations",
        """
        fn main() {
            let mut lengths: Vec<&usize> = Vec::new();
            for word in ["a", "bb"] {
                let n = word.len();
                lengths.push(&n);
            }
            println!("{:?}", lengths);
        }
        """,
        Expect(
            "E0597",
            "`n` does not live long enough",
            (5, 22),
            (
                (5, 22, "borrowed value does not live long enough"),
                (6, 5, "`n` dropped here while still borrowed"),
                (4, 13, "binding `n` declared here"),
                (5, 9, "borrow later used here"),
                (2, 9, "variable `lengths` declared here"),
            ),
        ),
    ),
    Case(
        "e0515_return_reference_to_local",
        """
        fn longest_name(names: &Vec<String>) -> &String {
            let mut best = String::new();
            for n in names {
                if n.len() > best.len() {
                    best = n.clone();
                }
            }
            &best
        }

        fn main() {
            let names = vec![String::from("Ann")];
            println!("{}", longest_name(&names));
        }
        """,
        Expect(
            "E0515",
            "cannot return reference to local variable `best`",
            (8, 5),
            ((8, 5, "returns a reference to data owned by the current function"),),
        ),
    ),
    Case(
        "e0507_move_out_of_reference",
        """
        struct Person {
            name: String,
        }

        fn name_of(p: &Person) -> String {
            p.name
        }

        fn main() {
            let p = Person { name: String::from("Ann") };
            println!("{}", name_of(&p));
        }
        """,
        Expect(
            "E0507",
            "cannot move out of `p.name` which is behind a shared reference",
            (6, 5),
            ((6, 5, "move occurs because `p.name` has type `String`, which does not implement the `Copy` trait"),),
        ),
    ),
    Case(
        "e0507_method_takes_self_through_reference",
        """
        fn first_word(words: &Option<String>) -> String {
            words.unwrap()
        }

        fn main() {
            println!("{}", first_word(&Some(String::from("hi"))));
        }
        """,
        Expect(
            "E0507",
            "cannot move out of `*words` which is behind a shared reference",
            (2, 5),
            (
                (2, 5, "help: consider calling `.as_ref()` or `.as_mut()` to borrow the type's contents"),
                (2, 11, "`*words` moved due to this method call"),
                (
                    2,
                    5,
                    "move occurs because `*words` has type `Option<String>`, which does not implement the `Copy` trait",
                ),
            ),
        ),
    ),
    Case(
        "e0508_move_out_of_array",
        """
        fn main() {
            let names = [String::from("a"), String::from("b")];
            let first = names[0];
            println!("{}", first);
        }
        """,
        Expect(
            "E0508",
            "cannot move out of type `[String; 2]`, a non-copy array",
            (3, 17),
            (
                (3, 17, "cannot move out of here"),
                (3, 17, "move occurs because `names[_]` has type `String`, which does not implement the `Copy` trait"),
            ),
        ),
    ),
    Case(
        "e0382_moved_by_operator",
        """
        fn main() {
            let greeting = String::from("hi");
            let mut line = String::new();
            for _ in 0..2 {
                line = greeting + "!";
            }
            println!("{}", line);
        }
        """,
        Expect(
            "E0382",
            "use of moved value: `greeting`",
            (5, 16),
            (
                (4, 5, "inside of this loop"),
                (5, 16, "`greeting` moved due to usage in operator, in previous iteration of loop"),
                (2, 9, "move occurs because `greeting` has type `String`, which does not implement the `Copy` trait"),
                (5, 16, ""),
            ),
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_borrow_checker_verdict(case: Case) -> None:
    diagnostics = borrowck_diagnostics(case.program)
    got = as_expect(diagnostics[0]) if diagnostics else None
    assert got == normalised(case.error)


@needs_rustc
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_expectation_is_rustcs(case: Case, tmp_path: Path) -> None:
    assert normalised(rustc_first_error(case.program, tmp_path)) == normalised(case.error)


SEVERAL_ERRORS = """\
fn helper(v: &Vec<i32>) {
    v.push(1);
}

fn main() {
    let x = 5;
    x = 6;
    let s = String::new();
    let t = s;
    println!("{} {} {}", x, s, t);
}
"""


def test_every_error_is_reported_in_source_order() -> None:
    """rustc checks one function after another and sorts each function's errors by position."""
    got = [(d.code, d.primary_span[:2]) for d in borrowck_diagnostics(SEVERAL_ERRORS)]
    assert got == [("E0596", (2, 5)), ("E0384", (7, 5)), ("E0382", (10, 29))]


@needs_rustc
def test_several_errors_as_rustc(tmp_path: Path) -> None:
    expected = [
        (d["code"]["code"], next((s["line_start"], s["column_start"]) for s in d["spans"] if s["is_primary"]))
        for d in rustc_errors(SEVERAL_ERRORS, tmp_path)
    ]
    assert [(d.code, d.primary_span[:2]) for d in borrowck_diagnostics(SEVERAL_ERRORS)] == expected


def test_run_reports_the_error_as_rustc() -> None:
    case = next(case for case in CASES if case.name == "e0499_same_variable_twice_in_a_call")
    result = run_source(case.program, "main.rs")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "error[E0499]: cannot borrow `s` as mutable more than once at a time\n --> main.rs:7:18\n"
    )
