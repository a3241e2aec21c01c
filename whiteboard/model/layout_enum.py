"""Structs and enums: the part of rustc's layout calculator (`compiler/rustc_abi/src/layout.rs`,
`layout_of_struct_or_enum` and `layout_of_enum`) that decides how a type with variants is stored, as of rustc 1.95
on x86-64. A struct, or an enum with one present variant, is one `univariant` (see `layout_calc.py`); any other
enum is laid out twice, with its tag in a niche of the largest variant and with a separate tag, and the better of
the two is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from whiteboard.model.layout_calc import (
    ALWAYS_SIZED,
    C_ENUM_MIN_SIZE,
    MAYBE_UNSIZED,
    OBJ_SIZE_BOUND,
    LayoutData,
    LayoutError,
    NicheEncoding,
    ReprOptions,
    align_to,
    never_type,
    prefixed,
    univariant,
)
from whiteboard.model.niche import Niche, Scalar, fit_signed, fit_unsigned, for_align, sign_extend, unsigned_max


def _absent(fields: Sequence[LayoutData]) -> bool:
    """A variant needs no discriminant value when it is uninhabited and all its fields are 1-ZSTs (`Some(!)`)."""
    return any(f.uninhabited for f in fields) and all(f.is_1zst for f in fields)


def layout_of_struct_or_enum(
    repr: ReprOptions,
    variants: Sequence[Sequence[LayoutData]],
    *,
    is_enum: bool,
    is_special_no_niche: bool = False,
    scalar_valid_range: tuple[int | None, int | None] = (None, None),
    discriminants: Iterable[tuple[int, int]] = (),
    dont_niche_optimize_enum: bool = False,
    always_sized: bool = True,
) -> LayoutData:
    """`LayoutCalculator::layout_of_struct_or_enum`: a struct, or an enum with at most one present variant, is laid
    out as a struct (`Option<!>` is a zero-sized `None`); other enums go through `layout_of_enum`."""
    present = [i for i, v in enumerate(variants) if repr.c or not _absent(v)]
    if not present:
        if is_enum:
            return never_type()
        present = [0]
    if not is_enum or (len(present) == 1 and not repr.inhibit_enum_layout_opt):
        return _layout_of_struct(
            repr, variants, is_enum, is_special_no_niche, scalar_valid_range, always_sized, present[0]
        )
    return _layout_of_enum(repr, variants, list(discriminants), dont_niche_optimize_enum)


def _layout_of_struct(
    repr: ReprOptions,
    variants: Sequence[Sequence[LayoutData]],
    is_enum: bool,
    is_special_no_niche: bool,
    scalar_valid_range: tuple[int | None, int | None],
    always_sized: bool,
    v: int,
) -> LayoutData:
    kind = ALWAYS_SIZED if is_enum or not variants[v] or always_sized else MAYBE_UNSIZED
    st = replace(univariant(variants[v], repr, kind), variant_index=v)

    if is_special_no_niche:
        # UnsafeCell (and UnsafePinned): the contents may change behind a shared reference, so no bit pattern can be
        # assumed invalid. `Cell<bool>`, `Mutex<&T>`, `RefCell<Vec<T>>` have no niche.
        return replace(st, abi=tuple(s.hide_niche() for s in st.abi), niche=None)

    start, end = scalar_valid_range
    if start is not None or end is not None:
        # `#[rustc_layout_scalar_valid_range_start/end]` (NonNull) or a pattern type (`u32 is 1..` in NonZero,
        # `usize is 0..=isize::MAX` in Vec's capacity): narrow the first scalar's valid range.
        if not st.abi:
            raise LayoutError("a valid-range attribute needs a scalar layout")
        scalar = st.abi[0].with_range(start, end)
        niche = Niche.from_scalar(0, scalar)
        st = replace(st, abi=(scalar, *st.abi[1:]))
        # Replace the existing niche even when equal: this one is at a lower offset.
        if niche is not None and (st.niche is None or st.niche.available <= niche.available):
            st = replace(st, niche=niche)
    return st


def _repr_discr(repr: ReprOptions, lo: int, hi: int) -> tuple[int, bool]:
    """`Integer::repr_discr`: the smallest tag integer for discriminants lo..=hi (at least a C int for repr(C))."""
    unsigned_fit = fit_unsigned(max(lo, hi, 0))
    signed_fit = max(fit_signed(lo), fit_signed(hi))
    if repr.int is not None:
        size, signed = repr.int
        if size < (signed_fit if signed else unsigned_fit):
            raise LayoutError(f"discriminant range {lo}..={hi} does not fit in the repr integer")
        return size, signed
    at_least = C_ENUM_MIN_SIZE if repr.c else 1
    if lo >= 0:
        return max(unsigned_fit, at_least), False
    return max(signed_fit, at_least), True


def _layout_of_enum(
    repr: ReprOptions,
    variants: Sequence[Sequence[LayoutData]],
    discriminants: list[tuple[int, int]],
    dont_niche_optimize_enum: bool,
) -> LayoutData:
    """Compute both the niche-filling and the tagged layout of a multi-variant enum and keep the better one."""
    if repr.pack is not None:
        raise LayoutError("an enum cannot be repr(packed)")

    niche_filling = None if dont_niche_optimize_enum else _niche_filling_layout(repr, variants)
    tagged = _tagged_layout(repr, variants, discriminants)
    if niche_filling is None:
        return tagged
    # The smaller one; at equal size the one with the larger remaining niche (better for an enclosing enum);
    # otherwise tagged, whose discriminant reads are simpler.
    if tagged.size > niche_filling.size:
        return niche_filling
    if tagged.size == niche_filling.size and tagged.niche_available < niche_filling.niche_available:
        return niche_filling
    return tagged


def _niche_filling_layout(repr: ReprOptions, variants: Sequence[Sequence[LayoutData]]) -> LayoutData | None:
    """One variant (the largest) is stored as is; every other variant is encoded as an invalid value of the
    largest variant's niche, and its own fields must fit entirely before or after that niche."""
    if len(variants) < 2:
        return None
    align = 1
    layouts = []
    for index, fields in enumerate(variants):
        st = replace(univariant(fields, repr, ALWAYS_SIZED), variant_index=index)
        align = max(align, st.align)
        layouts.append(st)

    largest = 0
    for index, st in enumerate(layouts):
        if st.size >= layouts[largest].size:  # max_by_key keeps the last of equal maxima
            largest = index

    needs_disc = [i for i in range(len(variants)) if i != largest and not _absent(variants[i])]
    niche_variants = (needs_disc[0], needs_disc[-1])
    count = niche_variants[1] - niche_variants[0] + 1

    niche = layouts[largest].niche
    if niche is None:
        return None
    reserved = niche.reserve(count)
    if reserved is None:
        return None
    niche_start, niche_scalar = reserved
    niche_offset, niche_size = niche.offset, niche.size
    size = align_to(layouts[largest].size, align)

    placed = []
    for index, st in enumerate(layouts):
        if index == largest:
            placed.append(st)
            continue
        st = replace(st, niche=None)
        if st.size <= niche_offset:
            placed.append(st)  # fits before the niche
            continue
        this_offset = align_to(niche_offset + niche_size, st.align)
        if this_offset + st.size > size:
            return None
        placed.append(
            replace(
                st,
                offsets=tuple(o + this_offset for o in st.offsets),
                size=st.size + this_offset,
                abi=(),
            )
        )

    return LayoutData(
        size=size,
        align=align,
        niche=Niche.from_scalar(niche_offset, niche_scalar),
        uninhabited=all(v.uninhabited for v in placed),
        variants=tuple(placed),
        tag=niche_scalar,
        tag_offset=niche_offset,
        niche_encoding=NicheEncoding(largest, niche_variants, niche_start),
    )


def _tagged_layout(
    repr: ReprOptions, variants: Sequence[Sequence[LayoutData]], discriminants: list[tuple[int, int]]
) -> LayoutData:
    """Every variant after a tag integer. The tag is the smallest integer holding the discriminants, then grown to
    the smallest alignment among the variants' first fields: the bytes are padding anyway, and a wider tag spares
    LLVM partial loads and padding copies (`Option<u64>`'s tag is 8 bytes)."""
    discr_size, discr_signed = repr.discr_type
    tag_values = []
    for index, value in discriminants:
        if not repr.c and any(f.uninhabited for f in variants[index]):
            continue
        tag_values.append(sign_extend(value, discr_size) if discr_signed else value)
    lo, hi = (min(tag_values), max(tag_values)) if tag_values else (0, 0)  # none inhabited: pretend one is
    min_ity, signed = _repr_discr(repr, lo, hi)

    align = 1
    size = 0
    start_align = 256  # looking for the smallest first-field alignment, so start above any integer's
    # repr(C) is a (tag, union of variants) pair: the payload starts at the union's alignment.
    prefix_align = min_ity
    if repr.c:
        prefix_align = max([prefix_align] + [f.align for fields in variants for f in fields])

    layouts = []
    for index, fields in enumerate(variants):
        st = replace(univariant(fields, repr, prefixed(min_ity, prefix_align)), variant_index=index)
        for i in st.memory_order:
            if not fields[i].is_1zst:
                start_align = min(start_align, fields[i].align)
                break
        size = max(size, st.size)
        align = max(align, st.align)
        layouts.append(st)
    size = align_to(size, align)
    if size >= OBJ_SIZE_BOUND:
        raise LayoutError("the type is too big for the current architecture")

    ity = min_ity if repr.c or repr.int is not None else (for_align(start_align) or min_ity)
    if ity <= min_ity:
        ity = min_ity
    else:
        # Widen the tag over the padding before each variant's first field.
        patched = []
        for st in layouts:
            offsets = tuple(ity if o <= min_ity else o for o in st.offsets)
            patched.append(replace(st, offsets=offsets, size=ity if st.size <= min_ity else st.size))
        layouts = patched

    mask = unsigned_max(ity)
    valid_start, valid_end = _tag_valid_range(tag_values or [0], discr_size, discr_signed)
    tag = Scalar(ity, valid_start & mask, valid_end & mask)
    return LayoutData(
        size=size,
        align=align,
        niche=Niche.from_scalar(0, tag),
        abi=(tag,) if tag.size == size else (),
        uninhabited=all(v.uninhabited for v in layouts),
        variants=tuple(layouts),
        tag=tag,
        tag_offset=0,
        tag_signed=signed,
    )


def _tag_valid_range(values: list[int], discr_size: int, discr_signed: bool) -> tuple[int, int]:
    """The valid range of a direct tag: all values except the widest gap between used discriminants, so that
    gaps can become niches (rust-lang/rust#144577, since 1.91): `#[repr(u8)] enum E { A = 0, B = 200 }` is valid
    in 200..=0, and `Option<E>`'s None is 1.

    The gaps are between consecutive sorted discriminants, plus the one wrapping from the largest back to the
    smallest. rustc sizes that wrap-around gap as `MAX - (largest - smallest)` in u128 wrapping arithmetic, with
    MAX the discriminant type's maximum (`i8::MAX`, `u8::MAX`, `isize::MAX` without a repr). That is exact for
    unsigned types; for signed ones it undercounts by MIN's magnitude and turns huge when the discriminants span
    more than MAX, which then picks plain `min..=max` (so `#[repr(i8)] enum { A = -100, B = 100 }` is -100..=100,
    although 101..=-101 is the smaller valid range). Without a repr the type is isize, so it is always min..=max.
    Ties go to the later gap (`max_by_key`).
    """
    ordered = sorted(values)
    type_max = (1 << (8 * discr_size - 1)) - 1 if discr_signed else unsigned_max(discr_size)
    best = (-1, 0, 0)
    for i, gap_start in enumerate(ordered):
        if i + 1 < len(ordered):
            gap_end = ordered[i + 1]
            size = gap_end - gap_start
        else:
            gap_end = ordered[0]
            size = (type_max - (gap_start - gap_end)) % (1 << 128)
        if size >= best[0]:
            best = (size, gap_start, gap_end)
    _, gap_start, gap_end = best
    return gap_end, gap_start  # valid from the gap's end round to its start
