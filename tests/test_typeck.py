"""The type checker against rustc 1.95.

Each type case is a program whose `//? a b` comments mark where the types of `a` and `b` are probed, with the
types expected there. The expectations are rustc's: where rustc is installed, `test_types_agree_with_rustc`
compiles the program with each probe replaced by a `type_name_of_val` print and compares. Error cases likewise keep
rustc's code, headline and location (the ` --> line:col` of its report), and are compiled where rustc exists.
"""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import textwrap

import pytest

from whiteboard.model import syntax as ast
from whiteboard.model.diagnostics import CompileError
from whiteboard.model.parser import parse_program
from whiteboard.model.syntax import Unsupported
from whiteboard.model.typeck import Coercion, check_program
from whiteboard.model.typeck_items import iter_nodes
from whiteboard.model.types import F64, I32, STR, U8, Adt, Array, Int, RawPtr, Ref, Slice, Tuple, Var

RUSTC = shutil.which("rustc")
needs_rustc = pytest.mark.skipif(RUSTC is None, reason="rustc is not installed")

_PROBE = re.compile(r"^(\s*)//\? (.+)$", re.MULTILINE)


def program(body: str) -> str:
    return textwrap.dedent(body).strip() + "\n"


# ------------------------------------------------------------------------------------------------- harness


def probed_types(source: str) -> dict[str, str]:
    """The types the checker gives the variables named in the probes, as rustc prints types."""
    prog = parse_program(source)
    info = check_program(prog)
    idents = [n for item in prog.items for n in iter_nodes(item) if isinstance(n, ast.PIdent)]
    found = {}
    for match in _PROBE.finditer(source):
        line = source.count("\n", 0, match.start()) + 1
        for name in match.group(2).split():
            visible = [p for p in idents if p.name == name and p.span[0] <= line and p.id in info.binding_types]
            found[name] = str(info.binding_types[max(visible, key=lambda p: p.span).id])
    return found


def rustc_types(source: str, tmp_path) -> dict[str, str]:
    """Compile the program with each probe printing `name=type` and run it."""

    def probe(match: re.Match) -> str:
        indent, names = match.group(1), match.group(2).split()
        return "\n".join(f'{indent}println!("{n}={{}}", std::any::type_name_of_val(&{n}));' for n in names)

    binary = _compile(_PROBE.sub(probe, source), tmp_path)
    output = subprocess.run([binary], capture_output=True, text=True, timeout=30).stdout
    pairs = (line.split("=", 1) for line in output.splitlines() if "=" in line)
    return {name: _short_type_name(ty) for name, ty in pairs}


def _short_type_name(name: str) -> str:
    """`alloc::vec::Vec<u8>` as `Vec<u8>`, `core::slice::iter::Iter<'_, T>` as `Iter<T>`."""
    return re.sub(r"\b(?:[A-Za-z_]\w*::)+", "", name).replace("'_, ", "")


def _compile(source: str, tmp_path) -> str:
    path = tmp_path / "main.rs"
    path.write_text(source)
    result = subprocess.run(
        [RUSTC, "--edition", "2024", "-o", str(tmp_path / "main"), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return str(tmp_path / "main")


def rustc_first_error(source: str, tmp_path) -> tuple[str | None, str, str]:
    """rustc's first error: code, headline and the `line:col` of its ` --> ` line."""
    (tmp_path / "main.rs").write_text(source)
    result = subprocess.run(
        [RUSTC, "--edition", "2024", "--color", "never", "main.rs"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0, "rustc accepted the program"
    lines = result.stderr.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("error"))
    match = re.match(r"error(?:\[(E\d{4})\])?: (.*)", lines[first])
    location = next(line for line in lines[first:] if line.lstrip().startswith("-->")).rsplit("main.rs:", 1)[1]
    return match.group(1), match.group(2), location


def first_error(source: str) -> tuple[str | None, str, str]:
    with pytest.raises(CompileError) as caught:
        check_program(parse_program(source))
    diagnostic = caught.value.diagnostics[0]
    line, col = diagnostic.primary_span[:2]
    return diagnostic.code, diagnostic.message, f"{line}:{col}"


# ---------------------------------------------------------------------------------------------- type cases

TYPE_CASES = [
    pytest.param(
        """
        fn main() {
            let a = 5;
            let b = 2.5;
            let c = 'x';
            let d = true;
            let e = "text";
            let f = b'a';
            let g = b"ab";
            let h = 7u64;
            let i = 1e3f32;
            //? a b c d e f g h i
        }
        """,
        {
            "a": "i32",
            "b": "f64",
            "c": "char",
            "d": "bool",
            "e": "&str",
            "f": "u8",
            "g": "&[u8; 2]",
            "h": "u64",
            "i": "f32",
        },
        id="literals-and-defaults",
    ),
    pytest.param(
        """
        fn main() {
            let x: u8 = 255;
            let y = 3;
            let z: i64 = y;
            let w = y + 1;
            let big = 1 << 4u64;
            let shifted = 1u8 << 3i64;
            //? x y z w big shifted
        }
        """,
        {"x": "u8", "y": "i64", "z": "i64", "w": "i64", "big": "i32", "shifted": "u8"},
        id="backward-inference-and-shifts",
    ),
    pytest.param(
        """
        fn main() {
            let v: Vec<u64> = Vec::new();
            let mut v2 = v;
            v2.push(1);
            let mut bytes = Vec::new();
            bytes.push(1u8);
            let n = bytes.len();
            let lit = vec![1, 2, 3];
            let cap = Vec::<u16>::with_capacity(4);
            let first = lit[0];
            //? v2 bytes n lit cap first
        }
        """,
        {"v2": "Vec<u64>", "bytes": "Vec<u8>", "n": "usize", "lit": "Vec<i32>", "cap": "Vec<u16>", "first": "i32"},
        id="vec-element-inference",
    ),
    pytest.param(
        """
        fn main() {
            let mut v = Vec::new();
            let k = 300;
            v.push(k);
            let total: u64 = v[0];
            //? v k total
        }
        """,
        {"v": "Vec<u64>", "k": "u64", "total": "u64"},
        id="late-unification-through-vec",
    ),
    pytest.param(
        """
        fn main() {
            let v = vec![10u32, 20];
            let r = &v;
            let m = r[1];
            let s = &v[..1];
            let arr = [1i8; 4];
            let part = &arr[1..3];
            let last = arr[3];
            let text = String::from("hello");
            let slice = &text[1..];
            //? r m s arr part last slice
        }
        """,
        {"r": "&Vec<u32>", "m": "u32", "s": "&[u32]", "arr": "[i8; 4]", "part": "&[i8]", "last": "i8", "slice": "&str"},
        id="indexing",
    ),
    pytest.param(
        """
        fn main() {
            let v = vec![1u16, 2];
            for x in &v {
                //? x
            }
            for y in v.iter() {
                //? y
            }
            let mut w = vec![1u64];
            for z in &mut w {
                //? z
            }
            for q in w.iter_mut() {
                //? q
            }
            for i in 0..v.len() {
                //? i
            }
            for j in 1..=3u8 {
                //? j
            }
            let arr = [1.5f32; 2];
            for f in arr {
                //? f
            }
            for owned in v {
                //? owned
            }
        }
        """,
        {
            "x": "&u16",
            "y": "&u16",
            "z": "&mut u64",
            "q": "&mut u64",
            "i": "usize",
            "j": "u8",
            "f": "f32",
            "owned": "u16",
        },
        id="for-loops",
    ),
    pytest.param(
        """
        #[derive(Debug, Clone, Copy, PartialEq)]
        struct Point { x: i32, y: i32 }
        struct Wrapper(u8, String);
        impl Point {
            fn new(x: i32, y: i32) -> Self { Point { x, y } }
            fn norm(&self) -> i32 { self.x * self.x + self.y * self.y }
        }
        fn main() {
            let p = Point::new(1, 2);
            let n = p.norm();
            let r = &p;
            let rx = r.x;
            let b = Box::new(p);
            let by = b.y;
            let w = Wrapper(1, String::new());
            let w0 = w.0;
            let pair = (1u8, 2.0);
            let second = pair.1;
            //? p n r rx b by w w0 pair second
        }
        """,
        {
            "p": "Point",
            "n": "i32",
            "r": "&Point",
            "rx": "i32",
            "b": "Box<Point>",
            "by": "i32",
            "w": "Wrapper",
            "w0": "u8",
            "pair": "(u8, f64)",
            "second": "f64",
        },
        id="structs-and-fields",
    ),
    pytest.param(
        """
        fn main() {
            let opt = Some(3u8);
            match &opt {
                Some(a) => {
                    //? a
                }
                None => {}
            }
            match opt {
                Some(b) => {
                    //? b
                }
                None => {}
            }
            let mut m = Some(String::new());
            if let Some(c) = &mut m {
                //? c
            }
            if let Some(ref d) = m {
                //? d
            }
            let pair = (1u16, String::new());
            let (e, f) = &pair;
            //? e f
            let &(g, _) = &(5i64, 1);
            //? g
        }
        """,
        {"a": "&u8", "b": "u8", "c": "&mut String", "d": "&String", "e": "&u16", "f": "&String", "g": "i64"},
        id="binding-modes",
    ),
    pytest.param(
        """
        enum Shape { Circle(f64), Rect { w: u32, h: u32 }, Empty }
        fn main() {
            let s = Shape::Rect { w: 2, h: 3 };
            let area = match s {
                Shape::Circle(r) => r as u32,
                Shape::Rect { w, h } => w * h,
                Shape::Empty => 0,
            };
            let t = Shape::Circle(1.0);
            if let Shape::Circle(radius) = &t {
                //? radius
            }
            let e = Shape::Empty;
            //? area e
        }
        """,
        {"radius": "&f64", "area": "u32", "e": "Shape"},
        id="enums",
    ),
    pytest.param(
        """
        fn main() {
            let mut s = String::new();
            s.push('a');
            s.push_str("bc");
            let t = s.clone() + "d";
            let u = s + &t;
            let len = u.len();
            let st = u.as_str();
            let owned = st.to_owned();
            let num = 42.to_string();
            let c = 'z'.to_string();
            let f = format!("{}{}", len, num);
            //? t u len st owned num c f
        }
        """,
        {
            "t": "String",
            "u": "String",
            "len": "usize",
            "st": "&str",
            "owned": "String",
            "num": "String",
            "c": "String",
            "f": "String",
        },
        id="strings",
    ),
    pytest.param(
        """
        fn main() {
            let mut v = vec![3u8, 1, 2];
            let popped = v.pop();
            let removed = v.remove(0);
            let got = v.get(0);
            let first = v.first();
            let has = v.contains(&3);
            let copy = v.clone();
            let sl = v.as_slice();
            let x = Some(5i16);
            let y = x.unwrap();
            let z = x.is_some();
            let mut w = Some(1u32);
            let taken = w.take();
            let e = taken.expect("set");
            //? popped got first has removed copy sl y z taken e
        }
        """,
        {
            "popped": "Option<u8>",
            "got": "Option<&u8>",
            "first": "Option<&u8>",
            "has": "bool",
            "removed": "u8",
            "copy": "Vec<u8>",
            "sl": "&[u8]",
            "y": "i16",
            "z": "bool",
            "taken": "Option<u32>",
            "e": "u32",
        },
        id="vec-and-option-methods",
    ),
    pytest.param(
        """
        use std::rc::Rc;
        use std::mem;
        fn main() {
            let a = Rc::new(vec![1u8]);
            let b = Rc::clone(&a);
            let c = a.clone();
            let n = Rc::strong_count(&a);
            let l = c.len();
            let size = std::mem::size_of::<u64>();
            let sv = mem::size_of_val(&b);
            let mut p = 1u8;
            let mut q = 2u8;
            mem::swap(&mut p, &mut q);
            let old = mem::replace(&mut p, 9);
            let mut s = String::from("x");
            let took = mem::take(&mut s);
            let al = align_of::<u16>();
            //? b c n l size sv old took al
        }
        """,
        {
            "b": "Rc<Vec<u8>>",
            "c": "Rc<Vec<u8>>",
            "n": "usize",
            "l": "usize",
            "size": "usize",
            "sv": "usize",
            "old": "u8",
            "took": "String",
            "al": "usize",
        },
        id="rc-and-mem",
    ),
    pytest.param(
        """
        fn main() {
            let a = -7i32;
            let b = a.abs();
            let c = 2u64.pow(10);
            let d = 3i8.min(4);
            let e = 250u8.wrapping_add(10);
            let f = 250u8.checked_add(10);
            let g = 5u32.saturating_sub(9);
            let h = 2.0f64.sqrt();
            let i = 1.5f32.powi(2);
            let j = -2.5f64.abs();
            //? b c d e f g h i j
        }
        """,
        {
            "b": "i32",
            "c": "u64",
            "d": "i8",
            "e": "u8",
            "f": "Option<u8>",
            "g": "u32",
            "h": "f64",
            "i": "f32",
            "j": "f64",
        },
        id="number-methods",
    ),
    pytest.param(
        """
        fn main() {
            let x = 200 as u8 as i32;
            let y = 3.9 as i64;
            let z = 'a' as u32;
            let b = true as u8;
            let c = 65u8 as char;
            let n = 5;
            let m = n as u64;
            let p = &n as *const i32;
            //? x y z b c n m p
        }
        """,
        {"x": "i32", "y": "i64", "z": "u32", "b": "u8", "c": "char", "n": "i32", "m": "u64", "p": "*const i32"},
        id="casts",
    ),
    pytest.param(
        """
        fn pick(flag: bool) -> u16 {
            let v = if flag { 1 } else { return 0; };
            v
        }
        fn main() {
            let mut count = 0;
            let found = loop {
                count += 1;
                if count == 3u8 {
                    break count * 2;
                }
            };
            let r = pick(true);
            let unit = ();
            let block = { let inner = 4i16; inner + 1 };
            let cmp = 1 < 2;
            let arr = [0u32; 3];
            let tuple = (found, r);
            //? count found r unit block cmp arr tuple
        }
        """,
        {
            "count": "u8",
            "found": "u8",
            "r": "u16",
            "unit": "()",
            "block": "i16",
            "cmp": "bool",
            "arr": "[u32; 3]",
            "tuple": "(u8, u16)",
        },
        id="control-flow",
    ),
    pytest.param(
        """
        #[derive(Default, Debug)]
        struct Config { width: u32, name: String, verbose: bool }
        fn main() {
            let c = Config { width: 3, ..Default::default() };
            let d: Config = Default::default();
            let e = Config::default();
            let n: i64 = Default::default();
            let s = String::default();
            //? c d e n s
        }
        """,
        {"c": "Config", "d": "Config", "e": "Config", "n": "i64", "s": "String"},
        id="default",
    ),
    pytest.param(
        """
        const LIMIT: usize = 3;
        static GREETING: &str = "hi";
        fn double(x: u32) -> u32 { x * 2 }
        fn fact(n: u64) -> u64 { if n == 0 { 1 } else { n * fact(n - 1) } }
        fn main() {
            let l = LIMIT;
            let g = GREETING;
            let d = double(4);
            let f = fact(5);
            let buf = [0u8; LIMIT];
            //? l g d f buf
        }
        """,
        {"l": "usize", "g": "&str", "d": "u32", "f": "u64", "buf": "[u8; 3]"},
        id="items",
    ),
    pytest.param(
        """
        fn takes(s: &str) -> usize { s.len() }
        fn sum(v: &[i32]) -> i32 { let mut t = 0; for x in v { t += x; } t }
        fn main() {
            let owned = String::from("abc");
            let n = takes(&owned);
            let v = vec![1, 2];
            let total = sum(&v);
            let arr = [4, 5, 6];
            let total2 = sum(&arr);
            let b = Box::new(7u8);
            let r: &u8 = &b;
            //? n v total arr total2 r
        }
        """,
        {"n": "usize", "v": "Vec<i32>", "total": "i32", "arr": "[i32; 3]", "total2": "i32", "r": "&u8"},
        id="deref-coercions",
    ),
    pytest.param(
        """
        fn main() {
            let mut stack = vec![1u8, 2];
            while let Some(top) = stack.pop() {
                //? top
            }
            let x = 5u8;
            let y = match x {
                0 => "zero",
                1..=9 => "small",
                _ => "big",
            };
            let r = &x;
            let z = *r + 1;
            let cond = x > 3 && y.len() == 5;
            //? y z cond
        }
        """,
        {"top": "u8", "y": "&str", "z": "u8", "cond": "bool"},
        id="while-let-match-deref",
    ),
]


@pytest.mark.parametrize(("source", "expected"), TYPE_CASES)
def test_types(source, expected):
    assert probed_types(program(source)) == expected


@needs_rustc
@pytest.mark.parametrize(("source", "expected"), TYPE_CASES)
def test_types_agree_with_rustc(source, expected, tmp_path):
    assert rustc_types(program(source), tmp_path) == expected


# --------------------------------------------------------------------------------------------- error cases

ERROR_CASES = [
    pytest.param(
        "fn f() {}\nfn f() {}\nfn main() {}", "E0428", "the name `f` is defined multiple times", "2:1", id="E0428"
    ),
    pytest.param(
        "struct P;\nimpl P { fn a(&self) {} }\nimpl P { fn a(&self) {} }\nfn main() {}",
        "E0592",
        "duplicate definitions with name `a`",
        "2:10",
        id="E0592",
    ),
    pytest.param(
        "fn main() { let Some(x) = Some(1) else { 5 }; }",
        "E0308",
        "`else` clause of `let...else` does not diverge",
        "1:40",
        id="E0308-let-else",
    ),
    pytest.param("fn main() { 'a: loop { break 'b; } }", "E0426", "use of undeclared label `'b`", "1:30", id="E0426"),
    pytest.param(
        "struct P { x: i32 }\nfn main() { let p = P { x: 1, x: 2 }; }",
        "E0062",
        "field `x` specified more than once",
        "2:31",
        id="E0062",
    ),
    pytest.param(
        "enum E { A }\nfn main() { let e = E::A; let E::A { x } = e; }",
        "E0026",
        "variant `E::A` does not have a field named `x`",
        "2:38",
        id="E0026-variant",
    ),
    pytest.param(
        "#[derive(Copy)]\nstruct S;\nfn main() {}",
        "E0277",
        "the trait bound `S: Clone` is not satisfied",
        "2:8",
        id="E0277-derive-copy",
    ),
    pytest.param(
        "#[derive(Clone, Copy)]\nstruct S;\nimpl Drop for S { fn drop(&mut self) {} }\nfn main() {}",
        "E0184",
        "the trait `Copy` cannot be implemented for this type; the type has a destructor",
        "2:8",
        id="E0184",
    ),
    pytest.param(
        "fn main() { let v: Vec = Vec::new(); }",
        "E0107",
        "missing generics for struct `Vec`",
        "1:20",
        id="E0107-missing",
    ),
    pytest.param(
        "fn main() { let s: String<u8> = String::new(); }",
        "E0107",
        "struct takes 0 generic arguments but 1 generic argument was supplied",
        "1:20",
        id="E0107-extra",
    ),
    pytest.param("fn f(x: Self) {}\nfn main() {}", "E0411", "cannot find type `Self` in this scope", "1:9", id="E0411"),
    pytest.param(
        "use Color::Purple;\nenum Color { Red }\nfn main() {}",
        "E0432",
        "unresolved import `Color::Purple`",
        "1:5",
        id="E0432",
    ),
    pytest.param(
        'struct P;\nfn main() { println!("{who}", who = P); }',
        "E0277",
        "`P` doesn't implement `std::fmt::Display`",
        "2:37",
        id="E0277-named-arg",
    ),
    pytest.param(
        'fn main() { println!("{0} {2}", 1, 2); }',
        None,
        "invalid reference to positional argument 2 (there are 2 arguments)",
        "1:28",
        id="format-bad-index",
    ),
    pytest.param(
        'fn main() { println!("{a}", a = 1, b = 2); }',
        None,
        "named argument never used",
        "1:40",
        id="format-unused-named",
    ),
    pytest.param(
        'fn main() { let w = 5; println!("{:w$}", 1.5f32); let x = 1; println!("{x:>w$}");'
        ' println!("{:.*}", "a", 2.0); }',
        "E0308",
        "mismatched types",
        "1:101",
        id="format-precision-type",
    ),
    pytest.param(
        "fn takes(s: &str) {}\nfn main() { let s = String::new(); takes(s); }",
        "E0308",
        "mismatched types",
        "2:42",
        id="E0308-arg",
    ),
    pytest.param(
        'fn main() { let mut v = vec![1]; v.push("x"); }', "E0308", "mismatched types", "1:41", id="E0308-method-arg"
    ),
    pytest.param("fn main() { let x = 5; if x = 5 {} }", "E0308", "mismatched types", "1:27", id="E0308-assign-in-if"),
    pytest.param(
        'struct P { x: u8 }\nfn main() { let p = P { x: "a" }; }', "E0308", "mismatched types", "2:28", id="E0308-field"
    ),
    pytest.param(
        "fn main() { let x = 5; x.unwrap(); }",
        "E0599",
        "no method named `unwrap` found for type `{integer}` in the current scope",
        "1:26",
        id="E0599-literal",
    ),
    pytest.param(
        "fn main() { let v = vec![1]; for i in 0..v.len() { let x: i32 = i; } }",
        "E0308",
        "mismatched types",
        "1:65",
        id="E0308-usize-index",
    ),
    pytest.param(
        'fn main() { let s = "a" + "b"; }', "E0369", "cannot add `&str` to `&str`", "1:25", id="E0369-str-add"
    ),
    pytest.param(
        "fn main() { let t: (i32, f64) = (1, 2); }", "E0308", "mismatched types", "1:37", id="E0308-tuple-element"
    ),
    pytest.param(
        "fn main() { let n = -5; let u: u32 = n; }",
        "E0277",
        "the trait bound `u32: Neg` is not satisfied",
        "1:21",
        id="E0277-neg-unsigned",
    ),
    pytest.param(
        "fn main() { let v = vec![1]; let x = v.get(0) + 1; }",
        "E0369",
        "cannot add `{integer}` to `Option<&{integer}>`",
        "1:47",
        id="E0369-option-add",
    ),
    pytest.param("fn main() { loop { break 5 } }", "E0308", "mismatched types", "1:26", id="E0308-loop-statement"),
    pytest.param(
        'fn f(x: i32) -> i32 { if x > 0 { return "a"; } x }\nfn main() {}',
        "E0308",
        "mismatched types",
        "1:41",
        id="E0308-return",
    ),
    pytest.param(
        "fn main() { let p = (1, 2); let (a, b, c) = p; }",
        "E0308",
        "mismatched types",
        "1:33",
        id="E0308-tuple-pattern",
    ),
    pytest.param(
        "fn main() { let x = 3.0; let y: f32 = x * 2; }",
        "E0277",
        "cannot multiply `{float}` by `{integer}`",
        "1:41",
        id="E0277-float-times-int",
    ),
    pytest.param('fn main() { let x: u8 = "a"; }', "E0308", "mismatched types", "1:25", id="E0308-let"),
    pytest.param(
        "fn f(x: u8) {}\nfn main() { f(1, 2); }",
        "E0061",
        "this function takes 1 argument but 2 arguments were supplied",
        "2:13",
        id="E0061-fn",
    ),
    pytest.param(
        "fn main() { let v: Vec<u8> = Vec::new(); v.push(); }",
        "E0061",
        "this method takes 1 argument but 0 arguments were supplied",
        "1:44",
        id="E0061-method",
    ),
    pytest.param("fn main() { let a = b; }", "E0425", "cannot find value `b` in this scope", "1:21", id="E0425-value"),
    pytest.param("fn main() { foo(); }", "E0425", "cannot find function `foo` in this scope", "1:13", id="E0425-fn"),
    pytest.param(
        "struct P { x: i32 }\nfn main() { let p = P { x: 1 }; p.go(); }",
        "E0599",
        "no method named `go` found for struct `P` in the current scope",
        "2:35",
        id="E0599-struct",
    ),
    pytest.param(
        "struct P { x: i32 }\nfn main() { let p = P { x: 1 }; let r = &p; r.go(); }",
        "E0599",
        "no method named `go` found for reference `&P` in the current scope",
        "2:47",
        id="E0599-ref",
    ),
    pytest.param(
        "enum E { A }\nfn main() { let e = E::B; }",
        "E0599",
        "no variant or associated item named `B` found for enum `E` in the current scope",
        "2:24",
        id="E0599-variant",
    ),
    pytest.param(
        "struct P { x: i32 }\nfn main() { let p = P { x: 1 }; let y = p.y; }",
        "E0609",
        "no field `y` on type `P`",
        "2:43",
        id="E0609",
    ),
    pytest.param(
        "struct P { x: i32 }\nfn main() { let r = &P { x: 1 }; let y = r.y; }",
        "E0609",
        "no field `y` on type `&P`",
        "2:44",
        id="E0609-ref",
    ),
    pytest.param(
        "struct P { x: i32 }\nfn main() { let p = P { x: 1, y: 2 }; }",
        "E0560",
        "struct `P` has no field named `y`",
        "2:31",
        id="E0560",
    ),
    pytest.param(
        "struct P { x: i32, y: i32 }\nfn main() { let p = P { x: 1 }; }",
        "E0063",
        "missing field `y` in initializer of `P`",
        "2:21",
        id="E0063",
    ),
    pytest.param(
        "struct P { x: i32, y: i32, z: i32 }\nfn main() { let p = P { x: 1 }; }",
        "E0063",
        "missing fields `y` and `z` in initializer of `P`",
        "2:21",
        id="E0063-two",
    ),
    pytest.param(
        "fn main() { let x = 5; let y = x.pow(2); }",
        "E0689",
        "can't call method `pow` on ambiguous numeric type `{integer}`",
        "1:34",
        id="E0689",
    ),
    pytest.param(
        "fn main() { let v = Vec::new(); }", "E0282", "type annotations needed for `Vec<_>`", "1:17", id="E0282-vec"
    ),
    pytest.param(
        "fn main() { let x = None; }", "E0282", "type annotations needed for `Option<_>`", "1:17", id="E0282-option"
    ),
    pytest.param(
        "fn main() { let (a, b) = (Vec::new(), 1); }", "E0282", "type annotations needed", "1:27", id="E0282-tuple"
    ),
    pytest.param("fn main() { Vec::new(); }", "E0282", "type annotations needed", "1:13", id="E0282-expr"),
    pytest.param(
        "fn main() { let x = Default::default(); }",
        "E0790",
        "cannot call associated function on trait without specifying the corresponding `impl` type",
        "1:21",
        id="E0790",
    ),
    pytest.param("fn main() { let x = 1u8 + 1u16; }", "E0308", "mismatched types", "1:27", id="E0308-binop"),
    pytest.param(
        "fn main() { let x = 1 + 1.0; }", "E0277", "cannot add a float to an integer", "1:23", id="E0277-int-plus-float"
    ),
    pytest.param("fn main() { let x = 2i32 + 1.5; }", "E0277", "cannot add `{float}` to `i32`", "1:26", id="E0277-add"),
    pytest.param(
        "fn main() { let mut x = 2; x -= 1.5; }",
        "E0277",
        "cannot subtract-assign `{float}` from `{integer}`",
        "1:30",
        id="E0277-sub-assign",
    ),
    pytest.param(
        "fn main() { let x = 2.0 & 1; }",
        "E0369",
        "no implementation for `{float} & {integer}`",
        "1:25",
        id="E0369-bitand",
    ),
    pytest.param(
        "fn main() { let x = 2i32 * 1.5f64; }", "E0277", "cannot multiply `i32` by `f64`", "1:26", id="E0277-mul"
    ),
    pytest.param("struct P;\nfn main() { let x = P + P; }", "E0369", "cannot add `P` to `P`", "2:23", id="E0369-add"),
    pytest.param(
        "struct P;\nfn main() { let x = P == P; }",
        "E0369",
        "binary operation `==` cannot be applied to type `P`",
        "2:23",
        id="E0369-eq",
    ),
    pytest.param(
        "fn main() { let x = 5; let r = &x; let b = r == 5; }",
        "E0277",
        "can't compare `&{integer}` with `{integer}`",
        "1:46",
        id="E0277-compare-ref",
    ),
    pytest.param(
        'fn main() { let x = if true { 1 } else { "a" }; }',
        "E0308",
        "`if` and `else` have incompatible types",
        "1:42",
        id="E0308-if-else",
    ),
    pytest.param(
        "fn main() { let x = match 1 { 1 => 2u8, _ => 'c' }; }",
        "E0308",
        "`match` arms have incompatible types",
        "1:46",
        id="E0308-match",
    ),
    pytest.param(
        "fn main() { let x = if true { 1 }; }", "E0317", "`if` may be missing an `else` clause", "1:21", id="E0317"
    ),
    pytest.param("fn f() -> i32 { 5; }\nfn main() { f(); }", "E0308", "mismatched types", "1:11", id="E0308-no-tail"),
    pytest.param(
        'struct P;\nfn main() { println!("{}", P); }',
        "E0277",
        "`P` doesn't implement `std::fmt::Display`",
        "2:28",
        id="E0277-display",
    ),
    pytest.param(
        'struct P;\nfn main() { println!("{:?}", P); }',
        "E0277",
        "`P` doesn't implement `Debug`",
        "2:30",
        id="E0277-debug",
    ),
    pytest.param(
        'fn main() { let v = vec![1]; println!("{}", v); }',
        "E0277",
        "`Vec<{integer}>` doesn't implement `std::fmt::Display`",
        "1:45",
        id="E0277-display-vec",
    ),
    pytest.param(
        'fn main() { println!("{} {}", 1); }',
        None,
        "2 positional arguments in format string, but there is 1 argument",
        "1:23",
        id="format-count",
    ),
    pytest.param('fn main() { println!("{}", 1, 2); }', None, "argument never used", "1:31", id="format-unused"),
    pytest.param(
        'fn main() { println!("{y}"); }', "E0425", "cannot find value `y` in this scope", "1:24", id="format-capture"
    ),
    pytest.param(
        "fn main() { let x: u8 = 256; }", None, "literal out of range for `u8`", "1:25", id="overflowing-literal"
    ),
    pytest.param(
        "fn main() { let x: i8 = -129; }", None, "literal out of range for `i8`", "1:25", id="overflowing-negative"
    ),
    pytest.param(
        "fn main() { let x = -1u32; }", "E0600", "cannot apply unary operator `-` to type `u32`", "1:21", id="E0600"
    ),
    pytest.param(
        "fn main() { let x = 5; let y = *x; }", "E0614", "type `{integer}` cannot be dereferenced", "1:32", id="E0614"
    ),
    pytest.param(
        "fn main() { let s = String::new(); let n = s as i32; }",
        "E0605",
        "non-primitive cast: `String` as `i32`",
        "1:44",
        id="E0605",
    ),
    pytest.param(
        "fn main() { let c = 66u32 as char; }",
        "E0604",
        "only `u8` can be cast as `char`, not `u32`",
        "1:21",
        id="E0604",
    ),
    pytest.param(
        "fn main() { let x = 5; let p = &x as usize; }",
        "E0606",
        "casting `&i32` as `usize` is invalid",
        "1:32",
        id="E0606",
    ),
    pytest.param(
        "fn main() { let o = Some(1); match o { Some(_) => {} } }",
        "E0004",
        "non-exhaustive patterns: `None` not covered",
        "1:36",
        id="E0004-option",
    ),
    pytest.param(
        "enum C { R, G, B }\nfn main() { let c = C::R; match c { C::R => {} } }",
        "E0004",
        "non-exhaustive patterns: `C::G` and `C::B` not covered",
        "2:33",
        id="E0004-enum",
    ),
    pytest.param(
        "fn main() { let o = Some(1); match &o { Some(_) => {} } }",
        "E0004",
        "non-exhaustive patterns: `&None` not covered",
        "1:36",
        id="E0004-ref",
    ),
    pytest.param(
        "fn main() { let x = 3u8; match x { 0..=100 => {} } }",
        "E0004",
        "non-exhaustive patterns: `101_u8..=u8::MAX` not covered",
        "1:32",
        id="E0004-int",
    ),
    pytest.param(
        "fn main() { let x = 3i32; match x { 0 => {} } }",
        "E0004",
        "non-exhaustive patterns: `i32::MIN..=-1_i32` and `1_i32..=i32::MAX` not covered",
        "1:33",
        id="E0004-int-hole",
    ),
    pytest.param(
        "fn main() { let b = (true, false); match b { (true, _) => {} } }",
        "E0004",
        "non-exhaustive patterns: `(false, _)` not covered",
        "1:42",
        id="E0004-tuple",
    ),
    pytest.param(
        "fn main() { let o = Some(1); let Some(x) = o; }",
        "E0005",
        "refutable pattern in local binding",
        "1:34",
        id="E0005",
    ),
    pytest.param(
        "fn main() { let o = Some(1); for Some(x) in [o] {} }",
        "E0005",
        "refutable pattern in `for` loop binding",
        "1:34",
        id="E0005-for",
    ),
    pytest.param(
        "fn f((a, Some(b)): (u8, Option<u8>)) {}\nfn main() {}",
        "E0005",
        "refutable pattern in function argument",
        "1:6",
        id="E0005-param",
    ),
    pytest.param(
        "fn main() { let x = 5u8; match x { 0..=127 => {}, 129..=255 => {} } }",
        "E0004",
        "non-exhaustive patterns: `128_u8` not covered",
        "1:32",
        id="E0004-gap",
    ),
    pytest.param(
        "fn main() { let c = 'a'; match c { 'a'..='z' => {} } }",
        "E0004",
        "non-exhaustive patterns: `'\\0'..='`'`, `'{'..='\\u{d7ff}'` and `'\\u{e000}'..='\\u{10ffff}'` not covered",
        "1:32",
        id="E0004-char",
    ),
    pytest.param(
        "enum E { A(bool), B { x: u8 }, C }\nfn main() { let e = E::C; match e { E::A(true) => {}, E::C => {} } }",
        "E0004",
        "non-exhaustive patterns: `E::B { .. }` not covered",
        "2:33",
        id="E0004-nested",
    ),
    pytest.param(
        "struct P { a: bool, b: bool }\nfn main() { let p = P { a: true, b: true }; "
        "match p { P { a: true, .. } => {} } }",
        "E0004",
        "non-exhaustive patterns: `P { a: false, .. }` not covered",
        "2:51",
        id="E0004-struct",
    ),
    pytest.param(
        "fn main() { let o = Some(5); match o { Some(x) if x > 3 => {}, None => {} } }",
        "E0004",
        "non-exhaustive patterns: `Some(_)` not covered",
        "1:36",
        id="E0004-guard",
    ),
    pytest.param(
        'fn main() { let s = "a"; match s { "a" => {} } }',
        "E0004",
        "non-exhaustive patterns: `&_` not covered",
        "1:32",
        id="E0004-str",
    ),
    pytest.param(
        "fn main() { let x = 5; match x {} }",
        "E0004",
        "non-exhaustive patterns: type `i32` is non-empty",
        "1:30",
        id="E0004-empty",
    ),
    pytest.param(
        "enum C { R, G, B, W, K }\nfn main() { let c = C::R; match c { C::R => {} } }",
        "E0004",
        "non-exhaustive patterns: `C::G`, `C::B`, `C::W` and 1 more not covered",
        "2:33",
        id="E0004-many",
    ),
    pytest.param(
        "fn main() { let mut v = Vec::new(); v.push(1u8); let s: Vec<i32> = v; }",
        "E0308",
        "mismatched types",
        "1:68",
        id="E0308-vec-elem",
    ),
    pytest.param(
        "fn f(s: &mut String) {}\nfn main() { let s = String::new(); f(&s); }",
        "E0308",
        "mismatched types",
        "2:38",
        id="E0308-mutability",
    ),
    pytest.param(
        "fn main() { let x: Foo = 1; }", "E0425", "cannot find type `Foo` in this scope", "1:20", id="E0425-type"
    ),
    pytest.param(
        "fn main() { let r = Rc::new(1); }", "E0433", "cannot find type `Rc` in this scope", "1:21", id="E0433-rc"
    ),
    pytest.param(
        "fn main() { mem::drop(1); }",
        "E0433",
        "cannot find module or crate `mem` in this scope",
        "1:13",
        id="E0433-module",
    ),
    pytest.param(
        "fn main() { let x = Foo::new(); }", "E0433", "cannot find type `Foo` in this scope", "1:21", id="E0433-type"
    ),
    pytest.param(
        "fn main() { loop { break; } break; }",
        "E0268",
        "`break` outside of a loop or labeled block",
        "1:29",
        id="E0268",
    ),
    pytest.param(
        "fn main() { let x = while true { break 5; }; }",
        "E0571",
        "`break` with value from a `while` loop",
        "1:34",
        id="E0571",
    ),
    pytest.param(
        "fn f() -> u8 { return; }\nfn main() { f(); }",
        "E0069",
        "`return;` in a function whose return type is not `()`",
        "1:16",
        id="E0069",
    ),
    pytest.param(
        "fn main() { let v = vec![1, 2]; let x = v[1i32]; }",
        "E0277",
        "the type `[{integer}]` cannot be indexed by `i32`",
        "1:43",
        id="E0277-index",
    ),
    pytest.param(
        'fn main() { let s = String::from("ab"); let c = s[0]; }',
        "E0277",
        "the type `str` cannot be indexed by `{integer}`",
        "1:51",
        id="E0277-string-index",
    ),
    pytest.param(
        "#[derive(Clone, Copy)]\nstruct S { name: String }\nfn main() {}",
        "E0204",
        "the trait `Copy` cannot be implemented for this type",
        "2:8",
        id="E0204",
    ),
    pytest.param(
        "fn main() { let p: *const i32 = &5; let x = *p; }",
        "E0133",
        "dereference of raw pointer is unsafe and requires unsafe block",
        "1:45",
        id="E0133",
    ),
    pytest.param(
        "fn dangle() -> &String { let s = String::new(); &s }\nfn main() {}",
        "E0106",
        "missing lifetime specifier",
        "1:16",
        id="E0106",
    ),
    pytest.param(
        "fn longest(a: &str, b: &str) -> &str { a }\nfn main() {}",
        "E0106",
        "missing lifetime specifier",
        "1:33",
        id="E0106-two-inputs",
    ),
    pytest.param("fn helper() {}", "E0601", "`main` function not found in crate `main`", "1:15", id="E0601"),
    pytest.param(
        "fn main() { let arr = [String::new(); 2]; }",
        "E0277",
        "the trait bound `String: Copy` is not satisfied",
        "1:24",
        id="E0277-repeat",
    ),
    pytest.param(
        "struct P { x: i32 }\nfn main() { let p = P { x: 1 }; let n = p.x.len; }",
        "E0610",
        "`i32` is a primitive type and therefore doesn't have fields",
        "2:45",
        id="E0610",
    ),
    pytest.param(
        "fn main() { let x = 5; let y = &x; let z = y.foo; }",
        "E0609",
        "no field `foo` on type `&{integer}`",
        "1:46",
        id="E0609-primitive-ref",
    ),
    pytest.param(
        "fn main() { let s = String::new(); let z = s.vec; }",
        "E0616",
        "field `vec` of struct `String` is private",
        "1:46",
        id="E0616",
    ),
    pytest.param(
        "fn main() { let s = String::new(); let z = s.len; }",
        "E0615",
        "attempted to take value of method `len` on type `String`",
        "1:46",
        id="E0615",
    ),
    pytest.param(
        "fn main() { let t = (1, 2); let z = t.2; }",
        "E0609",
        "no field `2` on type `({integer}, {integer})`",
        "1:39",
        id="E0609-tuple",
    ),
    pytest.param(
        "fn main() { let x = 5u8.abs(); }",
        "E0599",
        "no method named `abs` found for type `u8` in the current scope",
        "1:25",
        id="E0599-unsigned-abs",
    ),
    pytest.param(
        "struct P; impl P { fn new() -> P { P } }\nfn main() { let p = P::make(); }",
        "E0599",
        "no function or associated item named `make` found for struct `P` in the current scope",
        "2:24",
        id="E0599-assoc",
    ),
    pytest.param(
        "struct P; impl P { fn new() -> P { P } }\nfn main() { let p = P; p.new(); }",
        "E0599",
        "no method named `new` found for struct `P` in the current scope",
        "2:26",
        id="E0599-assoc-as-method",
    ),
    pytest.param(
        "struct P { x: i32 }\nfn main() { let p = P; }", "E0423", "expected value, found struct `P`", "2:21", id="E0423"
    ),
    pytest.param(
        "enum E { A { x: i32 } }\nfn main() { let e = E::A; }",
        "E0533",
        "expected value, found struct variant `E::A`",
        "2:21",
        id="E0533",
    ),
    pytest.param(
        "fn main() { match Some(1) { Some => {} _ => {} } }",
        "E0530",
        "match bindings cannot shadow tuple variants",
        "1:29",
        id="E0530-match",
    ),
    pytest.param(
        "struct T(i32);\nfn main() { let T = 5; }",
        "E0530",
        "let bindings cannot shadow tuple structs",
        "2:17",
        id="E0530-let",
    ),
    pytest.param(
        "enum E { A(i32, i32) }\nfn main() { let E::A(x) = E::A(1, 2); }",
        "E0023",
        "this pattern has 1 field, but the corresponding tuple variant has 2 fields",
        "2:22",
        id="E0023",
    ),
    pytest.param(
        "struct P { x: i32 }\nfn main() { let P { y, .. } = P { x: 1 }; }",
        "E0026",
        "struct `P` does not have a field named `y`",
        "2:21",
        id="E0026",
    ),
    pytest.param(
        "struct P { x: i32, y: i32 }\nfn main() { let P { x } = P { x: 1, y: 2 }; }",
        "E0027",
        "pattern does not mention field `y`",
        "2:17",
        id="E0027",
    ),
    pytest.param(
        "fn main() { match 1 { x | 2 => {} } }",
        "E0408",
        "variable `x` is not bound in all patterns",
        "1:27",
        id="E0408",
    ),
    pytest.param(
        "fn main() { let (a, a) = (1, 2); }",
        "E0416",
        "identifier `a` is bound more than once in the same pattern",
        "1:21",
        id="E0416",
    ),
    pytest.param(
        "struct D;\nimpl Drop for D { fn drop(&mut self) {} }\nfn main() { let d = D; d.drop(); }",
        "E0040",
        "explicit use of destructor method",
        "3:26",
        id="E0040",
    ),
    pytest.param("fn main() { let x = 5; x(); }", "E0618", "expected function, found `{integer}`", "1:24", id="E0618"),
    pytest.param(
        "fn main() { let x = 5; let y = x[0]; }",
        "E0608",
        "cannot index into a value of type `{integer}`",
        "1:33",
        id="E0608",
    ),
]


@pytest.mark.parametrize(("source", "code", "headline", "location"), ERROR_CASES)
def test_errors(source, code, headline, location):
    assert first_error(source + "\n") == (code, headline, location)


@needs_rustc
@pytest.mark.parametrize(("source", "code", "headline", "location"), ERROR_CASES)
def test_errors_agree_with_rustc(source, code, headline, location, tmp_path):
    assert rustc_first_error(source + "\n", tmp_path) == (code, headline, location)


# ------------------------------------------------------------------------------ resolution, methods, coercions


def checked(source: str):
    prog = parse_program(program(source))
    return prog, check_program(prog)


def nodes_of(prog, kind) -> list:
    return [n for item in prog.items for n in iter_nodes(item) if isinstance(n, kind)]


def method_calls(source: str) -> dict[str, tuple[str, str, int]]:
    prog, info = checked(source)
    return {f"{call.method}@{call.span[0]}": info.methods[call.id] for call in nodes_of(prog, ast.MethodCall)}


def test_method_owners_and_autoderef_counts():
    calls = method_calls(
        """
        struct P { x: i32 }
        impl P { fn get(&self) -> i32 { self.x } fn bump(&mut self) { self.x += 1; } fn into_x(self) -> i32 { self.x } }
        fn main() {
            let mut p = P { x: 1 };
            let r = &p;
            let g = r.get();
            let rr = &r;
            let gg = rr.get();
            let b = Box::new(P { x: 2 });
            let bg = b.get();
            let m = &mut p;
            m.bump();
            let ms = m.get();
            let v = vec![1u8];
            let vl = v.len();
            let vi = v.iter();
            let rv = &v;
            let rvi = rv.iter();
            let arr = [1, 2];
            let al = arr.len();
            let s = String::new();
            let sl = s.len();
            let st = s.to_string();
            let rs = "x".to_string();
            let n = 5i32.to_string();
            let c = r.x.clone();
            let pc = Box::new(3).clone();
            let o = Some(1).unwrap();
            let x = P { x: 3 }.into_x();
        }
        """
    )
    assert calls == {
        "get@6": ("P", "get", 0),  # `&P` is already the receiver type of `&self`
        "get@8": ("P", "get", 1),  # `&&P`: one deref, then the `&self` receiver matches by value
        "get@10": ("P", "get", 1),  # `Box<P>`: deref, auto-ref
        "bump@12": ("P", "bump", 0),
        "get@13": ("P", "get", 1),  # `&mut P` is not `&P`: deref, auto-ref
        "len@15": ("Vec", "len", 0),
        "iter@16": ("slice", "iter", 1),  # `Vec<T>` derefs to `[T]`
        "iter@18": ("slice", "iter", 2),
        "len@20": ("slice", "len", 0),  # the array unsizes to a slice
        "len@22": ("String", "len", 0),
        "to_string@23": ("String", "to_string", 0),
        "to_string@24": ("str", "to_string", 0),  # `&str` is the `&self` of `str`'s method
        "to_string@25": ("int", "to_string", 0),
        "clone@26": ("int", "clone", 0),
        "clone@27": ("Box", "clone", 0),
        "unwrap@28": ("Option", "unwrap", 0),
        "into_x@29": ("P", "into_x", 0),
    }


def test_path_resolutions():
    prog, info = checked(
        """
        use std::rc::Rc;
        use std::mem::swap;
        const K: u8 = 1;
        static S: u8 = 2;
        struct Unit;
        struct Pair(u8, u8);
        enum E { A, B(u8) }
        impl Pair { fn new() -> Pair { Pair(K, S) } }
        fn helper() {}
        fn main() {
            let local = 1;
            let a = local;
            helper();
            let p = Pair::new();
            let q = Pair(1, 2);
            let u = Unit;
            let e = E::A;
            let f = E::B(3);
            let v: Vec<u8> = Vec::new();
            let r = Rc::new(1);
            let r2 = Rc::clone(&r);
            let mut x = 1;
            let mut y = 2;
            swap(&mut x, &mut y);
            std::mem::drop(v);
            let o = Some(1);
            let n: Option<u8> = None;
            let size = size_of::<u64>();
            let m = i32::MAX;
            let d: u8 = Default::default();
        }
        """
    )
    resolved = {
        "::".join(path.segments): info.resolutions[path.id]
        for path in nodes_of(prog, ast.Path)
        if path.id in info.resolutions
    }
    local = next(p for p in nodes_of(prog, ast.PIdent) if p.name == "local")
    assert resolved == {
        "K": ("const", "K"),
        "S": ("static", "S"),
        "Pair": ("struct", "Pair"),
        "local": ("local", local.id),
        "helper": ("fn", "helper"),
        "Pair::new": ("method", "Pair", "new"),
        "Unit": ("struct", "Unit"),
        "E::A": ("variant", "E", "A"),
        "E::B": ("variant", "E", "B"),
        "Vec::new": ("std", "Vec::new"),
        "Rc::new": ("std", "Rc::new"),
        "Rc::clone": ("std", "Rc::clone"),
        "r": ("local", next(p for p in nodes_of(prog, ast.PIdent) if p.name == "r").id),
        "x": ("local", next(p for p in nodes_of(prog, ast.PIdent) if p.name == "x").id),
        "y": ("local", next(p for p in nodes_of(prog, ast.PIdent) if p.name == "y").id),
        "v": ("local", next(p for p in nodes_of(prog, ast.PIdent) if p.name == "v").id),
        "swap": ("std", "mem::swap"),
        "std::mem::drop": ("std", "mem::drop"),
        "Some": ("std", "Some"),
        "None": ("std", "None"),
        "size_of": ("std", "mem::size_of"),
        "i32::MAX": ("std", "i32::MAX"),
        "Default::default": ("std", "Default::default"),
    }


def test_self_is_a_local_of_the_method():
    prog, info = checked(
        """
        struct C { n: u32 }
        impl C { fn get(&mut self) -> u32 { self.n } }
        fn main() { let mut c = C { n: 1 }; c.get(); }
        """
    )
    method = info.methods_by_type["C"]["get"].node
    self_path = next(p for p in nodes_of(prog, ast.Path) if p.segments == ("self",))
    assert info.resolutions[self_path.id] == ("local", method.id)
    assert info.binding_types[method.id] == Ref(Adt("C"), True)
    field = next(f for f in nodes_of(prog, ast.FieldAccess))
    assert info.autoderefs[field.id] == 1


def test_coercions_are_recorded():
    prog, info = checked(
        """
        fn takes(s: &str, v: &[u8], r: &u8) {}
        fn main() {
            let s = String::from("a");
            let v = vec![1u8];
            let arr = [1u8; 2];
            let b = Box::new(1u8);
            takes(&s, &v, &b);
            takes("x", &arr, &5);
            let m = &mut 7u8;
            let shared: &u8 = m;
            let p: *const u8 = &arr[0];
        }
        """
    )
    targets = {info.coercions[n.id] for n in nodes_of(prog, ast.AddrOf) if n.id in info.coercions}
    assert targets == {
        Coercion(Ref(STR), derefs=1),  # &String -> &str
        Coercion(Ref(Slice(U8)), derefs=1),  # &Vec<u8> -> &[u8]
        Coercion(Ref(U8), derefs=1),  # &Box<u8> -> &u8
        Coercion(Ref(Slice(U8)), derefs=0, unsize=True),  # &[u8; 2] -> &[u8]
        Coercion(RawPtr(U8), derefs=0),  # &u8 -> *const u8
    }
    m = next(p for p in nodes_of(prog, ast.Path) if p.segments == ("m",))
    assert info.coercions[m.id] == Coercion(Ref(U8))  # &mut u8 -> &u8


def test_every_expression_has_a_concrete_type():
    prog, info = checked(
        """
        #[derive(Debug, Default, Clone)]
        struct S { v: Vec<u8>, n: u16 }
        fn main() {
            let mut s = S { n: 2, ..Default::default() };
            s.v.push(1);
            let t = s.clone();
            let total = t.v.len() + s.n as usize;
        }
        """
    )
    expression_kinds = tuple(ast.Expr.__args__)
    heads = {id(n.path) for n in nodes_of(prog, (ast.StructLit, ast.PTupleStruct, ast.PStruct, ast.PPath))}
    expressions = [n for n in nodes_of(prog, expression_kinds) if id(n) not in heads]
    assert expressions and all(n.id in info.expr_types for n in expressions)
    assert not any(isinstance(t, Var) for t in info.expr_types.values())


def test_binding_modes_are_recorded():
    prog, info = checked(
        """
        fn main() {
            let mut pair = (1u8, String::new());
            let (a, b) = &mut pair;
            let (ref c, d) = (1, 2);
            match &pair { (e, _) => {} }
        }
        """
    )
    modes = {p.name: info.binding_modes[p.id] for p in nodes_of(prog, ast.PIdent) if p.id in info.binding_modes}
    assert modes == {"pair": "move", "a": "ref mut", "b": "ref mut", "c": "ref", "d": "move", "e": "ref"}


def test_format_captures_are_resolved():
    prog, info = checked('fn main() { let x = 5; println!("{x} {}", x); }')
    fmt = nodes_of(prog, ast.FormatMacro)[0]
    x = nodes_of(prog, ast.PIdent)[0]
    assert info.format_captures[fmt.id] == [("x", ("local", x.id))]


def test_integer_literal_defaults_to_i32_and_float_to_f64():
    _, info = checked("fn main() { let a = 1; let b = 1.0; let c = [1, 2]; let d = (3, 4.5); }")
    assert list(info.let_types.values()) == [I32, F64, Array(I32, 2), Tuple((I32, F64))]


# ----------------------------------------------------------------------------------------- Copy, needs_drop

TRAIT_PRELUDE = """
use std::rc::Rc;
#[derive(Clone, Copy)]
struct Pt { x: i32 }
struct Plain { x: i32 }
struct Owns { s: String }
struct Guard;
impl Drop for Guard { fn drop(&mut self) {} }
struct HasGuard { g: Guard }
enum Mixed { A(u8), B(String) }
#[derive(Clone, Copy)]
enum Flag { On, Off }
"""

# type -> (is Copy, needs drop), as rustc says.
TRAIT_FACTS = {
    "i32": (True, False),
    "f64": (True, False),
    "char": (True, False),
    "()": (True, False),
    "&String": (True, False),
    "&mut i32": (False, False),
    "&str": (True, False),
    "*const u8": (True, False),
    "String": (False, True),
    "Vec<u8>": (False, True),
    "Box<i32>": (False, True),
    "Rc<i32>": (False, True),
    "Option<i32>": (True, False),
    "Option<String>": (False, True),
    "Option<&String>": (True, False),
    "(i32, f64)": (True, False),
    "(i32, String)": (False, True),
    "[u8; 4]": (True, False),
    "[String; 0]": (False, False),
    "[String; 2]": (False, True),
    "Pt": (True, False),
    "Plain": (False, False),
    "Owns": (False, True),
    "Guard": (False, True),
    "HasGuard": (False, True),
    "Mixed": (False, True),
    "Flag": (True, False),
}


def test_copy_and_needs_drop():
    from whiteboard.model.typeck_sigtext import parse_ty

    info = check_program(parse_program(TRAIT_PRELUDE + "fn main() {}\n"))
    found = {text: (info.is_copy(parse_ty(text)), info.needs_drop(parse_ty(text))) for text in TRAIT_FACTS}
    assert found == TRAIT_FACTS


@needs_rustc
def test_copy_and_needs_drop_agree_with_rustc(tmp_path):
    probes = "\n".join(
        f'    println!("{text}={{}},{{}}", Probe::<{text}>(PhantomData).is_copy(), std::mem::needs_drop::<{text}>());'
        for text in TRAIT_FACTS
    )
    source = (
        TRAIT_PRELUDE
        + """
use std::marker::PhantomData;
// Inherent methods whose bounds do not hold are skipped, so the trait's fallback answers for non-Copy types.
struct Probe<T: ?Sized>(PhantomData<T>);
trait NotCopy { fn is_copy(&self) -> bool { false } }
impl<T: ?Sized> NotCopy for Probe<T> {}
impl<T: Copy> Probe<T> { fn is_copy(&self) -> bool { true } }
fn main() {
"""
        + probes
        + "\n}\n"
    )
    binary = _compile(source, tmp_path)
    output = subprocess.run([binary], capture_output=True, text=True, timeout=30).stdout
    facts = {}
    for line in output.splitlines():
        text, values = line.rsplit("=", 1)
        copy, drop = values.split(",")
        facts[text] = (copy == "true", drop == "true")
    assert facts == TRAIT_FACTS


def test_enum_discriminants_have_the_repr_type():
    prog, info = checked(
        """
        #[repr(u8)]
        enum Small { A = 1, B = 200 }
        enum Plain { X = -3 }
        fn main() { let s = Small::B as u8; let p = Plain::X as i64; }
        """
    )
    discriminants = [v.discriminant for e in prog.items if isinstance(e, ast.EnumDef) for v in e.variants]
    assert [str(info.expr_types[d.id]) for d in discriminants] == ["u8", "u8", "isize"]


# Snippets both compilers accept: exhaustive matches rustc's pattern analysis agrees are complete, and the
# comparisons std implements between different types.
ACCEPTED_CASES = [
    pytest.param("fn main() { let x = 5u8; match x { 0..=127 => {}, 128..=255 => {} } }", id="u8-ranges"),
    pytest.param("fn main() { let n = 5i64; match n { i64::MIN..=0 => {}, 1.. => {} } }", id="i64-ranges"),
    pytest.param(
        "fn main() { let p = (Some(1), true); match p { (Some(_), _) => {}, (None, _) => {} } }", id="tuple-of-option"
    ),
    pytest.param("enum V {}\nfn f(v: V) { match v {} }\nfn main() {}", id="empty-enum"),
    pytest.param("fn main() { let o = Some(1); match &o { Some(x) => {}, None => {} } }", id="match-on-ref"),
    pytest.param("fn main() { let b = (true, false); match b { (true, _) | (false, _) => {} } }", id="or-pattern"),
    pytest.param(
        'fn main() { let s = String::from("a"); let t = "a"; let e = s == t && t == s && &s == t; }', id="string-eq-str"
    ),
    pytest.param(
        "fn main() { let v = vec![1, 2]; let a = [1, 2]; let e = v == a && v == &a[..] && a == v[..]; }",
        id="vec-eq-array",
    ),
    pytest.param("fn main() { let x = 5; let r = &x; let e = r == &5 && *r > 1; }", id="ref-eq-ref"),
    pytest.param("fn main() { let v = vec![1u8]; assert_eq!(v, [1]); assert_ne!(v.len(), 0); }", id="asserts"),
    pytest.param("fn main() { let x: i32; if true { x = 1; } else { x = 2; } let y = x; }", id="deferred-init"),
    pytest.param(
        'fn main() { let n = 3; let name = "Bob"; println!("{name} has {n}"); println!("{0} {1} {0}", 1, 2); '
        'println!("{who} {pts:>5}", who = name, pts = n * 10); println!("{{}} {{{}}}", n); '
        'println!("{:>w$.p$} {:#x} {:08.3} {:e} {:p}", 1.5, 255, 2.5, 1e3, &n, w = 8, p = 2); }',
        id="format-arguments",
    ),
    pytest.param(
        'fn name() -> &\'static str { "n" }\nfn first(v: &Vec<u8>) -> &u8 { &v[0] }\n'
        "struct S { v: Vec<u8> }\nimpl S { fn get(&self, i: &usize) -> &u8 { &self.v[*i] } }\n"
        "fn main() {}",
        id="lifetime-elision",
    ),
]


@pytest.mark.parametrize("source", ACCEPTED_CASES)
def test_accepted(source):
    check_program(parse_program(source + "\n"))


@needs_rustc
@pytest.mark.parametrize("source", ACCEPTED_CASES)
def test_accepted_by_rustc(source, tmp_path):
    _compile(source + "\n", tmp_path)


# ------------------------------------------------------------------------------------------ whole programs

PROGRAMS = sorted((pathlib.Path(__file__).parent / "typeck_programs").glob("*.rs"))


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: p.stem)
def test_programs_type_check(path):
    check_program(parse_program(path.read_text()))


@needs_rustc
@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: p.stem)
def test_programs_compile_with_rustc(path, tmp_path):
    _compile(path.read_text(), tmp_path)


def test_coercion_of_a_branch_is_recorded_on_its_value():
    prog, info = checked(
        """
        fn main() {
            let owned = String::from("a");
            let s: &str = if owned.len() > 0 { &owned } else { "b" };
        }
        """
    )
    borrow = nodes_of(prog, ast.AddrOf)[0]
    assert info.coercions[borrow.id] == Coercion(Ref(STR), derefs=1)


def test_generic_arguments_of_std_functions():
    prog, info = checked(
        """
        struct W { a: u8, b: u32 }
        impl W { fn size() -> usize { size_of::<Self>() } }
        fn main() { let n = std::mem::size_of::<u64>(); drop(String::new()); }
        """
    )
    args = [
        (path.segments[-1], info.generic_args[path.id])
        for path in nodes_of(prog, ast.Path)
        if path.id in info.generic_args
    ]
    assert args == [("size_of", (Adt("W"),)), ("size_of", (Int("u64"),)), ("drop", (Adt("String"),))]


@pytest.mark.parametrize(
    ("source", "what"),
    [
        pytest.param(
            "fn main() { let mut v = vec![3, 1]; v.sort(); }", "the method `sort` on `Vec<{integer}>`", id="std-method"
        ),
        pytest.param(
            "fn main() { let v = vec![1]; let m = v.iter().max(); }",
            "the method `max` on `Iter<{integer}>`",
            id="iterator-method",
        ),
        pytest.param("fn main() { let r = Ok(1); }", "`Result` and its variants `Ok` and `Err`", id="result"),
        pytest.param("fn f() -> Result<u8, u8> { todo!() }\nfn main() {}", "the type `Result`", id="result-type"),
        pytest.param("use std::collections::HashMap;\nfn main() {}", "`use std::collections::HashMap`", id="use"),
        pytest.param("fn main() { let x = std::process::exit(1); }", "the path `std::process::exit`", id="path"),
    ],
)
def test_outside_the_subset(source, what):
    with pytest.raises(Unsupported) as caught:
        check_program(parse_program(source + "\n"))
    assert caught.value.what == what
