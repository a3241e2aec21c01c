"""The parser lowers real Rust programs into the syntax tree, with rustc's spans (1-based, character columns).

Expected spans are computed from the source text with `span_of`, never written by hand, so a test states which
piece of source a node covers.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from whiteboard.model import syntax as ast
from whiteboard.model import types as t
from whiteboard.model.parser import ParseError, parse_program

# ------------------------------------------------------------------------------------------------------ helpers


def position(source: str, offset: int) -> tuple[int, int]:
    """1-based (line, column in characters) of a string offset, the way rustc reports it."""
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def span_of(source: str, needle: str, after: str = "") -> ast.Span:
    """The span of the first `needle` in `source` (after the first `after`, when given)."""
    start = source.index(needle, source.index(after) if after else 0)
    return position(source, start) + position(source, start + len(needle))


def walk(node: object) -> Iterator[ast.Node]:
    """Every syntax node under `node`, itself included, in field order."""
    if isinstance(node, ast.Node):
        yield node
        for field in dataclasses.fields(node):
            yield from walk(getattr(node, field.name))
    elif isinstance(node, list | tuple):
        for item in node:
            yield from walk(item)


def find_all(tree: object, cls: type, **attrs: object) -> list:
    return [n for n in walk(tree) if isinstance(n, cls) and all(getattr(n, k) == v for k, v in attrs.items())]


def find(tree: object, cls: type, **attrs: object):
    """The only node of class `cls` whose attributes match."""
    (found,) = find_all(tree, cls, **attrs)
    return found


def fn_named(program: ast.Program, name: str) -> ast.FnDef:
    return find(program, ast.FnDef, name=name)


def path_names(expr: ast.Expr) -> tuple[str, ...]:
    assert isinstance(expr, ast.Path), expr
    return expr.segments


def parse_body(body: str) -> tuple[str, ast.Block]:
    """Parse `body` as the statements of `fn main`; returns the full source and main's block."""
    source = "fn main() {\n" + body + "\n}\n"
    return source, fn_named(parse_program(source), "main").body


def parse_expr(expr: str) -> tuple[str, ast.Expr]:
    """Parse one expression, as the initializer of a `let`."""
    source, block = parse_body(f"    let _e = {expr};")
    (let,) = block.stmts
    return source, let.init


# --------------------------------------------------------------------------------------------- real programs

BUFFERS = """\
use std::mem::{offset_of, size_of};

#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
struct Point {
    x: i32,
    y: i32,
}

struct Buffer {
    name: String,
    data: Vec<u8>,
}

impl Drop for Buffer {
    fn drop(&mut self) {
        println!("dropping {} ({} bytes)", self.name, self.data.len());
    }
}

impl Buffer {
    fn new(name: &str) -> Self {
        Buffer { name: name.to_string(), data: Vec::with_capacity(4) }
    }

    fn push(&mut self, byte: u8) {
        self.data.push(byte);
    }
}

fn find(values: &[i32], wanted: i32) -> Option<usize> {
    let mut i = 0;
    while i < values.len() {
        if values[i] == wanted {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn main() {
    let mut buf = Buffer::new("héllo wörld");
    buf.push(b'a');
    let p = Point { x: 1, y: -2 };
    let label = "ünïcödé 🦀"; let total = p.x + p.y;
    println!("{:?} {label} {:.2}", p, total as f64 / 3.0);
    match find(&[3, 5, 8], 5) {
        Some(index) => println!("found at {index}"),
        None => println!("missing"),
    }
    println!(
        "size {} offset {}",
        size_of::<Point>(),
        offset_of!(Point, y),
    );
}
"""

SHAPES = """\
#[derive(Debug)]
enum Shape {
    Circle(f64),
    Rect { w: f64, h: f64 },
    Empty,
}

#[repr(u8)]
#[allow(dead_code)]
enum Level {
    Low = 1,
    High = 10,
}

const LIMIT: usize = 3;
static GREETING: &str = "hi";
static mut COUNTER: u32 = 0;

fn area(shape: &Shape) -> f64 {
    match shape {
        Shape::Circle(r) if *r > 0.0 => 3.14 * r * r,
        Shape::Circle(_) => 0.0,
        &Shape::Rect { w, h: height } => w * height,
        Shape::Empty => 0.0,
    }
}

fn classify(n: i32) -> &'static str {
    match n {
        i32::MIN..=-1 => "negative",
        0 => "zero",
        x @ 1..=9 if x % 2 == 0 => "small even",
        1 | 3 | 5 | 7 | 9 => "small odd",
        _ => "large",
    }
}

fn main() {
    let shapes = vec![Shape::Circle(1.0), Shape::Rect { w: 2.0, h: 3.0 }, Shape::Empty];
    let mut total = 0.0;
    for shape in &shapes {
        total += area(shape);
        println!("{:?}", shape);
    }
    let grid: [[u8; LIMIT]; 2] = [[0u8; LIMIT]; 2];
    let (first, _) = (grid[0][1], grid.len());
    let mut stack = vec![1, 2, 3];
    'outer: loop {
        while let Some(top) = stack.pop() {
            if top == 2 {
                continue 'outer;
            } else if top > 5 {
                break 'outer;
            }
        }
        break;
    }
    let found = loop {
        break 42;
    };
    let Some(last) = stack.last() else { return; };
    unsafe {
        COUNTER += 1;
    }
    let bits = 0xff_u8 as u32 | 0b1010 << 2;
    assert!(total > 0.0, "total was {}", total);
    assert_eq!(classify(4), "small even");
    let _ = (first, found, last, bits, GREETING, Level::High as u8, &LIMIT);
}
"""

PROGRAMS = {"buffers": BUFFERS, "shapes": SHAPES}


@pytest.mark.skipif(shutil.which("rustc") is None, reason="rustc not installed")
@pytest.mark.parametrize("name", PROGRAMS)
def test_programs_are_valid_rust(name: str, tmp_path) -> None:
    source = tmp_path / f"{name}.rs"
    source.write_text(PROGRAMS[name])
    result = subprocess.run(
        [
            "rustc",
            "--edition",
            "2024",
            "--error-format",
            "short",
            "--emit=metadata",
            "-o",
            str(tmp_path / "out"),
            str(source),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_buffers_items() -> None:
    program = parse_program(BUFFERS, "buffers.rs")
    assert program.path == "buffers.rs" and program.source == BUFFERS
    use, point, buffer, drop_impl, buffer_impl, find_fn, main = program.items

    assert use.paths == [("std", "mem", "offset_of"), ("std", "mem", "size_of")]
    assert (point.name, point.kind, point.repr) == ("Point", "named", "C")
    assert point.derives == {"Debug", "Clone", "Copy", "PartialEq"}
    assert [(f.name, f.ty) for f in point.fields] == [("x", t.I32), ("y", t.I32)]
    assert point.fields[1].span == span_of(BUFFERS, "y: i32")
    assert [(f.name, f.ty) for f in buffer.fields] == [("name", t.STRING), ("data", t.vec_of(t.U8))]

    assert (drop_impl.type_name, drop_impl.trait) == ("Buffer", "Drop")
    (drop,) = drop_impl.fns
    assert (drop.owner, drop.trait, drop.self_param, drop.params) == ("Buffer", "Drop", "mut_ref", [])
    assert drop.name_span == span_of(BUFFERS, "drop", after="fn ")

    new, push = buffer_impl.fns
    assert (new.owner, new.trait, new.self_param, new.ret) == ("Buffer", None, None, t.Adt("Self"))
    assert [(p.pattern.name, p.ty) for p in new.params] == [("name", t.STR_REF)]
    assert push.self_param == "mut_ref" and push.ret == t.UNIT

    assert find_fn.ret == t.option_of(t.USIZE)
    assert [p.ty for p in find_fn.params] == [t.Ref(t.Slice(t.I32)), t.I32]
    assert path_names(find_fn.body.tail) == ("None",)
    assert main.span == span_of(BUFFERS, BUFFERS[BUFFERS.index("fn main") :].rstrip("\n"))


def test_buffers_statements_and_spans() -> None:
    program = parse_program(BUFFERS)
    main = fn_named(program, "main")

    push = find(main, ast.MethodCall, method="push")
    assert push.span == span_of(BUFFERS, "buf.push(b'a')")
    assert push.method_span == span_of(BUFFERS, "push", after="buf.push")
    assert find(push, ast.Lit).value == ord("a")

    # Non-ASCII text earlier on the line must not shift columns: rustc counts characters, not bytes.
    total = find(main, ast.Binary, op="+")
    assert total.span == span_of(BUFFERS, "p.x + p.y")
    assert total.op_span == span_of(BUFFERS, "+", after="p.x ")

    while_loop = find(fn_named(program, "find"), ast.While)
    assert while_loop.cond.op == "<" and while_loop.span[0] == span_of(BUFFERS, "while")[0]
    increment = find(while_loop, ast.Assign)
    assert (increment.op, path_names(increment.target), increment.value.value) == ("+", ("i",), 1)
    ret = find(while_loop, ast.Return)
    assert isinstance(ret.value, ast.Call) and path_names(ret.value.func) == ("Some",)

    match = find(main, ast.Match)
    some_arm, none_arm = match.arms
    assert isinstance(some_arm.pattern, ast.PTupleStruct) and some_arm.pattern.elems[0].name == "index"
    assert isinstance(none_arm.pattern, ast.PPath) and none_arm.pattern.path.segments == ("None",)
    assert some_arm.body.template == "found at {index}"
    assert isinstance(match.scrutinee.args[0], ast.AddrOf)


def test_buffers_macros() -> None:
    main = fn_named(parse_program(BUFFERS), "main")
    debug = find(main, ast.FormatMacro, template="{:?} {label} {:.2}")
    assert debug.span == span_of(BUFFERS, 'println!("{:?} {label} {:.2}", p, total as f64 / 3.0)')
    assert debug.template_span == span_of(BUFFERS, '"{:?} {label} {:.2}"')
    point, ratio = debug.args
    assert point.name is None and path_names(point.expr) == ("p",)
    assert ratio.span == span_of(BUFFERS, "total as f64 / 3.0")
    assert isinstance(ratio.expr.lhs, ast.Cast) and ratio.expr.lhs.ty == t.F64

    # A macro call spread over several lines keeps exact spans on every line.
    sizes = find(main, ast.FormatMacro, template="size {} offset {}")
    assert sizes.template_span == span_of(BUFFERS, '"size {} offset {}"')
    size_call, offset = (arg.expr for arg in sizes.args)
    assert size_call.span == span_of(BUFFERS, "size_of::<Point>()")
    assert size_call.func.generics == ((t.Adt("Point"),),)
    assert isinstance(offset, ast.OffsetOf) and (offset.ty, offset.field) == (t.Adt("Point"), "y")
    assert offset.span == span_of(BUFFERS, "offset_of!(Point, y)")

    drop_message = find(parse_program(BUFFERS), ast.FormatMacro, template="dropping {} ({} bytes)")
    assert drop_message.args[1].span == span_of(BUFFERS, "self.data.len()")


def test_shapes_items() -> None:
    program = parse_program(SHAPES)
    shape, level, limit, greeting, counter = program.items[:5]
    assert [(v.name, v.kind) for v in shape.variants] == [("Circle", "tuple"), ("Rect", "named"), ("Empty", "unit")]
    assert shape.variants[1].fields[1].name == "h" and shape.derives == {"Debug"}
    assert level.repr == "u8" and [v.discriminant.value for v in level.variants] == [1, 10]
    assert (limit.name, limit.ty, limit.value.value, limit.is_static) == ("LIMIT", t.USIZE, 3, False)
    assert (greeting.is_static, greeting.mutable, greeting.ty) == (True, False, t.STR_REF)
    assert (counter.is_static, counter.mutable) == (True, True)
    assert fn_named(program, "classify").ret == t.STR_REF


def test_shapes_patterns() -> None:
    program = parse_program(SHAPES)
    circle, wildcard_circle, rect, empty = find(fn_named(program, "area"), ast.Match).arms
    assert circle.pattern.path.segments == ("Shape", "Circle") and circle.guard.op == ">"
    assert circle.span == span_of(SHAPES, "Shape::Circle(r) if *r > 0.0 => 3.14 * r * r")
    assert isinstance(wildcard_circle.pattern.elems[0], ast.PWild)
    assert isinstance(rect.pattern, ast.PRef) and isinstance(rect.pattern.pattern, ast.PStruct)
    assert [(name, p.name) for name, p in rect.pattern.pattern.fields] == [("w", "w"), ("h", "height")]
    assert empty.pattern.path.segments == ("Shape", "Empty")

    negative, zero, small_even, small_odd, rest = find(fn_named(program, "classify"), ast.Match).arms
    assert isinstance(negative.pattern, ast.PRange) and negative.pattern.inclusive
    assert negative.pattern.lo.segments == ("i32", "MIN")
    assert negative.pattern.hi.negative and negative.pattern.hi.lit.value == 1
    assert negative.pattern.hi.span == span_of(SHAPES, "-1")
    assert zero.pattern.lit.value == 0
    assert small_even.pattern.name == "x" and small_even.pattern.sub.lo.lit.value == 1
    assert small_even.guard.op == "=="
    assert [alt.lit.value for alt in small_odd.pattern.alts] == [1, 3, 5, 7, 9]
    assert isinstance(rest.pattern, ast.PWild)


def test_shapes_control_flow() -> None:
    main = fn_named(parse_program(SHAPES), "main")
    shapes, stack = find_all(main, ast.VecMacro)
    assert [type(e) for e in shapes.elems] == [ast.Call, ast.StructLit, ast.Path]
    assert shapes.elems[1].span == span_of(SHAPES, "Shape::Rect { w: 2.0, h: 3.0 }")
    assert [e.value for e in stack.elems] == [1, 2, 3]

    for_loop = find(main, ast.For)
    assert for_loop.pattern.name == "shape" and isinstance(for_loop.iter, ast.AddrOf)
    assert find(for_loop, ast.Assign).op == "+"

    grid = find(main, ast.Let, span=span_of(SHAPES, "let grid: [[u8; LIMIT]; 2] = [[0u8; LIMIT]; 2];"))
    assert grid.ty == t.Array(t.Array(t.U8, 3), 2)
    assert isinstance(grid.init, ast.ArrayRepeat) and path_names(grid.init.value.count) == ("LIMIT",)

    outer = find(main, ast.Loop, label="'outer")
    while_let = find(outer, ast.While)
    assert isinstance(while_let.cond, ast.LetCond) and while_let.cond.pattern.path.segments == ("Some",)
    branch = while_let.body.tail
    assert isinstance(branch, ast.If) and isinstance(branch.orelse, ast.If)
    assert find(branch, ast.Continue).label == "'outer" and find(branch, ast.Break).label == "'outer"
    assert outer.body.stmts[-1].expr == find(outer, ast.Break, label=None)

    found = find(main, ast.Loop, label=None)
    assert find(found, ast.Break).value.value == 42

    let_else = find(main, ast.Let, span=span_of(SHAPES, "let Some(last) = stack.last() else { return; };"))
    assert isinstance(let_else.else_block.stmts[0].expr, ast.Return)

    unsafe = find(main, ast.Block, unsafe=True)
    assert unsafe.span == span_of(SHAPES, "unsafe {\n        COUNTER += 1;\n    }")

    bits = find(main, ast.Binary, op="|")
    assert isinstance(bits.lhs, ast.Cast) and bits.lhs.expr.value == 255 and bits.lhs.expr.suffix == "u8"
    assert bits.rhs.op == "<<" and bits.rhs.lhs.value == 10

    checked, equal = find_all(main, ast.AssertMacro)
    assert checked.macro == "assert" and checked.args[0].op == ">"
    assert checked.message.macro == "format" and checked.message.template == "total was {}"
    assert checked.message.span == span_of(SHAPES, '"total was {}", total')
    assert equal.macro == "assert_eq" and len(equal.args) == 2 and equal.message is None


# ---------------------------------------------------------------------------------------------------- items


def test_struct_kinds_and_attributes() -> None:
    source = """\
#[derive(Clone, std::fmt::Debug)]
#[allow(dead_code)]
pub struct Pair(pub u8, u16);
#[derive(Default)]
struct Marker;
#[inline(never)]
fn helper() {}
"""
    pair, marker, helper = parse_program(source).items
    assert (pair.kind, [(f.name, f.ty) for f in pair.fields]) == ("tuple", [("0", t.U8), ("1", t.Int("u16"))])
    assert pair.derives == {"Clone", "Debug"} and pair.repr == "Rust"
    assert (marker.kind, marker.fields, marker.derives) == ("unit", [], {"Default"})
    assert helper.name == "helper"


def test_self_parameters() -> None:
    source = """\
struct S;
impl S {
    fn by_value(self) {}
    fn by_mut_value(mut self) {}
    fn by_ref(&self) {}
    fn by_mut_ref(&mut self, n: u8) {}
    fn associated() -> S { S }
}
"""
    (impl,) = parse_program(source).items[1:]
    assert [(f.name, f.self_param) for f in impl.fns] == [
        ("by_value", "value"),
        ("by_mut_value", "mut_value"),
        ("by_ref", "ref"),
        ("by_mut_ref", "mut_ref"),
        ("associated", None),
    ]
    assert [p.pattern.name for p in impl.fns[3].params] == ["n"]


def test_trait_impl_through_a_path() -> None:
    source = (
        "use std::fmt;\nstruct P;\n"
        "impl fmt::Display for P {\n    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { Ok(()) }\n}\n"
    )
    impl = parse_program(source).items[2]
    assert (impl.type_name, impl.trait, impl.fns[0].trait) == ("P", "Display", "Display")
    assert impl.fns[0].ret == t.Adt("Result") and impl.fns[0].params[0].ty == t.Ref(t.Adt("Formatter"), True)


def test_use_declarations_flatten() -> None:
    source = "use std::{collections::HashMap, rc::{self, Rc}};\nuse std::mem;\nuse std::io::*;\n"
    assert [u.paths for u in parse_program(source).items] == [
        [("std", "collections", "HashMap"), ("std", "rc"), ("std", "rc", "Rc")],
        [("std", "mem")],
        [("std", "io", "*")],
    ]


def test_test_only_items_are_left_out() -> None:
    source = "fn main() {}\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn it_works() {}\n}\n#[test]\nfn lone() {}\n"
    assert [item.name for item in parse_program(source).items] == ["main"]


def test_mutable_parameters_and_nested_items() -> None:
    source = "fn main() {\n    fn twice(mut n: u32, (a, mut b): (u8, u8)) -> u32 { n *= 2; n }\n    struct Local;\n}\n"
    main = fn_named(parse_program(source), "main")
    twice, local = (stmt.item for stmt in main.body.stmts)
    n, pair = twice.params
    assert (n.pattern.name, n.pattern.mutable, n.pattern.span) == ("n", True, span_of(source, "mut n"))
    assert [(p.name, p.mutable) for p in pair.pattern.elems] == [("a", False), ("b", True)]
    assert pair.ty == t.Tuple((t.U8, t.U8))
    assert isinstance(local, ast.StructDef) and twice.body.tail.segments == ("n",)


def test_const_array_length_resolves() -> None:
    source = (
        "const N: usize = 2;\nstatic TABLE: [u16; N] = [1, 2];\nfn main() { let a: [[bool; 3]; N] = [[true; 3]; N]; }\n"
    )
    program = parse_program(source)
    assert program.items[1].ty == t.Array(t.Int("u16"), 2)
    assert find(program, ast.Let).ty == t.Array(t.Array(t.BOOL, 3), 2)


def test_comments_and_attributes_are_skipped() -> None:
    source = """\
#![allow(unused)]
#[derive(Debug)]
/// A documented struct between its attribute and itself.
struct Doc;

fn main() {
    #![allow(unused_variables)]
    // a comment
    #[allow(unused_mut)]
    let mut x = 1; /* trailing */
    std::println!("{}", x // the closing parenthesis is on the next line
    );
    let v = vec![
        1, // one
        2, /* two */
    ];
}
"""
    doc, main = parse_program(source).items
    assert doc.derives == {"Debug"}
    let_x, printed, let_v = main.body.stmts
    assert let_x.pattern.mutable and let_x.span == span_of(source, "let mut x = 1;")
    assert printed.expr.macro == "println" and printed.expr.args[0].span == span_of(source, "x", after="{}")
    assert [e.value for e in let_v.init.elems] == [1, 2]


def test_byte_order_mark_and_crlf_line_ends() -> None:
    source = '\ufefffn main() {\r\n    let s = "a\r\nb"; let n = 1;\r\n}\r\n'
    let_s, let_n = fn_named(parse_program(source), "main").body.stmts
    assert let_s.init.value == "a\nb"
    assert let_n.span == (3, 5, 3, 15) and let_n.pattern.span == (3, 9, 3, 10)


# ------------------------------------------------------------------------------------------------------ types


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("u8", t.U8),
        ("isize", t.Int("isize")),
        ("f32", t.Float("f32")),
        ("bool", t.BOOL),
        ("char", t.CHAR),
        ("&'static str", t.STR_REF),
        ("&mut String", t.Ref(t.STRING, True)),
        ("std::rc::Rc<u8>", t.Adt("Rc", (t.U8,))),
        ("Option<Box<Node>>", t.option_of(t.box_of(t.Adt("Node")))),
        ("std::collections::HashMap<String, Vec<i64>>", t.Adt("HashMap", (t.STRING, t.vec_of(t.Int("i64"))))),
        ("[u8; 4]", t.Array(t.U8, 4)),
        ("[[u8; 0x2]; 3]", t.Array(t.Array(t.U8, 2), 3)),
        ("&[u32]", t.Ref(t.Slice(t.Int("u32")))),
        ("(u8, (i32, bool))", t.Tuple((t.U8, t.Tuple((t.I32, t.BOOL))))),
        ("(u8,)", t.Tuple((t.U8,))),
        ("(u8)", t.U8),
        ("()", t.UNIT),
        ("*const u8", t.RawPtr(t.U8)),
        ("*mut Self", t.RawPtr(t.Adt("Self"), True)),
        ("fn(u8, &str) -> bool", t.FnPtr((t.U8, t.STR_REF), t.BOOL)),
        ("fn()", t.FnPtr((), t.UNIT)),
        ("Box<dyn std::fmt::Debug>", t.box_of(t.Dyn("std::fmt::Debug"))),
        ("std::cell::RefCell<Vec<Rc<str>>>", t.Adt("RefCell", (t.vec_of(t.Adt("Rc", (t.STR,))),))),
    ],
)
def test_types(written: str, expected: t.Ty) -> None:
    (let,) = parse_body(f"    let x: {written};")[1].stmts
    assert let.ty == expected and let.init is None


def test_never_return_type() -> None:
    assert fn_named(parse_program("fn stop() -> ! { panic!() }"), "stop").ret == t.NEVER


# ------------------------------------------------------------------------------------------------ expressions


@pytest.mark.parametrize(
    ("written", "kind", "value", "suffix"),
    [
        ("1_000", "int", 1000, None),
        ("7u8", "int", 7, "u8"),
        ("0xff", "int", 255, None),
        ("0xffu8", "int", 255, "u8"),
        ("0x1f32", "int", 0x1F32, None),
        ("0o17", "int", 15, None),
        ("0b1010_1010", "int", 170, None),
        ("1_i64", "int", 1, "i64"),
        ("2.0f32", "float", 2.0, "f32"),
        ("1f64", "float", 1.0, "f64"),
        ("1e3", "float", 1000.0, None),
        ("2.5e-1_f32", "float", 0.25, "f32"),
        ("3.", "float", 3.0, None),
        ("true", "bool", True, None),
        ("'a'", "char", "a", None),
        ("'\\n'", "char", "\n", None),
        ("'\\''", "char", "'", None),
        ("'\\u{1F980}'", "char", "🦀", None),
        ("'é'", "char", "é", None),
        ("b'a'", "byte", 97, "u8"),
        ("b'\\x7f'", "byte", 127, "u8"),
        ('"tab\\there \\"quoted\\" \\\\"', "str", 'tab\there "quoted" \\', None),
        ('"\\u{48}\\x69\\0"', "str", "Hi\0", None),
        ('"line one\\\n        continued"', "str", "line onecontinued", None),
        ('r"C:\\path"', "str", "C:\\path", None),
        ('r#"say "hi""#', "str", 'say "hi"', None),
        ('b"ab\\n"', "bytestr", b"ab\n", None),
        ('br"\\n"', "bytestr", b"\\n", None),
    ],
)
def test_literals(written: str, kind: str, value: object, suffix: str | None) -> None:
    source, lit = parse_expr(written)
    assert (lit.kind, lit.value, lit.suffix) == (kind, value, suffix)
    assert lit.span == span_of(source, written)


def test_binary_and_unary_operators() -> None:
    source, expr = parse_expr("-a * !b + *c % 2 >= d << 1 && e || f != g")
    assert expr.op == "||" and expr.lhs.op == "&&"
    comparison = expr.lhs.lhs
    assert comparison.op == ">=" and comparison.op_span == span_of(source, ">=")
    add = comparison.lhs
    assert add.op == "+" and add.span == span_of(source, "-a * !b + *c % 2")
    assert [add.lhs.lhs.op, add.lhs.rhs.op, add.rhs.lhs.op] == ["-", "!", "*"]
    assert comparison.rhs.op == "<<" and expr.rhs.op == "!="


def test_assignment_forms() -> None:
    source, block = parse_body("    let mut x = 1;\n    x = 2;\n    x -= 1;\n    x <<= 3;\n    x ^= x;")
    plain, minus, shift, xor = (stmt.expr for stmt in block.stmts[1:])
    assert (plain.op, minus.op, shift.op, xor.op) == (None, "-", "<<", "^")
    assert shift.span == span_of(source, "x <<= 3") and block.stmts[2].semi


def test_paths_and_turbofish() -> None:
    source, block = parse_body(
        "    let v = Vec::<u8>::with_capacity(2);\n"
        "    let s = std::mem::size_of::<u64>();\n"
        "    let m = std::collections::HashMap::<String, Vec<u8>>::new();\n"
        "    let n = i32::MAX;"
    )
    v, s, m, n = (stmt.init for stmt in block.stmts)
    assert v.func.segments == ("Vec", "with_capacity") and v.func.generics == ((t.U8,), ())
    assert v.func.span == span_of(source, "Vec::<u8>::with_capacity")
    assert s.func.segments == ("std", "mem", "size_of") and s.func.generics == ((), (), (t.Int("u64"),))
    assert m.func.generics[2] == (t.STRING, t.vec_of(t.U8))
    assert n.segments == ("i32", "MAX") and n.generics == ()


def test_closures_are_unsupported_even_inside_method_chains() -> None:
    source = "fn main() {\n    let p = v.iter().map(|b| *b).count();\n}\n"
    with pytest.raises(ast.Unsupported) as error:
        parse_program(source)
    assert error.value.what == "closures" and error.value.span == span_of(source, "|b| *b")


def test_method_calls() -> None:
    source, expr = parse_expr("list.iter().sum::<i32>().pow(2)")
    assert expr.method == "pow" and expr.method_span == span_of(source, "pow")
    total = expr.receiver
    assert (total.method, total.generics, total.args) == ("sum", (t.I32,), [])
    assert total.span == span_of(source, "list.iter().sum::<i32>()")
    assert total.receiver.receiver.segments == ("list",)


def test_fields_indexes_and_casts() -> None:
    source, expr = parse_expr("pair.0.1 + grid[i][j] as i64 + self.inner.len")
    lhs, field = expr.lhs, expr.rhs
    tuple_field, cast = lhs.lhs, lhs.rhs
    assert tuple_field.name == "1" and tuple_field.expr.name == "0"
    assert tuple_field.span == span_of(source, "pair.0.1")
    assert isinstance(cast, ast.Cast) and cast.ty == t.Int("i64")
    assert isinstance(cast.expr, ast.Index) and path_names(cast.expr.index) == ("j",)
    assert field.name == "len" and field.expr.expr.segments == ("self",)


def test_struct_literals() -> None:
    source, block = parse_body(
        "    let a = Point { x, y: 2 };\n    let b = Shape::Rect { w: 1.0, ..base };\n    let c = Self { 0: 1 };"
    )
    a, b, c = (stmt.init for stmt in block.stmts)
    assert a.path.segments == ("Point",) and [name for name, _ in a.fields] == ["x", "y"]
    assert path_names(a.fields[0][1]) == ("x",) and a.fields[0][1].span == span_of(source, "x", after="{ ")
    assert a.base is None and a.span == span_of(source, "Point { x, y: 2 }")
    assert b.path.segments == ("Shape", "Rect") and path_names(b.base) == ("base",)
    assert c.path.segments == ("Self",) and c.fields[0][0] == "0"


def test_tuples_parentheses_and_arrays() -> None:
    source, block = parse_body(
        "    let a = (1);\n    let b = (1,);\n    let c = ();\n    let d = [1, 2];\n    let e = [0; 8];"
    )
    a, b, c, d, e = (stmt.init for stmt in block.stmts)
    assert isinstance(a, ast.Lit) and a.span == span_of(source, "1", after="let a")
    assert isinstance(b, ast.TupleLit) and len(b.elems) == 1 and b.span == span_of(source, "(1,)")
    assert isinstance(c, ast.TupleLit) and c.elems == []
    assert isinstance(d, ast.ArrayLit) and [x.value for x in d.elems] == [1, 2]
    assert isinstance(e, ast.ArrayRepeat) and (e.value.value, e.count.value) == (0, 8)


@pytest.mark.parametrize(
    ("written", "start", "end", "inclusive"),
    [
        ("a..b", "a", "b", False),
        ("a..=b", "a", "b", True),
        ("..", None, None, False),
        ("a..", "a", None, False),
        ("..b", None, "b", False),
        ("..=b", None, "b", True),
    ],
)
def test_ranges(written: str, start: str | None, end: str | None, inclusive: bool) -> None:
    source, expr = parse_expr(written)
    assert isinstance(expr, ast.Range) and expr.inclusive == inclusive
    assert (expr.start and expr.start.segments[0], expr.end and expr.end.segments[0]) == (start, end)
    assert expr.span == span_of(source, written, after="_e = ")


def test_references_and_derefs() -> None:
    source, expr = parse_expr("&mut &x")
    assert expr.mutable and not expr.expr.mutable and expr.expr.span == span_of(source, "&x")
    _, double = parse_expr("&&x")
    assert isinstance(double.expr, ast.AddrOf) and path_names(double.expr.expr) == ("x",)
    _, deref = parse_expr("**r")
    assert deref.op == "*" and deref.expr.op == "*"


def test_if_let_and_else_if() -> None:
    source, expr = parse_expr("if let Some(x) = opt { x } else if flag { 1 } else { 2 }")
    assert isinstance(expr.cond, ast.LetCond) and path_names(expr.cond.expr) == ("opt",)
    assert expr.cond.span == span_of(source, "let Some(x) = opt")
    assert path_names(expr.then.tail) == ("x",)
    assert isinstance(expr.orelse, ast.If) and expr.orelse.orelse.tail.value == 2


def test_block_tails_and_statements() -> None:
    source = (
        "fn f(a: bool) -> u8 {\n    if a { return 1; }\n    let x = { 5 };\n    match a { true => x, false => 0 }\n}\n"
    )
    body = fn_named(parse_program(source), "f").body
    first, let = body.stmts
    assert isinstance(first, ast.ExprStmt) and not first.semi and isinstance(first.expr, ast.If)
    assert let.init.tail.value == 5 and let.init.stmts == []
    assert isinstance(body.tail, ast.Match) and [arm.pattern.lit.value for arm in body.tail.arms] == [True, False]


def test_loops_with_labels() -> None:
    source, block = parse_body(
        "    'rows: for i in 0..3 {\n        'cols: while true {\n            if i > 1 { break 'rows; }\n"
        "            continue 'cols;\n        }\n    }"
    )
    rows = block.tail
    assert isinstance(rows, ast.For) and rows.label == "'rows" and rows.pattern.name == "i"
    cols = rows.body.tail
    assert isinstance(cols, ast.While) and cols.label == "'cols"
    assert find(cols, ast.Break).label == "'rows" and find(cols, ast.Continue).label == "'cols"
    assert rows.span[:2] == position(source, source.index("'rows"))


# --------------------------------------------------------------------------------------------------- patterns


def test_binding_patterns() -> None:
    source = (
        "fn main() {\n    match v {\n        (ref a, ref mut b, mut c, d @ 1..=5, _, ..) => {}\n"
        "        P { x, ref y, mut z, w: _, .. } => {}\n        &mut [..] => {}\n    }\n}\n"
    )
    with pytest.raises(ast.Unsupported) as error:
        parse_program(source)
    assert error.value.what == "slice patterns" and error.value.span == span_of(source, "[..]")

    source = source.replace("        &mut [..] => {}\n", "        &mut Q(None, 'a'..='z', -3) => {}\n")
    tuple_arm, struct_arm, ref_arm = find(parse_program(source), ast.Match).arms
    a, b, c, d, wild, rest = tuple_arm.pattern.elems
    assert (a.name, a.by_ref, a.mutable, a.span) == ("a", True, False, span_of(source, "ref a"))
    assert (b.by_ref, b.mutable, b.span) == (True, True, span_of(source, "ref mut b"))
    assert (c.by_ref, c.mutable) == (False, True)
    assert d.name == "d" and isinstance(d.sub, ast.PRange) and d.span == span_of(source, "d @ 1..=5")
    assert isinstance(wild, ast.PWild) and isinstance(rest, ast.PRest)

    pattern = struct_arm.pattern
    assert pattern.rest and [name for name, _ in pattern.fields] == ["x", "y", "z", "w"]
    x, y, z, w = (p for _, p in pattern.fields)
    assert (x.by_ref, y.by_ref, z.mutable, type(w)) == (False, True, True, ast.PWild)

    assert ref_arm.pattern.mutable
    q = ref_arm.pattern.pattern
    none, letters, negative = q.elems
    assert isinstance(none, ast.PPath) and none.path.segments == ("None",)
    assert (letters.lo.lit.value, letters.hi.lit.value) == ("a", "z")
    assert negative.negative and negative.span == span_of(source, "-3")


def test_uppercase_names_are_paths_and_parentheses_group() -> None:
    source, block = parse_body("    let (A, b) = t;\n    let (c) = 1;\n    match x { MAX | (Red) => {} _ => {} }")
    pair, single = block.stmts
    assert isinstance(pair.pattern.elems[0], ast.PPath) and isinstance(pair.pattern.elems[1], ast.PIdent)
    assert isinstance(single.pattern, ast.PIdent)
    alts = block.tail.arms[0].pattern.alts
    assert [a.path.segments for a in alts] == [("MAX",), ("Red",)]


def test_exclusive_and_half_open_range_patterns() -> None:
    _, block = parse_body("    match n { 0..10 => {} 10.. => {} ..=-1 => {} }")
    exclusive, from_ten, up_to = (arm.pattern for arm in block.tail.arms)
    assert not exclusive.inclusive and exclusive.hi.lit.value == 10
    assert from_ten.hi is None and up_to.lo is None and up_to.hi.negative


# ------------------------------------------------------------------------------------------------------ macros


def test_format_macros() -> None:
    source, block = parse_body(
        '    print!("{}-{name}", 1, name = "x");\n    eprintln!();\n    let s = format!("{:>5}", 3);\n'
        '    panic!("boom {}", s);'
    )
    printed, empty, let, panic = block.stmts
    assert printed.expr.macro == "print" and printed.expr.template == "{}-{name}"
    positional, named = printed.expr.args
    assert positional.name is None and (named.name, named.expr.value) == ("name", "x")
    assert named.span == span_of(source, 'name = "x"')
    assert (empty.expr.macro, empty.expr.template, empty.expr.args) == ("eprintln", None, [])
    assert let.init.macro == "format" and panic.expr.macro == "panic"


@pytest.mark.parametrize("macro", ["unreachable", "todo", "unimplemented"])
def test_panicking_macros_take_optional_messages(macro: str) -> None:
    _, block = parse_body(f'    {macro}!();\n    {macro}!("reason {{}}", 1);')
    bare, with_message = (stmt.expr for stmt in block.stmts)
    assert (bare.macro, bare.template) == (macro, None)
    assert with_message.template == "reason {}" and len(with_message.args) == 1


def test_assert_macros() -> None:
    _, block = parse_body('    assert_ne!(a, b, "differ {x}");\n    debug_assert!(ok);\n    debug_assert_eq!(1, 1);')
    ne, debug, debug_eq = (stmt.expr for stmt in block.stmts)
    assert ne.macro == "assert_ne" and ne.message.template == "differ {x}" and ne.message.args == []
    assert debug.macro == "debug_assert" and len(debug.args) == 1
    assert debug_eq.macro == "debug_assert_eq" and len(debug_eq.args) == 2


def test_vec_macro_forms() -> None:
    source, block = parse_body(
        "    let a: Vec<u8> = vec![];\n    let b = vec![String::new(); 3];\n    let c = vec![(1, 2), (3, 4),];"
    )
    a, b, c = (stmt.init for stmt in block.stmts)
    assert a.elems == [] and a.repeat is None
    value, count = b.repeat
    assert b.elems is None and path_names(value.func) == ("String", "new") and count.value == 3
    assert value.span == span_of(source, "String::new()")
    assert [len(e.elems) for e in c.elems] == [2, 2]


def test_nested_and_multiline_macros_keep_exact_spans() -> None:
    source = (
        'fn main() {\n    let s = "日本語"; println!(\n        "{} {:?}",\n        s.len(),\n'
        '        vec![1,\n             format!("{}", 2).len()]\n    );\n}\n'
    )
    outer = find(parse_program(source), ast.FormatMacro, macro="println")
    assert outer.span == span_of(source, source[source.index("println!") : source.index(");\n}") + 1])
    length, vector = (arg.expr for arg in outer.args)
    assert length.method_span == span_of(source, "len", after="s.len")
    inner = find(vector, ast.FormatMacro)
    assert inner.template_span == span_of(source, '"{}"', after="format!")
    assert inner.args[0].span == span_of(source, "2", after="format!")
    assert vector.elems[1].span == span_of(source, 'format!("{}", 2).len()')


def test_offset_of_with_generic_type_and_tuple_field() -> None:
    source, expr = parse_expr("offset_of!(Pair<u8, (u16, u32)>, 1)")
    assert expr.ty == t.Adt("Pair", (t.U8, t.Tuple((t.Int("u16"), t.Int("u32")))))
    assert expr.field == "1" and expr.span == span_of(source, "offset_of!(Pair<u8, (u16, u32)>, 1)")


def test_other_macros_are_kept_by_name() -> None:
    source, block = parse_body('    let m = matches!(x, Some(_));\n    write!(out, "x").unwrap();\n    std::dbg!(m);')
    matches, write, dbg = block.stmts
    assert matches.init.name == "matches" and matches.init.span == span_of(source, "matches!(x, Some(_))")
    assert write.expr.receiver.name == "write" and dbg.expr.name == "dbg"


# ----------------------------------------------------------------------------------------- unsupported / errors

UNSUPPORTED = [
    ("fn main() { let f = |x: i32| x + 1; }", "closures", "|x: i32| x + 1"),
    ("fn main() -> Result<(), String> { let n = parse()?; Ok(()) }", "the `?` operator", "parse()?"),
    ("fn id<T>(x: T) -> T { x }", "generic functions", "<T>"),
    ("fn first<'a>(x: &'a str) -> &'a str { x }", "functions with lifetime parameters", "<'a>"),
    ("struct Wrapper<T> { value: T }", "generic structs", "<T>"),
    ("struct View<'a> { data: &'a [u8] }", "structs with lifetime parameters", "<'a>"),
    ("enum Tree<T> { Leaf(T) }", "generic enums", "<T>"),
    ("trait Area { fn area(&self) -> f64; }", "trait definitions", "trait Area { fn area(&self) -> f64; }"),
    ("mod shapes {}", "modules", "mod shapes {}"),
    ("type Id = u32;", "type aliases", "type Id = u32;"),
    ("async fn fetch() {}", "`async fn`", "async"),
    ("unsafe fn raw() {}", "`unsafe fn`", "unsafe"),
    ("const fn zero() -> u8 { 0 }", "`const fn`", "const"),
    ("struct S;\nimpl S { const ZERO: u8 = 0; }", "associated constants", "const ZERO: u8 = 0;"),
    ("struct S<T>(T);\nimpl<T> S<T> {}", "generic structs", "<T>"),
    ("struct S;\nimpl From<u8> for S { fn from(_: u8) -> S { S } }", "generic traits", "From<u8>"),
    ("use std::mem::swap as exchange;", "`use … as …` renames", "std::mem::swap as exchange"),
    ("#[repr(packed)]\nstruct P { a: u8 }", "`#[repr(packed)]`", "#[repr(packed)]"),
    ("fn main() { if let Some(x) = a && x > 1 {} }", "let chains", "let Some(x) = a && x > 1"),
    ("fn main() { let v: Vec<_> = Vec::new(); }", "the `_` placeholder type", "_"),
    ("fn show(x: impl Copy) {}", "`impl Trait` types", "impl Copy"),
    (
        "fn main() { let n = 3; let a: [u8; n + 1]; }",
        "array lengths other than an integer literal or an integer `const`",
        "n + 1",
    ),
    ("fn main() { let b = async { 1 }; }", "`async` blocks", "async { 1 }"),
    ("fn main() { let x = 'a: { 1 }; }", "labelled blocks", "'a: { 1 }"),
    ("fn main() { match s { [a, b] => {} } }", "slice patterns", "[a, b]"),
    ("fn main() { let p = &raw const x; }", "raw borrows (`&raw`)", "&raw const x"),
    ("struct S;\nimpl S { fn f(self: Box<Self>) {} }", "typed `self` parameters", "self: Box<Self>"),
    (
        "fn main() { let x = offset_of!(Outer, inner.field); }",
        "`offset_of!` with a nested field",
        "offset_of!(Outer, inner.field)",
    ),
    ("macro_rules! two { () => { 2 }; }", "`macro_rules!` definitions", "macro_rules! two { () => { 2 }; }"),
]


@pytest.mark.parametrize(("source", "what", "at"), UNSUPPORTED, ids=[what for _, what, _ in UNSUPPORTED])
def test_unsupported_constructs(source: str, what: str, at: str) -> None:
    with pytest.raises(ast.Unsupported) as error:
        parse_program(source)
    assert error.value.what == what
    assert error.value.span == span_of(source, at)


# Positions as rustc reports them (checked with `rustc --edition 2024 --error-format short`), except where
# tree-sitter cannot tell what was expected: then the first token it could not place.
PARSE_ERRORS = [
    ("fn main() {\n    let x = 5\n}\n", "expected `;`, found `}`", (2, 14)),
    ("struct P { x: }\n", "expected type, found `}`", (1, 15)),
    ("fn main() {\n    let x = 5\n    let y = x;\n}\n", "expected `;`, found keyword `let`", (2, 14)),
    ("fn main() {\n    let x = 5 + ;\n}\n", "expected expression, found `;`", (2, 17)),
    ("fn main() {\n    let = 3;\n}\n", "unexpected `=`", (2, 9)),
    ("fn main() {\n    foo(1, 2;\n}\n", "mismatched closing delimiter: `}`", (2, 8)),
    ("fn main() {\n    if x {\n    let y = 2;\n}\n", "unclosed delimiter `{`", (1, 11)),
    ("fn main() {\n}\n}\n", "unexpected closing delimiter: `}`", (3, 1)),
    ('fn main() {\n    let s = "é"; println!("{}", s +);\n}\n', "unexpected `+`", (2, 35)),
    ("fn main() {\n    println!(x);\n}\n", "format argument must be a string literal", (2, 14)),
    ("fn main() {\n    assert_eq!(1);\n}\n", "`assert_eq!` needs 2 arguments", (2, 5)),
    ("fn main() {\n    let b = 2.0i32;\n}\n", "invalid suffix `i32` for float literal", (2, 13)),
    ("fn main() {\n    let b = 7u9;\n}\n", "unexpected `7`", (2, 13)),
    ("fn main() {\n    let b = b'é';\n}\n", "non-ASCII character in byte literal", (2, 15)),
    ('fn main() {\n    let b = b"né";\n}\n', "non-ASCII character in byte string literal", (2, 16)),
    ('fn main() {\n    let b = b"a\n  é";\n}\n', "non-ASCII character in byte string literal", (3, 3)),
    ("fn main() {\n    let c = b'';\n}\n", "empty character literal", (2, 15)),
    ("fn main() {}\nfn untyped(x) {}\n", "expected one of `:`, `@`, or `|`, found `)`", (2, 13)),
    ("fn free(&self) {}\n", "`self` parameter is only allowed in associated functions", (1, 9)),
    ("fn main() {\n    let v = vec![1,\n        2 3];\n}\n", "unexpected `3`", (3, 11)),
]


@pytest.mark.parametrize(("source", "message", "at"), PARSE_ERRORS, ids=[m for _, m, _ in PARSE_ERRORS])
def test_parse_errors(source: str, message: str, at: tuple[int, int]) -> None:
    with pytest.raises(ParseError) as error:
        parse_program(source)
    assert (error.value.message, error.value.span[:2]) == (message, at)


def test_break_with_a_negative_value_is_a_break_not_a_subtraction():
    # tree-sitter-rust parses `break -1` as `(break) - 1`; rustc (and we) read `break` with the value -1.
    from whiteboard.model import syntax as ast
    from whiteboard.model.parser import parse_program

    source = "fn main() {\n    let r = loop {\n        break -1;\n    };\n}\n"
    program = parse_program(source)
    loop = program.items[0].body.stmts[0].init
    brk = loop.body.stmts[0].expr
    assert isinstance(brk, ast.Break) and isinstance(brk.value, ast.Unary) and brk.value.op == "-"
    assert brk.value.span == (3, 15, 3, 17)
