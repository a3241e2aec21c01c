"""Runtime values of the interpreter.

Scalars are Python values (int, float, bool; a `char` is a 1-character str). Aggregates hold their parts in Python
lists so that every place in memory is `(holder_list, index)`: a stack slot's cell, a struct field, a Vec element, a
Box's content. A reference is such a place plus the address it points at. A value moved out of a place leaves the
MOVED marker behind, which is also rustc's drop flag: a MOVED place is not dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from whiteboard.model.types import Ty


class _Marker:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


MOVED = _Marker("MOVED")
UNINIT = _Marker("UNINIT")


@dataclass(slots=True, eq=False)
class Block:
    """A heap block. `items` holds the initialised elements (a Vec's first `len`, a Box's one value, a String's bytes
    as a bytearray); `capacity` is how many fit. Memory beyond `len` is drawn as spare capacity, never stored."""

    id: int
    addr: int
    size: int
    align: int
    elem_ty: Ty
    capacity: int
    items: list | bytearray
    what: str
    freed: bool = False
    strong: int = 1  # Rc counts (only for Rc blocks)
    weak: int = 1
    value_offset: int = 0  # where the value starts inside the block (16 for RcBox: strong and weak come first)


@dataclass(slots=True, eq=False)
class Agg:
    """A struct, tuple or array value: its fields in declaration order."""

    ty: Ty
    fields: list


@dataclass(slots=True, eq=False)
class EnumV:
    ty: Ty
    variant: str
    fields: list = field(default_factory=list)


@dataclass(slots=True, eq=False)
class VecV:
    """The three words of a Vec<T> or String on the stack: pointer, capacity, length (length lives in the block)."""

    ty: Ty
    block: Block | None  # None: nothing allocated, the pointer is dangling (= the element alignment)
    capacity: int

    @property
    def length(self) -> int:
        return len(self.block.items) if self.block is not None else 0


@dataclass(slots=True, eq=False)
class BoxV:
    ty: Ty
    block: Block | None  # None only for a Box of a zero-sized type


@dataclass(slots=True, eq=False)
class RcV:
    ty: Ty
    block: Block


@dataclass(slots=True, eq=False)
class Place:
    """A location that can be read and written: `holder[index]`, at address `addr`, of type `ty`. `root` names the
    stack slot / heap element / static that contains it, so a write can tell the view what to redraw."""

    holder: list
    index: int
    addr: int
    ty: Ty
    root: tuple | None
    path: tuple = ()

    def get(self):
        return self.holder[self.index]

    def set(self, value) -> None:
        self.holder[self.index] = value


@dataclass(slots=True, eq=False)
class RefV:
    """`&T` / `&mut T` (thin): the place it points at."""

    place: Place
    mutable: bool = False

    @property
    def addr(self) -> int:
        return self.place.addr


@dataclass(slots=True, eq=False)
class StrV:
    """`&str`: pointer and length. `text` is a snapshot of the bytes it points at (they cannot change while the
    borrow lives; the borrow checker guarantees it)."""

    text: str
    addr: int
    block: object = None  # the heap block it points into (a String's buffer), None for static data


@dataclass(slots=True, eq=False)
class SliceV:
    """`&[T]` / `&mut [T]`: elements `start..end` of a holder list."""

    holder: list
    start: int
    end: int
    addr: int
    elem_ty: Ty
    root_block: int | None = None
    mutable: bool = False

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(slots=True, eq=False)
class RangeV:
    start: int | None
    end: int | None
    inclusive: bool = False


@dataclass(slots=True, eq=False)
class IterV:
    """A running `v.iter()` / `v.iter_mut()` / range iterator, as a `for` loop sees it."""

    kind: str  # "range" | "ref" | "mut" | "owned"
    items: list | None = None
    pos: int = 0
    end: int = 0
    step: int = 1
    source: object = None  # the VecV/SliceV it walks (ref/mut), for places


def strip_refs(value):
    """The value a chain of `&`/`&mut` points at."""
    while isinstance(value, RefV):
        value = value.place.get()
    return value
