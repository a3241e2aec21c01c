"""Type layouts as rustc 1.95 computes them on x86-64: size, alignment, field offsets, niches, enum tags.

`LayoutEngine` plays rustc_ty_utils' `layout_of`: it maps each type to the inputs of the layout calculator
(`layout_calc.py`, a port of rustc_abi) and turns the result into the plain `Layout` values the rest of the
whiteboard reads. User types come from the parser's `StructDef`/`EnumDef`; std types from the definitions in
`std_layouts.py`, so `Vec`, `String`, `Rc`, `Option` … are laid out by the same rules as the user's structs.

    engine = LayoutEngine(structs, enums)
    engine.layout(parse_type("Option<String>")).size   # 24: None is cap == 2^63, an impossible capacity
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from whiteboard.model import syntax as S
from whiteboard.model import types as T
from whiteboard.model.adt import AdtDef, from_enum_def, from_struct_def, subst, type_params_of
from whiteboard.model.layout_calc import (
    ALWAYS_SIZED,
    DEFAULT_REPR,
    MAYBE_UNSIZED,
    LayoutData,
    LayoutError,
    array_like,
    layout_of_union,
    never_type,
    scalar_layout,
    scalar_pair,
    univariant,
)
from whiteboard.model.layout_enum import layout_of_struct_or_enum
from whiteboard.model.niche import POINTER_SIZE, Niche, Scalar, unsigned_max
from whiteboard.model.std_layouts import STD_ALIASES, STD_DEFS, STD_PROJECTIONS

__all__ = [
    "FieldLayout",
    "Layout",
    "LayoutEngine",
    "LayoutError",
    "Niche",
    "TagLayout",
    "VariantLayout",
    "engine_for_source",
]

_PTR_MAX = unsigned_max(POINTER_SIZE)
_NON_NULL = Scalar(POINTER_SIZE, 1, _PTR_MAX)  # references, Box/NonNull (via their attribute), fn pointers, vtables
_ANY_PTR = Scalar.full(POINTER_SIZE)  # raw pointers; also slice lengths (usize)


@dataclass(frozen=True, slots=True)
class FieldLayout:
    name: str  # "0", "1" … for tuples and tuple structs
    ty: T.Ty
    offset: int  # from the start of the value (of the enum, for a variant's field)
    size: int
    align: int


@dataclass(frozen=True, slots=True)
class VariantLayout:
    name: str
    index: int
    fields: tuple[FieldLayout, ...]  # declaration order
    discriminant: int  # the value `as isize` gives


@dataclass(frozen=True, slots=True)
class TagLayout:
    """Where an enum keeps which variant it is.

    "direct": a tag integer at `offset` holds the discriminant (`signed` says how to read it).
    "niche": variants `niche_variants` (inclusive) are stored as `niche_start + (index - niche_variants[0])` in the
    bytes at `offset` (an otherwise invalid value of a field of variant `untagged_variant`); any valid value there
    means the untagged variant.
    """

    offset: int
    size: int
    encoding: str  # "direct" | "niche"
    niche_start: int = 0
    untagged_variant: int | None = None
    niche_variants: tuple[int, int] | None = None
    signed: bool = False

    def value_for(self, variant: VariantLayout) -> int | None:
        """The unsigned value the tag bytes hold for `variant`; None if it writes none (the untagged variant)."""
        mask = unsigned_max(self.size)
        if self.encoding == "direct":
            return variant.discriminant & mask
        assert self.niche_variants is not None
        lo, hi = self.niche_variants
        if variant.index == self.untagged_variant or not lo <= variant.index <= hi:
            return None
        return (variant.index - lo + self.niche_start) & mask


@dataclass(frozen=True, slots=True)
class Layout:
    ty: T.Ty
    size: int
    align: int
    fields: tuple[FieldLayout, ...]  # declaration order; structs, unions, tuples, fat pointers (ptr, len|vtable)
    niche: Niche | None
    variants: tuple[VariantLayout, ...] = ()  # enums, Option and Result included
    tag: TagLayout | None = None
    memory_index: tuple[int, ...] = ()  # indices into `fields` by increasing offset
    uninhabited: bool = False
    data: LayoutData | None = field(default=None, repr=False, compare=False)  # the calculator's result

    @property
    def memory_order(self) -> tuple[str, ...]:
        """Field names in the order rustc placed them in memory."""
        order = self.memory_index or sorted(range(len(self.fields)), key=lambda i: self.fields[i].offset)
        return tuple(self.fields[i].name for i in order)

    @property
    def padding_bytes(self) -> int:
        """Bytes no field covers (for an enum: no variant's field and not the tag). Scalars and arrays have none of
        their own: an array's padding is inside its elements."""
        if not self.fields and not self.variants:
            return 0
        covered = bytearray(self.size)
        spans = [(f.offset, f.size) for f in self.fields]
        spans += [(f.offset, f.size) for v in self.variants for f in v.fields]
        if self.tag is not None:
            spans.append((self.tag.offset, self.tag.size))
        for offset, size in spans:
            covered[offset : offset + size] = b"\x01" * size
        return self.size - sum(covered)

    @property
    def is_zst(self) -> bool:
        return self.size == 0

    def field(self, name: str) -> FieldLayout:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"`{self.ty}` has no field `{name}`")

    def variant(self, name: str) -> VariantLayout:
        for v in self.variants:
            if v.name == name:
                return v
        raise KeyError(f"`{self.ty}` has no variant `{name}`")


class LayoutEngine:
    """Lays out types; caches every layout. User definitions shadow std types of the same name.

    `type_params` gives the type parameter names of generic user types (`{"Pair": ("T",)}`), for syntax trees that
    do not record them on the definition.
    """

    def __init__(
        self,
        structs: Mapping[str, S.StructDef] | None = None,
        enums: Mapping[str, S.EnumDef] | None = None,
        type_params: Mapping[str, tuple[str, ...]] | None = None,
    ):
        type_params = type_params or {}
        self._defs: dict[str, AdtDef] = dict(STD_DEFS)
        try:
            for name, sdef in (structs or {}).items():
                self._defs[name] = from_struct_def(sdef, type_params.get(name) or type_params_of(sdef))
            for name, edef in (enums or {}).items():
                self._defs[name] = from_enum_def(edef, type_params.get(name) or type_params_of(edef))
        except ValueError as err:
            raise LayoutError(str(err)) from None
        self._raw_cache: dict[T.Ty, LayoutData] = {}
        self._cache: dict[T.Ty, Layout] = {}
        self._in_progress: set[T.Ty] = set()

    # --------------------------------------------------------------------------------------------------- public

    def layout(self, ty: T.Ty) -> Layout:
        cached = self._cache.get(ty)
        if cached is None:
            resolved = self._resolve(ty)  # a std alias (`NonZeroU32`) is laid out as what it stands for
            cached = self._cache[ty] = replace(self._build(resolved, self._raw(resolved)), ty=ty)
        return cached

    def size_of(self, ty: T.Ty) -> int:
        return self._raw(self._resolve(ty)).size

    def align_of(self, ty: T.Ty) -> int:
        return self._raw(self._resolve(ty)).align

    def definition(self, name: str) -> AdtDef | None:
        return self._defs.get(name)

    def is_sized(self, ty: T.Ty) -> bool:
        return self.pointer_metadata(ty) is None

    def pointer_metadata(self, pointee: T.Ty) -> str | None:
        """What a pointer to `pointee` carries besides the address: None (thin), "len" (slices, str, and structs
        ending in one) or "vtable" (trait objects)."""
        tail = self._unsized_tail(pointee, set())
        if tail is None:
            return None
        return "vtable" if isinstance(tail, T.Dyn) else "len"

    def rc_box_layout(self, inner: T.Ty) -> Layout:
        """The heap block `Rc::new` allocates: `RcInner { strong: Cell<usize>, weak: Cell<usize>, value: T }`,
        repr(C), so the two counts always come first."""
        return self.layout(T.Adt("RcInner", (inner,)))

    def arc_inner_layout(self, inner: T.Ty) -> Layout:
        """The heap block `Arc::new` allocates: `ArcInner { strong, weak: AtomicUsize, data: T }`, repr(C)."""
        return self.layout(T.Adt("ArcInner", (inner,)))

    def tag_bytes(self, ty: T.Ty, variant: int | str) -> tuple[int, bytes] | None:
        """The bytes that mark `variant` of enum `ty`: (offset, little-endian bytes) to write, or None when that
        variant writes no tag (the untagged variant of a niche layout, or an enum laid out like a struct)."""
        layout = self.layout(ty)
        index = variant if isinstance(variant, int) else layout.variant(variant).index
        tag = layout.tag
        value = None if tag is None else tag.value_for(layout.variants[index])
        if tag is None or value is None:
            return None
        return tag.offset, value.to_bytes(tag.size, "little")

    def option_none_bits(self, inner: T.Ty) -> tuple[int, bytes] | None:
        """How `None::<inner>` is marked: (offset, bytes). For a niche-encoded Option this is the invalid value
        of the niche (zero for `Option<&T>`/`Option<Box<T>>`, 2 for `Option<bool>`, 2^63 as the capacity of
        `Option<Vec<T>>`); otherwise the tag 0. None if nothing is written (`Option<Infallible>`)."""
        return self.tag_bytes(T.option_of(inner), 0)

    def variant_of_bytes(self, ty: T.Ty, memory: bytes) -> int:
        """Which variant the bytes of a value of enum `ty` hold (rustc's `read_discriminant`)."""
        layout = self.layout(ty)
        tag = layout.tag
        if tag is None:
            return layout.data.variant_index if layout.data else 0
        mask = unsigned_max(tag.size)
        value = int.from_bytes(memory[tag.offset : tag.offset + tag.size], "little")
        if tag.encoding == "direct":
            for v in layout.variants:
                if v.discriminant & mask == value:
                    return v.index
            raise ValueError(f"{value:#x} is not a valid tag of `{ty}`")
        assert tag.niche_variants is not None and tag.untagged_variant is not None
        lo, hi = tag.niche_variants
        relative = (value - tag.niche_start) & mask
        return lo + relative if relative <= hi - lo else tag.untagged_variant

    # ------------------------------------------------------------------------------------- types → calculator

    def _resolve(self, ty: T.Ty) -> T.Ty:
        while isinstance(ty, T.Adt) and ty.name in STD_ALIASES and ty.name not in self._defs:
            ty = STD_ALIASES[ty.name](ty.args)
        return ty

    def _def(self, ty: T.Adt) -> tuple[AdtDef, dict[str, T.Ty]]:
        d = self._defs.get(ty.name)
        if d is None:
            raise LayoutError(
                f"unknown type `{ty.name}`: neither defined in the program nor a std type the whiteboard models"
            )
        try:
            return d, d.instantiate(ty.args)
        except ValueError as err:
            raise LayoutError(str(err)) from None

    def _raw(self, ty: T.Ty) -> LayoutData:
        ty = self._resolve(ty)
        cached = self._raw_cache.get(ty)
        if cached is not None:
            return cached
        if ty in self._in_progress:
            raise LayoutError(
                f"recursive type `{ty}` has infinite size (E0072): put the recursive field behind a pointer "
                "such as `Box`, `Rc` or `&`"
            )
        self._in_progress.add(ty)
        try:
            data = self._compute(ty)
        finally:
            self._in_progress.discard(ty)
        self._raw_cache[ty] = data
        return data

    def _compute(self, ty: T.Ty) -> LayoutData:
        match ty:
            case T.Int() | T.Float():
                return scalar_layout(Scalar.full(_prim_size(ty)))
            case T.Bool():
                return scalar_layout(Scalar(1, 0, 1))
            case T.Char():
                return scalar_layout(Scalar(4, 0, 0x10FFFF))  # Unicode scalar values (surrogates are not excluded)
            case T.Never():
                return never_type()
            case T.Tuple(elems):
                # A tuple's last element may be unsized (`(u8, [u8])` behind a pointer), so it stays last.
                kind = MAYBE_UNSIZED if elems else ALWAYS_SIZED
                return univariant([self._raw(e) for e in elems], DEFAULT_REPR, kind)
            case T.Array(elem, length):
                return array_like(self._raw(elem), length)
            case T.Ref(inner) | T.RawPtr(inner):
                return self._pointer(inner, non_null=isinstance(ty, T.Ref))
            case T.FnPtr():
                return scalar_layout(_NON_NULL)
            case T.Str() | T.Slice() | T.Dyn():
                raise LayoutError(
                    f"`{ty}` is unsized: it has no layout of its own and only exists behind a pointer "
                    f"(`&{ty}`, `Box<{ty}>`), which then also carries its "
                    f"{'vtable' if isinstance(ty, T.Dyn) else 'length'}"
                )
            case T.Adt():
                return self._adt(ty)
        raise LayoutError(f"`{ty}` has no layout: its type is not known yet")

    def _pointer(self, pointee: T.Ty, non_null: bool) -> LayoutData:
        """A thin pointer is one scalar; a pointer to an unsized value is a (data, metadata) scalar pair. A vtable
        pointer is never null, so even `*const dyn Trait` has a niche (in its second word)."""
        data = _NON_NULL if non_null else _ANY_PTR
        metadata = self.pointer_metadata(pointee)
        if metadata is None:
            return scalar_layout(data)
        return scalar_pair(data, _NON_NULL if metadata == "vtable" else _ANY_PTR)

    def _unsized_tail(self, ty: T.Ty, seen: set[T.Ty]) -> T.Ty | None:
        """The unsized type at the end of `ty` (`str` for `str`, `[u8]` for `Path`), or None if `ty` is sized."""
        ty = self._resolve(ty)
        match ty:
            case T.Str() | T.Slice() | T.Dyn():
                return ty
            case T.Tuple(elems) if elems:
                return self._unsized_tail(elems[-1], seen)
            case T.Adt() if ty not in seen:
                d, mapping = self._def(ty)
                if d.kind != "struct" or not d.variants[0].fields:
                    return None
                seen.add(ty)
                return self._unsized_tail(subst(d.variants[0].fields[-1][1], mapping), seen)
        return None

    def _adt(self, ty: T.Adt) -> LayoutData:
        d, mapping = self._def(ty)
        variants = [[self._raw(subst(fty, mapping)) for _, fty in v.fields] for v in d.variants]
        if d.kind == "union":
            return layout_of_union(d.repr, variants[0])
        return layout_of_struct_or_enum(
            d.repr,
            variants,
            is_enum=d.is_enum,
            is_special_no_niche=d.no_niche,
            scalar_valid_range=d.valid_range,
            discriminants=[(i, v.discriminant) for i, v in enumerate(d.variants)],
            # rustc only niche-fills enums whose discriminants are all implicit (and not repr(C)/repr(int)).
            dont_niche_optimize_enum=d.repr.inhibit_enum_layout_opt or d.explicit_discriminants,
            always_sized=not self._maybe_unsized(d),
        )

    def _maybe_unsized(self, d: AdtDef) -> bool:
        """rustc lays a struct out as MaybeUnsized when its last field's declared type is not known to be Sized,
        i.e. mentions a `?Sized` parameter in an unsized position (`value: T` in `RefCell<T: ?Sized>`)."""
        if d.kind != "struct" or not d.unsized_params or not d.variants[0].fields:
            return False
        last = subst(d.variants[0].fields[-1][1], {p: T.STR for p in d.unsized_params})
        return not self.is_sized(last)

    # ------------------------------------------------------------------------------------- calculator → Layout

    def _build(self, ty: T.Ty, data: LayoutData) -> Layout:
        layout = Layout(ty, data.size, data.align, (), data.niche, uninhabited=data.uninhabited, data=data)
        match ty:
            case T.Tuple(elems):
                fields = self._fields([(str(i), e) for i, e in enumerate(elems)], data.offsets)
                return replace(layout, fields=fields, memory_index=data.memory_order)
            case T.Ref(inner) | T.RawPtr(inner) if len(data.abi) == 2:
                return replace(layout, fields=self._fat_pointer_fields(inner), memory_index=(0, 1))
            case T.Adt():
                return self._build_adt(ty, layout, data)
        return layout

    def _fields(self, named: list[tuple[str, T.Ty]], offsets: tuple[int, ...]) -> tuple[FieldLayout, ...]:
        out = []
        for (name, fty), offset in zip(named, offsets, strict=True):
            raw = self._raw(fty)
            out.append(FieldLayout(name, fty, offset, raw.size, raw.align))
        return tuple(out)

    def _fat_pointer_fields(self, pointee: T.Ty) -> tuple[FieldLayout, ...]:
        tail = self._unsized_tail(pointee, set())
        target = tail.elem if isinstance(tail, T.Slice) else T.U8 if isinstance(tail, T.Str) else T.UNIT
        metadata = (
            FieldLayout("vtable", T.RawPtr(T.Adt("VTable")), 8, 8, 8)
            if isinstance(tail, T.Dyn)
            else FieldLayout("len", T.USIZE, 8, 8, 8)
        )
        return FieldLayout("ptr", T.RawPtr(target), 0, 8, 8), metadata

    def _build_adt(self, ty: T.Adt, layout: Layout, data: LayoutData) -> Layout:
        d, mapping = self._def(ty)
        named = [[(name, _project(subst(fty, mapping))) for name, fty in v.fields] for v in d.variants]
        if not d.is_enum:
            if d.view:
                return replace(layout, fields=self._view(d, mapping, ty))
            fields = self._fields(named[0], data.offsets)
            return replace(layout, fields=fields, memory_index=data.memory_order)

        variants = []
        for index, (v, fields) in enumerate(zip(d.variants, named, strict=True)):
            if data.variants:
                offsets = data.variants[index].offsets
            elif index == data.variant_index:
                offsets = data.offsets
            else:
                offsets = (0,) * len(fields)  # an absent variant (`Some(!)`): rustc puts its fields at 0
            variants.append(VariantLayout(v.name, index, self._fields(fields, offsets), v.discriminant))
        tag = None
        if data.tag is not None:
            enc = data.niche_encoding
            if enc is None:
                tag = TagLayout(data.tag_offset, data.tag.size, "direct", signed=data.tag_signed)
            else:
                tag = TagLayout(
                    data.tag_offset, data.tag.size, "niche", enc.niche_start, enc.untagged_variant, enc.niche_variants
                )
        return replace(layout, variants=tuple(variants), tag=tag)

    def _view(self, d: AdtDef, mapping: dict[str, T.Ty], ty: T.Ty) -> tuple[FieldLayout, ...]:
        """The whiteboard's fields for a std type with private plumbing: each (name, dotted path, shown type)
        found through the real nested fields, so the offsets are the ones rustc chose. A fat pointer at the end
        of a path is split into its two words."""
        out: list[FieldLayout] = []
        for name, path, shown in d.view:
            offset, target = 0, None
            current: T.Ty = ty
            for segment in path.split("."):
                owner = self.layout(current) if current != ty else self._plain_layout(ty)
                target = owner.field(segment)
                offset += target.offset
                current = target.ty
            assert target is not None
            shown_ty = subst(shown, mapping) if shown is not None else target.ty
            inner = self.layout(current)
            if isinstance(current, T.RawPtr | T.Ref) and len(inner.fields) == 2:
                data_ptr, metadata = inner.fields
                out.append(FieldLayout(name, data_ptr.ty, offset, data_ptr.size, data_ptr.align))
                out.append(replace(metadata, offset=offset + metadata.offset))
            else:
                out.append(FieldLayout(name, shown_ty, offset, target.size, target.align))
        return tuple(out)

    def _plain_layout(self, ty: T.Adt) -> Layout:
        """`ty`'s own fields, ignoring its view (the first step of a view path)."""
        d, mapping = self._def(ty)
        data = self._raw(ty)
        fields = self._fields([(n, subst(t, mapping)) for n, t in d.variants[0].fields], data.offsets)
        return Layout(ty, data.size, data.align, fields, data.niche, data=data)


def _project(ty: T.Ty) -> T.Ty:
    """Resolve an associated-type projection in a std field type (Cow's `<B as ToOwned>::Owned`) for display."""
    while isinstance(ty, T.Adt) and ty.name in STD_PROJECTIONS:
        ty = STD_PROJECTIONS[ty.name](ty.args)
    return ty


def _prim_size(ty: T.Int | T.Float) -> int:
    if isinstance(ty, T.Float):
        return int(ty.name[1:]) // 8
    return ty.bits // 8


def engine_for_source(rust_source: str) -> LayoutEngine:
    """A LayoutEngine for the structs and enums of a Rust program (needs the parser)."""
    from whiteboard.model.parser import parse_program  # the parser is optional for layout itself

    program = parse_program(rust_source)
    structs: dict[str, S.StructDef] = {}
    enums: dict[str, S.EnumDef] = {}
    stack: list = list(program.items)
    while stack:
        item = stack.pop()
        if isinstance(item, S.StructDef):
            structs[item.name] = item
        elif isinstance(item, S.EnumDef):
            enums[item.name] = item
    return LayoutEngine(structs, enums)
