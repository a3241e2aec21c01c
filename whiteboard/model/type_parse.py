"""Parse a Rust type written as text (`&'a mut [u8]`, `Option<Box<dyn Fn(i32) -> i32>>`, `std::rc::Rc<u8>`) into
the shared `Ty` representation.

Lifetimes are dropped (they do not change layout), paths keep their last segment (`std::rc::Rc` → `Rc`), and a
trait object keeps its trait text as written, whitespace normalised (`dyn Fn(i32) -> i32`). Used for the CLI's
`whiteboard layout TYPE`, for the std definitions in `std_layouts.py`, and by tests reading the rustc oracle.
"""

from __future__ import annotations

import re

from whiteboard.model import types as T

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<lifetime>'[A-Za-z_][A-Za-z0-9_]*)
      | (?P<int>[0-9][0-9_]*(?:[iu](?:8|16|32|64|128|size))?)
      | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<string>"[^"]*")
      | (?P<punct>::|->|[&*\[\];(),<>!+=?])
    )""",
    re.VERBOSE,
)


class _Tok:
    __slots__ = ("kind", "text", "start", "end")

    def __init__(self, kind: str, text: str, start: int, end: int):
        self.kind, self.text, self.start, self.end = kind, text, start, end


def _tokenize(text: str) -> list[_Tok]:
    toks = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError(f"cannot parse type {text!r}: unexpected character {text[pos:].lstrip()[0]!r}")
        kind = m.lastgroup or "punct"
        toks.append(_Tok(kind, m.group(kind), m.start(kind), m.end()))
        pos = m.end()
    toks.append(_Tok("eof", "", len(text), len(text)))
    return toks


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.toks = _tokenize(text)
        self.i = 0

    # ---------------------------------------------------------------------------------------------------- helpers

    @property
    def tok(self) -> _Tok:
        return self.toks[self.i]

    def at(self, text: str) -> bool:
        return self.tok.kind != "eof" and self.tok.text == text

    def eat(self, text: str) -> bool:
        if self.at(text):
            self.i += 1
            return True
        return False

    def expect(self, text: str, what: str = "") -> _Tok:
        if not self.at(text):
            self.fail(f"expected `{text}`{what}")
        tok = self.tok
        self.i += 1
        return tok

    def fail(self, message: str, found: bool = True):
        where = f"column {self.tok.start + 1}"
        if found:
            where = ("found the end" if self.tok.kind == "eof" else f"found `{self.tok.text}`") + f" at {where}"
        raise ValueError(f"cannot parse type {self.text!r}: {message} ({where})")

    # ------------------------------------------------------------------------------------------------------ types

    def parse(self) -> T.Ty:
        ty = self.ty()
        if self.tok.kind != "eof":
            self.fail("expected the end of the type")
        return ty

    def ty(self) -> T.Ty:
        tok = self.tok
        if self.eat("&"):
            if self.tok.kind == "lifetime":
                self.i += 1
            mutable = self.eat("mut")
            return T.Ref(self.ty(), mutable)
        if self.eat("*"):
            if self.eat("mut"):
                return T.RawPtr(self.ty(), True)
            if self.eat("const"):
                return T.RawPtr(self.ty(), False)
            self.fail("expected `const` or `mut` after `*`")
        if self.eat("["):
            elem = self.ty()
            if self.eat("]"):
                return T.Slice(elem)
            self.expect(";", " or `]` in an array or slice type")
            length = self.tok
            if length.kind != "int":
                self.fail("an array length must be an integer literal")
            self.i += 1
            self.expect("]")
            return T.Array(elem, int(re.sub(r"[iu](8|16|32|64|128|size)$", "", length.text).replace("_", "")))
        if self.eat("("):
            elems, trailing_comma = self.list_until(")", self.ty)
            if len(elems) == 1 and not trailing_comma:
                return elems[0]  # parenthesised type, not a 1-tuple
            return T.Tuple(tuple(elems))
        if self.eat("!"):
            return T.NEVER
        if tok.text in ("fn", "unsafe", "extern"):
            return self.fn_ptr()
        if self.eat("dyn"):
            return T.Dyn(self.bounds())
        if tok.text == "impl":
            self.fail("`impl Trait` is not a concrete type; name the type", found=False)
        if tok.text == "_":
            self.fail("`_` cannot be laid out; name the type", found=False)
        if tok.kind == "ident" or tok.text == "::":
            return self.path_type()
        self.fail("expected a type")
        raise AssertionError  # unreachable

    def list_until(self, close: str, item) -> tuple[list, bool]:
        items: list = []
        trailing_comma = False
        while not self.eat(close):
            items.append(item())
            trailing_comma = self.eat(",")
            if not trailing_comma:
                self.expect(close, f" or `,` in a list closed by `{close}`")
                break
        return items, trailing_comma

    def fn_ptr(self) -> T.Ty:
        self.eat("unsafe")
        if self.eat("extern") and self.tok.kind == "string":
            self.i += 1
        self.expect("fn")
        self.expect("(")
        params, _ = self.list_until(")", self.fn_param)
        ret = self.ty() if self.eat("->") else T.UNIT
        return T.FnPtr(tuple(params), ret)

    def fn_param(self) -> T.Ty:
        # `fn(x: u8)` may name its parameters
        if self.tok.kind == "ident" and self.toks[self.i + 1].text == ":" and self.toks[self.i + 2].text != ":":
            self.i += 2
        return self.ty()

    def path_type(self) -> T.Ty:
        start = self.tok.start
        name, args, sugar = self.path()
        if sugar:
            written = _normalise(self.text[start : self.toks[self.i - 1].end])
            raise ValueError(f"cannot parse type {self.text!r}: `{written}` is a trait; write `dyn {written}`")
        if not args and name in T.PRIMITIVES:
            return T.PRIMITIVES[name]
        return T.Adt(name, tuple(args))

    def path(self) -> tuple[str, list[T.Ty], bool]:
        """A path `a::b::C<args>`; returns its last segment, that segment's type arguments, and whether it used
        the parenthesised `Fn(A) -> B` sugar."""
        self.eat("::")
        while True:
            if self.tok.kind != "ident":
                self.fail("expected a name in a path")
            name = self.tok.text
            self.i += 1
            args: list[T.Ty] = []
            sugar = False
            if self.at("::") and self.toks[self.i + 1].text == "<":
                self.i += 1  # turbofish `Vec::<u8>`
            if self.eat("<"):
                args = [a for a in self.list_until(">", self.generic_arg)[0] if a is not None]
            elif self.at("("):
                self.i += 1
                args, _ = self.list_until(")", self.ty)
                sugar = True
                if self.eat("->"):
                    args.append(self.ty())
            if not self.eat("::"):
                return name, args, sugar

    def generic_arg(self) -> T.Ty | None:
        if self.tok.kind == "lifetime":
            self.i += 1
            return None
        if self.tok.kind == "ident" and self.toks[self.i + 1].text == "=":
            self.fail("associated type bindings (`Item = T`) are not supported")
        return self.ty()

    def bounds(self) -> str:
        """`dyn` bounds `Trait + Send + 'a`: checked for shape, kept as their source text."""
        start = self.tok.start
        while True:
            if self.tok.kind == "lifetime":
                self.i += 1
            else:
                self.eat("?")
                self.path()
            if not self.eat("+"):
                break
        end = self.toks[self.i - 1].end
        return _normalise(self.text[start:end])


def _normalise(text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip())
    text = re.sub(r"\s*(::|[<>(),\[\]])\s*", r"\1", text)
    text = text.replace(",", ", ").replace("->", " -> ").replace("+", " + ")
    return re.sub(r"\s+", " ", text).strip()


def parse_type(text: str) -> T.Ty:
    """Parse a Rust type; raises ValueError naming the problem and its column."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("cannot parse type: the text is empty")
    return _Parser(text).parse()
