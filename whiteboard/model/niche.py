"""Scalars, their valid ranges, and niches: a port of the value types in rustc_abi (`Scalar`, `WrappingRange`,
`Niche`, `Integer`) for x86_64-unknown-linux-gnu.

A *niche* is the set of bit patterns a scalar field can never hold (0 for a `&T`, 2..=255 for a `bool`, 2^63.. for a
`Vec`'s capacity). An enum may store its discriminant there instead of in a separate tag. rustc keeps exactly one
niche per layout, the *largest* (`LayoutData::largest_niche`); so do we.

Ranges are over the *unsigned* view of the scalar's bytes and may wrap: `start > end` means `start..=MAX` plus
`0..=end` (cmp::Ordering is `i8` -1..=1, i.e. 0xFF..=0x01).

On x86-64 every primitive is aligned to its size (i128/u128 to 16 since Rust 1.77), so a scalar's alignment is its
size and `Integer::for_align` is "the integer whose size is that alignment".
"""

from __future__ import annotations

from dataclasses import dataclass

POINTER_SIZE = 8
INTEGER_SIZES = (1, 2, 4, 8, 16)  # rustc_abi::Integer I8..I128


def unsigned_max(size: int) -> int:
    """`Size::unsigned_int_max`: the all-ones value of a `size`-byte integer."""
    return (1 << (8 * size)) - 1


@dataclass(frozen=True, slots=True)
class Scalar:
    """One primitive of a `BackendRepr::Scalar`/`ScalarPair`: its size and the wrapping range of valid values.

    `initialized=False` is rustc's `Scalar::Union`: a value that may be anything (even uninit), so it has no niche.
    """

    size: int
    start: int
    end: int
    initialized: bool = True

    @staticmethod
    def full(size: int) -> Scalar:
        return Scalar(size, 0, unsigned_max(size))

    @property
    def align(self) -> int:
        return self.size

    def with_range(self, start: int | None, end: int | None) -> Scalar:
        return Scalar(self.size, self.start if start is None else start, self.end if end is None else end)

    def hide_niche(self) -> Scalar:
        """What `UnsafeCell` does to the scalars it wraps: every bit pattern becomes valid (rustc `hide_niches`)."""
        return Scalar.full(self.size) if self.initialized else self

    def to_union(self) -> Scalar:
        return Scalar(self.size, 0, unsigned_max(self.size), initialized=False)


@dataclass(frozen=True, slots=True)
class Niche:
    """The invalid values of a scalar at `offset` bytes into a layout (rustc_abi `Niche`).

    `start..=end` is the *valid* range over an unsigned `size`-byte integer, possibly wrapping; every other value is
    available to encode enum variants.
    """

    offset: int
    size: int
    start: int
    end: int

    @staticmethod
    def from_scalar(offset: int, scalar: Scalar) -> Niche | None:
        if not scalar.initialized:
            return None
        niche = Niche(offset, scalar.size, scalar.start, scalar.end)
        return niche if niche.available > 0 else None

    @property
    def max_value(self) -> int:
        return unsigned_max(self.size)

    @property
    def available(self) -> int:
        """How many values lie outside the valid range (`Niche::available`)."""
        return (self.start - (self.end + 1)) & self.max_value

    def valid(self, value: int) -> bool:
        value &= self.max_value
        if self.start <= self.end:
            return self.start <= value <= self.end
        return value >= self.start or value <= self.end

    def shifted(self, by: int) -> Niche:
        return Niche(self.offset + by, self.size, self.start, self.end)

    def scalar(self) -> Scalar:
        return Scalar(self.size, self.start, self.end)

    def reserve(self, count: int) -> tuple[int, Scalar] | None:
        """Claim `count` invalid values for enum variants (`Niche::reserve`).

        Returns the first claimed value (`niche_start`) and the scalar with its valid range grown over the claimed
        values, or None if fewer than `count` values are free. rustc moves whichever bound reaches value 0 the
        shortest way without wrapping past it, so that `Option<T>`'s `None` lands on 0 when it can (`Option<&T>`
        is null, `Option<NonZeroU32>` is 0); enums needing several values rarely fit exactly and claim the values
        after `end` instead (`Option<bool>`'s None is 2).
        """
        assert count > 0
        max_value = self.max_value
        if count > self.available:
            return None
        start, end = self.start, self.end

        def move_start() -> tuple[int, Scalar]:
            new_start = (start - count) & max_value
            return new_start, Scalar(self.size, new_start, end)

        def move_end() -> tuple[int, Scalar]:
            first = (end + 1) & max_value
            return first, Scalar(self.size, start, (end + count) & max_value)

        distance_end_zero = max_value - end
        if start > end:
            return move_end()  # the valid range already wraps through 0: 0 is taken
        if start <= distance_end_zero:
            return move_start() if count <= start else move_end()
        new_end = (end + count) & max_value
        overshot_zero = 1 <= new_end <= end
        return move_start() if overshot_zero else move_end()


# ------------------------------------------------------------------------------------------------------- Integer


def for_align(align: int) -> int | None:
    """`Integer::for_align`: the integer size whose alignment is exactly `align`, if any."""
    return align if align in INTEGER_SIZES else None


def fit_unsigned(value: int) -> int:
    """`Integer::fit_unsigned`: the smallest integer size holding `value` unsigned."""
    for size in INTEGER_SIZES:
        if value <= unsigned_max(size):
            return size
    raise OverflowError(value)


def fit_signed(value: int) -> int:
    """`Integer::fit_signed`: the smallest integer size holding `value` as two's complement."""
    for size in INTEGER_SIZES:
        bits = 8 * size
        if -(1 << (bits - 1)) <= value < (1 << (bits - 1)):
            return size
    raise OverflowError(value)


def sign_extend(value: int, size: int) -> int:
    bits = 8 * size
    value &= unsigned_max(size)
    return value - (1 << bits) if value >> (bits - 1) else value
