"""A port of rustc's layout calculator (`compiler/rustc_abi/src/layout.rs`, `LayoutCalculator`) as of rustc 1.95,
specialised to x86_64-unknown-linux-gnu (8-byte pointers, every primitive aligned to its size, aggregates aligned
to at least 1, `c_enum_min_size` = 4 bytes).

This module holds the building blocks: `ReprOptions`, `LayoutData`, `scalar_pair`, `array_like`, `univariant`
(one variant's fields: the field-reordering rules) and `layout_of_union`; `layout_enum.py` builds structs and
enums from them (`layout_of_struct_or_enum`). Both work on field layouts only, not on types: the engine in
`layout.py` plays `rustc_ty_utils::layout_of`, turning types into the field lists and flags these functions take.
Names follow rustc's so the two can be read side by side.

What is left out, because it never changes a size, an offset or a niche: `-Z randomize-layout`, SIMD, coroutines,
`max_repr_align`/`unadjusted_abi_align` (only read by some non-x86-64 call ABIs), and the enum `ScalarPair`
backend representation (an ABI matter; only the struct one is kept, since a valid-range attribute needs it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from whiteboard.model.niche import Niche, Scalar

OBJ_SIZE_BOUND = 1 << 61  # TargetDataLayout::obj_size_bound() for 64-bit targets
C_ENUM_MIN_SIZE = 4  # a repr(C) enum's tag is at least a C `int`
U64_MAX = (1 << 64) - 1


class LayoutError(Exception):
    """A type that has no layout (unknown, unsized, infinitely recursive, too big, or a bad repr)."""


def align_to(offset: int, align: int) -> int:
    return (offset + align - 1) // align * align


def trailing_zeros(value: int) -> int:
    """`u64::trailing_zeros`, including 64 for 0."""
    return (value & -value).bit_length() - 1 if value else 64


# --------------------------------------------------------------------------------------------------------- repr


_INT_REPRS = {
    "u8": (1, False), "u16": (2, False), "u32": (4, False), "u64": (8, False), "u128": (16, False),
    "usize": (8, False),
    "i8": (1, True), "i16": (2, True), "i32": (4, True), "i64": (8, True), "i128": (16, True), "isize": (8, True),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReprOptions:
    """`#[repr(...)]` of a struct, enum or union (rustc_abi `ReprOptions`)."""

    c: bool = False
    transparent: bool = False
    int: tuple[int, bool] | None = None  # repr(u8) …: (size in bytes, signed)
    align: int | None = None  # repr(align(N))
    pack: int | None = None  # repr(packed) is pack 1, repr(packed(N)) pack N

    @staticmethod
    def parse(text: str) -> ReprOptions:
        """Parse what is inside `#[repr(...)]`: "Rust", "C", "C, packed", "packed(2)", "align(16)", "u8",
        "transparent" … (a whole `#[repr(...)]` attribute is accepted too)."""
        body = text.strip()
        if body.startswith("#[repr(") and body.endswith(")]"):
            body = body[len("#[repr(") : -2]
        c = transparent = False
        int_ = align = pack = None
        for raw in filter(None, (item.strip() for item in body.split(","))):
            item = raw.replace(" ", "")
            if item == "Rust":
                continue
            if item == "C":
                c = True
            elif item == "transparent":
                transparent = True
            elif item in _INT_REPRS:
                int_ = _INT_REPRS[item]
            elif item == "packed":
                pack = 1
            elif item.startswith(("packed(", "align(")) and item.endswith(")"):
                amount = item[item.index("(") + 1 : -1]
                if not amount.isdigit() or int(amount) & (int(amount) - 1) or int(amount) == 0:
                    raise ValueError(f"invalid `repr({raw})`: the amount must be a power of two")
                if item.startswith("packed"):
                    pack = int(amount)
                else:
                    align = int(amount)
            else:
                raise ValueError(f"unknown representation hint `repr({raw})`")
        return ReprOptions(c, transparent, int_, align, pack)

    @property
    def inhibit_struct_field_reordering(self) -> bool:
        return self.c or self.int is not None

    @property
    def inhibit_enum_layout_opt(self) -> bool:
        return self.c or self.int is not None

    @property
    def inhibit_newtype_abi_optimization(self) -> bool:
        return self.c

    @property
    def discr_type(self) -> tuple[int, bool]:
        """The type the discriminant has for typeck: the repr int, else `isize`."""
        return self.int or (8, True)


DEFAULT_REPR = ReprOptions()


# ------------------------------------------------------------------------------------------------------ layouts


@dataclass(frozen=True, slots=True)
class NicheEncoding:
    """`TagEncoding::Niche`: variants in `niche_variants` store `(index - lo) + niche_start` in the niche; the
    untagged variant is recognised by a valid value there."""

    untagged_variant: int
    niche_variants: tuple[int, int]  # inclusive
    niche_start: int


@dataclass(frozen=True, slots=True)
class LayoutData:
    """rustc_abi `LayoutData`, keeping what decides sizes, offsets and niches.

    `offsets[i]` is field i's offset (declaration order); `memory_order` lists field indices by increasing offset
    (rustc's `in_memory_order`). `abi` is the backend representation: () for `Memory`, one scalar for `Scalar`, two
    for `ScalarPair`. An enum with several present variants has `variants` (offsets relative to the enum) and a
    `tag`; one laid out like a struct has `variant_index` set to its single present variant.
    """

    size: int
    align: int
    offsets: tuple[int, ...] = ()
    memory_order: tuple[int, ...] = ()
    niche: Niche | None = None
    abi: tuple[Scalar, ...] = ()
    uninhabited: bool = False
    variants: tuple[LayoutData, ...] = ()
    variant_index: int = 0
    tag: Scalar | None = None
    tag_offset: int = 0
    tag_signed: bool = False  # a direct tag holds a signed discriminant
    niche_encoding: NicheEncoding | None = None

    @property
    def is_zst(self) -> bool:
        return not self.abi and self.size == 0

    @property
    def is_1zst(self) -> bool:
        return self.is_zst and self.align == 1

    @property
    def niche_available(self) -> int:
        return self.niche.available if self.niche else 0


def scalar_layout(scalar: Scalar) -> LayoutData:
    return LayoutData(scalar.size, scalar.align, abi=(scalar,), niche=Niche.from_scalar(0, scalar))


def scalar_pair(a: Scalar, b: Scalar) -> LayoutData:
    """`LayoutData::scalar_pair`: fat pointers, and two-scalar structs. The niche is the larger of the two; on a tie
    the first one (`max_by_key` returns the last maximum, and rustc iterates b then a)."""
    align = max(a.align, b.align, 1)
    b_offset = align_to(a.size, b.align)
    size = align_to(b_offset + b.size, align)
    niche = None
    for candidate in (Niche.from_scalar(b_offset, b), Niche.from_scalar(0, a)):
        if candidate and (niche is None or candidate.available >= niche.available):
            niche = candidate
    return LayoutData(size, align, (0, b_offset), (0, 1), niche, (a, b))


def never_type() -> LayoutData:
    """`LayoutData::never_type`: `!` and enums with no present variant: size 0, align 1, uninhabited."""
    return LayoutData(0, 1, uninhabited=True)


def array_like(element: LayoutData, count: int) -> LayoutData:
    """`[T; N]`: N copies of T, T's alignment; the niche is the first element's (none when N is 0)."""
    size = element.size * count
    if size >= OBJ_SIZE_BOUND:
        raise LayoutError("the array is too big for the current architecture")
    return LayoutData(
        size, element.align, niche=element.niche if count else None, uninhabited=element.uninhabited and count != 0
    )


# ------------------------------------------------------------------------------------------------------ structs


@dataclass(frozen=True, slots=True)
class StructKind:
    """`StructKind`: AlwaysSized (structs, enum variants for niche filling), MaybeUnsized (the last field may be
    unsized: tuples, `struct S<T: ?Sized>`; it is never reordered), Prefixed (an enum variant after its tag)."""

    name: str
    prefix_size: int = 0
    prefix_align: int = 1


ALWAYS_SIZED = StructKind("AlwaysSized")
MAYBE_UNSIZED = StructKind("MaybeUnsized")


def prefixed(size: int, align: int) -> StructKind:
    return StructKind("Prefixed", size, align)


START, END = "Start", "End"  # NicheBias: towards which end of the struct the largest niche is placed


def univariant(fields: Sequence[LayoutData], repr: ReprOptions, kind: StructKind) -> LayoutData:
    """Lay out one variant's fields (`LayoutCalculator::univariant`).

    First with the largest niche pushed to the start. Enums prefer a niche at either edge of a variant, since smaller
    variants can then fit in the bytes before or after it; so if the niche ended up in the middle with tail space
    left, rustc lays the struct out again biased to the end and keeps that when the niche is now further from the
    start than the first attempt's niche was from both ends. Never for MaybeUnsized: `Foo<T>` and `Foo<dyn Trait>`
    must share a layout for unsizing.
    """
    layout = _univariant_biased(fields, repr, kind, START)
    if kind.name != "MaybeUnsized" and layout.niche is not None:
        head_space = layout.niche.offset
        tail_space = layout.size - head_space - layout.niche.size
        if len(fields) > 1 and head_space != 0 and tail_space > 0:
            alt = _univariant_biased(fields, repr, kind, END)
            assert alt.niche is not None and alt.size == layout.size
            alt_head_space = alt.niche.offset
            if alt_head_space > head_space and alt_head_space > tail_space:
                return alt
    return layout


def _univariant_biased(fields: Sequence[LayoutData], repr: ReprOptions, kind: StructKind, bias: str) -> LayoutData:
    pack = repr.pack
    align = 1  # i8_align if packed, else aggregate_align: both 1 byte on x86-64
    order = list(range(len(fields)))
    optimize_field_order = not repr.inhibit_struct_field_reordering
    end = len(fields) - 1 if kind.name == "MaybeUnsized" else len(fields)

    if optimize_field_order and len(fields) > 1:
        # The tail of a MaybeUnsized struct is excluded so that the layout does not depend on it.
        sortable = fields[:end]
        max_field_align = max((f.align for f in sortable), default=1)
        largest_niche_size = max((f.niche_available for f in sortable), default=0)

        def alignment_group_key(f: LayoutData) -> int:
            if pack is not None:
                return min(f.align, pack)
            # log2 of an "effective alignment": a field whose size is a multiple of a larger power of two groups
            # with fields of that alignment ([u8; 4] with the u32s), so fewer padding holes open up.
            size_as_align = trailing_zeros(max(f.align, f.size))
            if largest_niche_size > 0:
                if bias == START:
                    # Don't let size promote a field past the struct's real alignment: for (u8, [u8; 16]) the array
                    # goes first for aligned loads, but for (bool, [u8; 16]) the bool keeps the front for its niche.
                    size_as_align = min(trailing_zeros(max_field_align), size_as_align)
                elif f.niche_available == largest_niche_size:
                    # Biased to the end, the niche-holder groups by its true alignment so it can sink further.
                    size_as_align = trailing_zeros(f.align)
            return size_as_align

        if kind.name == "Prefixed":
            # Enum variants: ascending alignment so the layout stays tight after any tag size, and the largest
            # niche last in its group so it can serve as the tag of an enclosing enum.
            def key(i: int) -> tuple:
                f = fields[i]
                return (alignment_group_key(f), f.niche_available)
        else:
            # Largest alignment group first; within a group the largest niche first (or last, biased to the end),
            # then the field whose niche sits nearest that end of itself. Python's sort is stable like Rust's
            # sort_by_key, so ties keep declaration order.
            def key(i: int) -> tuple:
                f = fields[i]
                niche = f.niche
                if bias == START:
                    return (-alignment_group_key(f), -f.niche_available, niche.offset if niche else 0)
                # `!(bytes after the niche)` as a u64: fields without a niche (key 0) come before all others.
                tail_key = U64_MAX - (f.size - niche.size - niche.offset) if niche else 0
                return (-alignment_group_key(f), f.niche_available, tail_key)

        order[:end] = sorted(order[:end], key=key)

    offsets = [0] * len(fields)
    offset = 0
    largest_niche: Niche | None = None
    largest_niche_available = 0
    if kind.name == "Prefixed":
        prefix_align = min(kind.prefix_align, pack) if pack is not None else kind.prefix_align
        align = max(align, prefix_align)
        offset = align_to(kind.prefix_size, prefix_align)
    for i in order:
        field = fields[i]
        field_align = min(field.align, pack) if pack is not None else field.align
        offset = align_to(offset, field_align)
        align = max(align, field_align)
        offsets[i] = offset
        if field.niche is not None:
            available = field.niche.available
            # Biased to the start keep the first of equal niches, biased to the end the last one.
            prefer = available > largest_niche_available if bias == START else available >= largest_niche_available
            if prefer:
                largest_niche_available = available
                largest_niche = field.niche.shifted(offset)
        offset += field.size

    if repr.align is not None:
        align = max(align, repr.align)
    size = align_to(offset, align)
    if size >= OBJ_SIZE_BOUND:
        raise LayoutError("the type is too big for the current architecture")

    abi: tuple[Scalar, ...] = ()
    if size > 0:
        non_zst = [(i, f) for i, f in enumerate(fields) if not f.is_zst]
        if len(non_zst) == 1:
            # A newtype that its one field fills entirely takes the field's Scalar/ScalarPair representation;
            # repr(C) keeps a lone scalar in memory (C ABIs treat the struct as an aggregate).
            i, f = non_zst[0]
            if offsets[i] == 0 and align == f.align and size == f.size:
                if len(f.abi) == 2 or (len(f.abi) == 1 and not repr.inhibit_newtype_abi_optimization):
                    abi = f.abi
        elif len(non_zst) == 2 and all(len(f.abi) == 1 for _, f in non_zst):
            (i, a), (j, b) = sorted(non_zst, key=lambda p: offsets[p[0]])
            pair = scalar_pair(a.abi[0], b.abi[0])
            if (offsets[i], offsets[j]) == pair.offsets and align == pair.align and size == pair.size:
                abi = pair.abi

    return LayoutData(
        size=size,
        align=align,
        offsets=tuple(offsets),
        memory_order=tuple(order),
        niche=largest_niche,
        abi=abi,
        uninhabited=any(f.uninhabited for f in fields),
    )


# ------------------------------------------------------------------------------------------------------- unions


def layout_of_union(repr: ReprOptions, fields: Sequence[LayoutData]) -> LayoutData:
    """Every field at offset 0; as big as the biggest field, as aligned as the most aligned; never a niche (any
    field's bytes may be live, and may be uninit)."""
    if not fields:
        raise LayoutError("a union needs at least one field")
    align = 1
    size = 0
    for f in fields:
        align = max(align, f.align)
        size = max(size, f.size)
    if repr.pack is not None:
        align = min(align, repr.pack)
    if repr.align is not None:
        align = max(align, repr.align)
    return LayoutData(
        size=align_to(size, align),
        align=align,
        offsets=(0,) * len(fields),
        memory_order=tuple(range(len(fields))),
    )
