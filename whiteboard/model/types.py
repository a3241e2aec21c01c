"""Rust types as plain, hashable values.

One representation serves the parser (type annotations), the type checker, the layout engine and the interpreter,
so a type written in source, inferred, or laid out is the same object and can key caches.
"""

from __future__ import annotations

from dataclasses import dataclass

INT_NAMES = ("i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize")
FLOAT_NAMES = ("f32", "f64")


class Ty:
    """Base of all types. Subclasses are frozen dataclasses, so types compare and hash structurally."""

    __slots__ = ()

    def __str__(self) -> str:  # pragma: no cover - overridden
        return self.__class__.__name__


@dataclass(frozen=True, slots=True)
class Int(Ty):
    name: str  # one of INT_NAMES

    @property
    def signed(self) -> bool:
        return self.name[0] == "i"

    @property
    def bits(self) -> int:
        return _INT_BITS[self.name]

    @property
    def min(self) -> int:
        return _INT_RANGE[self.name][0]

    @property
    def max(self) -> int:
        return _INT_RANGE[self.name][1]

    def __str__(self) -> str:
        return self.name


# Precomputed: the interpreter checks every integer operation against these (debug-build overflow checks).
_INT_BITS = {name: 64 if name.endswith("size") else int(name[1:]) for name in INT_NAMES}
_INT_RANGE = {
    name: ((-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if name[0] == "i" else (0, (1 << bits) - 1))
    for name, bits in _INT_BITS.items()
}


@dataclass(frozen=True, slots=True)
class Float(Ty):
    name: str  # "f32" | "f64"

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Bool(Ty):
    def __str__(self) -> str:
        return "bool"


@dataclass(frozen=True, slots=True)
class Char(Ty):
    def __str__(self) -> str:
        return "char"


@dataclass(frozen=True, slots=True)
class Str(Ty):
    """The unsized `str`; only ever seen behind a pointer (`&str`, `Box<str>`)."""

    def __str__(self) -> str:
        return "str"


@dataclass(frozen=True, slots=True)
class Never(Ty):
    def __str__(self) -> str:
        return "!"


@dataclass(frozen=True, slots=True)
class Tuple(Ty):
    elems: tuple[Ty, ...]  # () is the unit type

    def __str__(self) -> str:
        if len(self.elems) == 1:
            return f"({self.elems[0]},)"
        return "(" + ", ".join(map(str, self.elems)) + ")"


UNIT = Tuple(())


@dataclass(frozen=True, slots=True)
class Array(Ty):
    elem: Ty
    length: int

    def __str__(self) -> str:
        return f"[{self.elem}; {self.length}]"


@dataclass(frozen=True, slots=True)
class Slice(Ty):
    """The unsized `[T]`."""

    elem: Ty

    def __str__(self) -> str:
        return f"[{self.elem}]"


@dataclass(frozen=True, slots=True)
class Ref(Ty):
    inner: Ty
    mutable: bool = False

    def __str__(self) -> str:
        return f"&{'mut ' if self.mutable else ''}{self.inner}"


@dataclass(frozen=True, slots=True)
class RawPtr(Ty):
    inner: Ty
    mutable: bool = False

    def __str__(self) -> str:
        return f"*{'mut' if self.mutable else 'const'} {self.inner}"


@dataclass(frozen=True, slots=True)
class FnPtr(Ty):
    params: tuple[Ty, ...]
    ret: Ty

    def __str__(self) -> str:
        ret = "" if self.ret == UNIT else f" -> {self.ret}"
        return f"fn({', '.join(map(str, self.params))}){ret}"


@dataclass(frozen=True, slots=True)
class Dyn(Ty):
    """A trait object `dyn Trait` (unsized); the trait is kept as written."""

    trait: str

    def __str__(self) -> str:
        return f"dyn {self.trait}"


@dataclass(frozen=True, slots=True)
class Adt(Ty):
    """A named type with generic arguments: std types (`String`, `Vec<T>`, `Box<T>`, `Option<T>`, `Rc<T>` …) and
    the user's structs and enums. Paths are reduced to their last segment (`std::rc::Rc` is `Rc`)."""

    name: str
    args: tuple[Ty, ...] = ()

    def __str__(self) -> str:
        if not self.args:
            return self.name
        return f"{self.name}<{', '.join(map(str, self.args))}>"


@dataclass(frozen=True, slots=True)
class Var(Ty):
    """An inference variable (type checker only). `kind` is "" for any type, "int" or "float" for literals."""

    id: int
    kind: str = ""

    def __str__(self) -> str:
        return {"int": "{integer}", "float": "{float}"}.get(self.kind, "_")


BOOL = Bool()
CHAR = Char()
STR = Str()
NEVER = Never()
I32 = Int("i32")
USIZE = Int("usize")
U8 = Int("u8")
F64 = Float("f64")
STRING = Adt("String")
STR_REF = Ref(STR)


def vec_of(elem: Ty) -> Adt:
    return Adt("Vec", (elem,))


def option_of(inner: Ty) -> Adt:
    return Adt("Option", (inner,))


def box_of(inner: Ty) -> Adt:
    return Adt("Box", (inner,))


PRIMITIVES: dict[str, Ty] = {name: Int(name) for name in INT_NAMES}
PRIMITIVES.update({name: Float(name) for name in FLOAT_NAMES})
PRIMITIVES.update({"bool": BOOL, "char": CHAR, "str": STR})
