"""The project's own syntax tree for the Rust subset.

The parser (tree-sitter-rust) lowers into these nodes; the type checker, the borrow checker and the interpreter read
them. Nodes are plain mutable dataclasses with a unique `id` so later passes can keep side tables (types, resolved
names) keyed by node id instead of writing into the tree.

Spans are 1-based `(line, column, end_line, end_column)` with columns counted in characters, as rustc prints them;
the end is exclusive.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from whiteboard.model.types import Ty

Span = tuple[int, int, int, int]
NO_SPAN: Span = (0, 0, 0, 0)

_ids = itertools.count(1)


def _next_id() -> int:
    return next(_ids)


@dataclass(slots=True, eq=False)
class Node:
    span: Span = field(default=NO_SPAN, kw_only=True)
    id: int = field(default_factory=_next_id, kw_only=True)


# ----------------------------------------------------------------------------------------------------------- items


@dataclass(slots=True, eq=False)
class FieldDef(Node):
    name: str  # "0", "1" … for tuple structs
    ty: Ty


@dataclass(slots=True, eq=False)
class StructDef(Node):
    name: str
    kind: str  # "named" | "tuple" | "unit"
    fields: list[FieldDef]
    derives: frozenset[str] = frozenset()
    repr: str = "Rust"  # "Rust" | "C"


@dataclass(slots=True, eq=False)
class VariantDef(Node):
    name: str
    kind: str  # "unit" | "tuple" | "named"
    fields: list[FieldDef]
    discriminant: Expr | None = None  # `A = 3`


@dataclass(slots=True, eq=False)
class EnumDef(Node):
    name: str
    variants: list[VariantDef]
    derives: frozenset[str] = frozenset()
    repr: str = "Rust"  # "Rust" | "C" | "u8" | "i32" …


@dataclass(slots=True, eq=False)
class Param(Node):
    pattern: Pattern
    ty: Ty


@dataclass(slots=True, eq=False)
class FnDef(Node):
    name: str
    params: list[Param]  # without the self parameter
    ret: Ty  # UNIT when omitted
    body: Block
    self_param: str | None = None  # None | "value" | "mut_value" | "ref" | "mut_ref"
    owner: str | None = None  # the impl's type name for methods and associated fns
    trait: str | None = None  # "Drop" for `impl Drop for T`, etc.
    name_span: Span = (0, 0, 0, 0)


@dataclass(slots=True, eq=False)
class ImplBlock(Node):
    type_name: str
    trait: str | None
    fns: list[FnDef]


@dataclass(slots=True, eq=False)
class ConstDef(Node):
    name: str
    ty: Ty
    value: Expr
    is_static: bool = False
    mutable: bool = False


@dataclass(slots=True, eq=False)
class UseDecl(Node):
    paths: list[tuple[str, ...]]  # `use std::mem::{size_of, swap};` → [("std","mem","size_of"), ("std","mem","swap")]


Item = StructDef | EnumDef | FnDef | ImplBlock | ConstDef | UseDecl


@dataclass(slots=True, eq=False)
class Program(Node):
    items: list[Item]
    source: str = ""
    path: str = "main.rs"


# ----------------------------------------------------------------------------------------------------- statements


@dataclass(slots=True, eq=False)
class Let(Node):
    pattern: Pattern
    ty: Ty | None
    init: Expr | None
    else_block: Block | None = None


@dataclass(slots=True, eq=False)
class ExprStmt(Node):
    expr: Expr
    semi: bool


@dataclass(slots=True, eq=False)
class ItemStmt(Node):
    item: Item


Stmt = Let | ExprStmt | ItemStmt


# ---------------------------------------------------------------------------------------------------- expressions


@dataclass(slots=True, eq=False)
class Lit(Node):
    kind: str  # "int" | "float" | "bool" | "char" | "str" | "byte" | "bytestr"
    value: object  # int | float | bool | str (a char is a 1-character str)
    suffix: str | None = None  # "u8", "f64" …


@dataclass(slots=True, eq=False)
class Path(Node):
    """`x`, `Vec::new`, `Vec::<u8>::with_capacity`, `Color::Red`, `None`, `std::mem::swap`, `Self`, `self`.

    `generics[i]` holds the turbofish / generic arguments written on `segments[i]` (usually empty)."""

    segments: tuple[str, ...]
    generics: tuple[tuple[Ty, ...], ...] = ()


@dataclass(slots=True, eq=False)
class Unary(Node):
    op: str  # "-" | "!" | "*"
    expr: Expr


@dataclass(slots=True, eq=False)
class AddrOf(Node):
    expr: Expr
    mutable: bool = False


@dataclass(slots=True, eq=False)
class Binary(Node):
    op: str  # + - * / % & | ^ << >> == != < <= > >= && ||
    lhs: Expr
    rhs: Expr
    op_span: Span = (0, 0, 0, 0)


@dataclass(slots=True, eq=False)
class Assign(Node):
    target: Expr
    value: Expr
    op: str | None = None  # None for `=`, "+" for `+=` …


@dataclass(slots=True, eq=False)
class Cast(Node):
    expr: Expr
    ty: Ty


@dataclass(slots=True, eq=False)
class Call(Node):
    func: Expr  # usually a Path
    args: list[Expr]


@dataclass(slots=True, eq=False)
class MethodCall(Node):
    receiver: Expr
    method: str
    args: list[Expr]
    generics: tuple[Ty, ...] = ()
    method_span: Span = (0, 0, 0, 0)


@dataclass(slots=True, eq=False)
class FieldAccess(Node):
    expr: Expr
    name: str  # "0" for tuple fields


@dataclass(slots=True, eq=False)
class Index(Node):
    expr: Expr
    index: Expr


@dataclass(slots=True, eq=False)
class StructLit(Node):
    path: Path
    fields: list[tuple[str, Expr]]  # shorthand `Point { x, y }` becomes ("x", Path(("x",)))
    base: Expr | None = None  # `..Default::default()`


@dataclass(slots=True, eq=False)
class TupleLit(Node):
    elems: list[Expr]  # empty list is `()`


@dataclass(slots=True, eq=False)
class ArrayLit(Node):
    elems: list[Expr]


@dataclass(slots=True, eq=False)
class ArrayRepeat(Node):
    value: Expr
    count: Expr


@dataclass(slots=True, eq=False)
class Range(Node):
    start: Expr | None
    end: Expr | None
    inclusive: bool = False


@dataclass(slots=True, eq=False)
class Block(Node):
    stmts: list[Stmt]
    tail: Expr | None = None
    unsafe: bool = False


@dataclass(slots=True, eq=False)
class If(Node):
    cond: Expr  # a `LetCond` for `if let`
    then: Block
    orelse: Block | If | None = None


@dataclass(slots=True, eq=False)
class LetCond(Node):
    """The `let PAT = EXPR` in `if let` / `while let`."""

    pattern: Pattern
    expr: Expr


@dataclass(slots=True, eq=False)
class While(Node):
    cond: Expr  # a `LetCond` for `while let`
    body: Block
    label: str | None = None


@dataclass(slots=True, eq=False)
class Loop(Node):
    body: Block
    label: str | None = None


@dataclass(slots=True, eq=False)
class For(Node):
    pattern: Pattern
    iter: Expr
    body: Block
    label: str | None = None


@dataclass(slots=True, eq=False)
class Break(Node):
    label: str | None = None
    value: Expr | None = None


@dataclass(slots=True, eq=False)
class Continue(Node):
    label: str | None = None


@dataclass(slots=True, eq=False)
class Return(Node):
    value: Expr | None = None


@dataclass(slots=True, eq=False)
class MatchArm(Node):
    pattern: Pattern
    guard: Expr | None
    body: Expr


@dataclass(slots=True, eq=False)
class Match(Node):
    scrutinee: Expr
    arms: list[MatchArm]


@dataclass(slots=True, eq=False)
class FormatArg(Node):
    """One argument of a formatting macro: positional (`name` None) or named (`name = expr`)."""

    expr: Expr
    name: str | None = None


@dataclass(slots=True, eq=False)
class FormatMacro(Node):
    """println!, print!, eprintln!, eprint!, format!, panic!, and the message part of assert!/expect-like macros.

    `template` is the string literal's value (escapes already processed); `template_span` its span. Inline
    arguments (`{x}`) stay in the template; the interpreter resolves them."""

    macro: str  # "println" | "print" | "eprintln" | "eprint" | "format" | "panic" | "unreachable" | "todo"
    template: str | None  # None for `println!()` / `panic!()`
    args: list[FormatArg]
    template_span: Span = (0, 0, 0, 0)


@dataclass(slots=True, eq=False)
class AssertMacro(Node):
    macro: str  # "assert" | "assert_eq" | "assert_ne" | "debug_assert" …
    args: list[Expr]  # 1 for assert!, 2 for assert_eq!/assert_ne!
    message: FormatMacro | None = None  # the optional custom message, as a "format" macro


@dataclass(slots=True, eq=False)
class VecMacro(Node):
    elems: list[Expr] | None = None  # vec![a, b, c]
    repeat: tuple[Expr, Expr] | None = None  # vec![x; n]


@dataclass(slots=True, eq=False)
class OffsetOf(Node):
    ty: Ty
    field: str


@dataclass(slots=True, eq=False)
class MacroCall(Node):
    """Any other macro, kept so the interpreter can name it in a clear 'outside the subset' message."""

    name: str


Expr = (
    Lit
    | Path
    | Unary
    | AddrOf
    | Binary
    | Assign
    | Cast
    | Call
    | MethodCall
    | FieldAccess
    | Index
    | StructLit
    | TupleLit
    | ArrayLit
    | ArrayRepeat
    | Range
    | Block
    | If
    | LetCond
    | While
    | Loop
    | For
    | Break
    | Continue
    | Return
    | Match
    | FormatMacro
    | AssertMacro
    | VecMacro
    | OffsetOf
    | MacroCall
)


# ------------------------------------------------------------------------------------------------------- patterns


@dataclass(slots=True, eq=False)
class PIdent(Node):
    name: str
    mutable: bool = False
    by_ref: bool = False  # `ref x` / `ref mut x` (mutable then says `ref mut`)
    sub: Pattern | None = None  # `x @ 1..=5`


@dataclass(slots=True, eq=False)
class PWild(Node):
    pass


@dataclass(slots=True, eq=False)
class PRest(Node):
    """`..` inside a tuple or slice pattern."""


@dataclass(slots=True, eq=False)
class PLit(Node):
    lit: Lit
    negative: bool = False


@dataclass(slots=True, eq=False)
class PRange(Node):
    lo: PLit | Path | None
    hi: PLit | Path | None
    inclusive: bool = True


@dataclass(slots=True, eq=False)
class PTuple(Node):
    elems: list[Pattern]


@dataclass(slots=True, eq=False)
class PTupleStruct(Node):
    path: Path  # Some, Shape::Circle, Point
    elems: list[Pattern]


@dataclass(slots=True, eq=False)
class PStruct(Node):
    path: Path
    fields: list[tuple[str, Pattern]]  # shorthand `{ x }` becomes ("x", PIdent("x"))
    rest: bool = False


@dataclass(slots=True, eq=False)
class PPath(Node):
    """A path pattern: `None`, `Color::Red`, a constant."""

    path: Path


@dataclass(slots=True, eq=False)
class POr(Node):
    alts: list[Pattern]


@dataclass(slots=True, eq=False)
class PRef(Node):
    pattern: Pattern
    mutable: bool = False


Pattern = PIdent | PWild | PRest | PLit | PRange | PTuple | PTupleStruct | PStruct | PPath | POr | PRef


class Unsupported(Exception):
    """A construct outside the subset. Carries what it is and where, so the user gets one clear line."""

    def __init__(self, what: str, span: Span):
        super().__init__(what)
        self.what = what
        self.span = span
