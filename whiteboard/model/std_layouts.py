"""The std types the whiteboard knows, defined as std 1.95 defines them for x86_64-unknown-linux-gnu, so that
their layouts come out of the same algorithm as the user's types instead of being typed in.

Each definition copies the fields, field order, `#[repr]` and layout attributes of the real one (paths are given
in the comments). Allocator parameters are dropped: they default to `Global`, a zero-sized struct, which is kept as
a field where std has one. Private helper types get a name that says where they live (`FutexMutex` is
`std::sys::sync::mutex::futex::Mutex`), since types here are keyed by their last path segment.

std 1.95 narrows scalars with pattern types inside `repr(transparent)` newtypes (`struct Nanoseconds(u32 is
0..=999_999_999)`, `struct UsizeNoHighBit(usize is 0..=isize::MAX)`, `struct NonZeroU32Inner(u32 is 1..)`). For a
newtype of one scalar that is the same layout as the older `#[rustc_layout_scalar_valid_range_*]` attribute that
`NonNull` still uses, so both are written as `valid_range` on the newtype.

`view` names the fields the whiteboard draws for a few types whose std fields are private plumbing: a `Vec` is
drawn as (ptr, cap, len) at the offsets rustc really gives them (cap first), a `Box`/`Rc`/`Arc` as its pointer.
"""

from __future__ import annotations

from collections.abc import Callable

from whiteboard.model import types as T
from whiteboard.model.adt import AdtDef, VariantDefn
from whiteboard.model.layout_calc import ReprOptions
from whiteboard.model.type_parse import parse_type

ISIZE_MAX = (1 << 63) - 1


def _params(spec: str) -> tuple[tuple[str, ...], tuple[T.Ty | None, ...], frozenset[str]]:
    """Parameters written like `?T, S = RandomState` → names, defaults, the `?Sized` ones."""
    names, defaults, unsized = [], [], set()
    for raw in filter(None, (p.strip() for p in spec.split(","))):
        name, _, default = (s.strip() for s in raw.partition("="))
        if name.startswith("?"):
            name = name[1:]
            unsized.add(name)
        names.append(name)
        defaults.append(parse_type(default) if default else None)
    return tuple(names), tuple(defaults), frozenset(unsized)


def _fields(fields: tuple[tuple[str, str], ...] | tuple[str, ...]) -> tuple[tuple[str, T.Ty], ...]:
    """Named fields as (name, type) pairs, or a tuple struct's / tuple variant's field types."""
    return tuple(
        (f[0], parse_type(f[1])) if isinstance(f, tuple) else (str(i), parse_type(f)) for i, f in enumerate(fields)
    )


def _struct(name: str, params: str, *fields, repr: str = "", view=(), **attrs) -> AdtDef:
    names, defaults, unsized = _params(params)
    return AdtDef(
        name,
        "struct",
        (VariantDefn(name, _fields(fields), 0),),
        names,
        defaults,
        ReprOptions.parse(repr),
        unsized,
        view=tuple((n, path, parse_type(ty) if ty else None) for n, path, ty in view),
        **attrs,
    )


def _union(name: str, params: str, *fields, repr: str = "") -> AdtDef:
    names, defaults, unsized = _params(params)
    return AdtDef(name, "union", (VariantDefn(name, _fields(fields), 0),), names, defaults, ReprOptions.parse(repr))


def _enum(name: str, params: str, *variants, repr: str = "") -> AdtDef:
    """Variants as (name, fields) or (name, fields, explicit discriminant)."""
    names, defaults, unsized = _params(params)
    defns, explicit, value = [], False, 0
    for variant in variants:
        if len(variant) == 3:
            explicit, value = True, variant[2]
        defns.append(VariantDefn(variant[0], _fields(variant[1]), value))
        value += 1
    return AdtDef(
        name, "enum", tuple(defns), names, defaults, ReprOptions.parse(repr), unsized, explicit_discriminants=explicit
    )


_PTR_VIEW = (("ptr", "ptr.pointer", None),)  # Rc, Arc, Weak: the NonNull to the heap block

# fmt: off
_DEFS = [
    # core::marker, alloc::alloc
    _struct("PhantomData", "?T"),
    _struct("PhantomPinned", ""),
    _struct("Global", ""),
    # core::ptr::non_null / unique: the non-null pointers under Box, Vec, Rc …
    _struct("NonNull", "?T", ("pointer", "*const T"), repr="transparent", valid_range=(1, None)),
    _struct("Unique", "?T", ("pointer", "NonNull<T>"), ("_marker", "PhantomData<T>"), repr="transparent"),
    # alloc::boxed: `struct Box<T: ?Sized, A: Allocator = Global>(Unique<T>, A)`
    _struct("Box", "?T", "Unique<T>", "Global", view=(("ptr", "0.pointer.pointer", None),)),
    # alloc::raw_vec: since 1.84 the pointer is type-erased into RawVecInner; cap is `UsizeNoHighBit`
    _struct("UsizeNoHighBit", "", "usize", repr="transparent", valid_range=(0, ISIZE_MAX)),
    _struct("RawVecInner", "", ("ptr", "Unique<u8>"), ("cap", "UsizeNoHighBit"), ("alloc", "Global")),
    _struct("RawVec", "T", ("inner", "RawVecInner"), ("_marker", "PhantomData<T>")),
    _struct(
        "Vec",
        "T",
        ("buf", "RawVec<T>"),
        ("len", "usize"),
        view=(("ptr", "buf.inner.ptr", "*mut T"), ("cap", "buf.inner.cap", "usize"), ("len", "len", None)),
    ),
    _struct("String", "", ("vec", "Vec<u8>"), view=(("ptr", "vec.ptr", "*mut u8"), ("cap", "vec.cap", None),
                                                     ("len", "vec.len", None))),
    _struct("VecDeque", "T", ("head", "usize"), ("len", "usize"), ("buf", "RawVec<T>")),
    _struct("BinaryHeap", "T", ("data", "Vec<T>")),
    _struct("Node", "T", ("next", "Option<NonNull<Node<T>>>"), ("prev", "Option<NonNull<Node<T>>>"),
            ("element", "T")),
    _struct("LinkedList", "T", ("head", "Option<NonNull<Node<T>>>"), ("tail", "Option<NonNull<Node<T>>>"),
            ("len", "usize"), ("alloc", "Global"), ("marker", "PhantomData<Box<Node<T>>>")),
    # alloc::rc, alloc::sync: the heap blocks are repr(C, align(2)), so the counts come first
    _struct("RcInner", "?T", ("strong", "Cell<usize>"), ("weak", "Cell<usize>"), ("value", "T"), repr="C, align(2)"),
    _struct("Rc", "?T", ("ptr", "NonNull<RcInner<T>>"), ("phantom", "PhantomData<RcInner<T>>"), ("alloc", "Global"),
            view=_PTR_VIEW),
    _struct("Weak", "?T", ("ptr", "NonNull<RcInner<T>>"), ("alloc", "Global"), view=_PTR_VIEW),
    _struct("ArcInner", "?T", ("strong", "AtomicUsize"), ("weak", "AtomicUsize"), ("data", "T"), repr="C, align(2)"),
    _struct("Arc", "?T", ("ptr", "NonNull<ArcInner<T>>"), ("phantom", "PhantomData<ArcInner<T>>"),
            ("alloc", "Global"), view=_PTR_VIEW),
    # core::cell: UnsafeCell hides its contents' niche (rustc `is_special_no_niche`)
    _struct("UnsafeCell", "?T", ("value", "T"), repr="transparent", no_niche=True),
    _struct("Cell", "?T", ("value", "UnsafeCell<T>"), repr="transparent"),
    _struct("RefCell", "?T", ("borrow", "Cell<isize>"), ("value", "UnsafeCell<T>")),
    _struct("OnceCell", "T", ("inner", "UnsafeCell<Option<T>>")),
    # core::sync::atomic: repr(C, align(size)) around an UnsafeCell
    _struct("AtomicBool", "", ("v", "UnsafeCell<u8>"), repr="C, align(1)"),
    *(
        _struct(f"Atomic{ty.upper() if ty[1:].isdigit() else ty.capitalize()}", "", ("v", f"UnsafeCell<{ty}>"),
                repr=f"C, align({size})")
        for ty, size in (("u8", 1), ("i8", 1), ("u16", 2), ("i16", 2), ("u32", 4), ("i32", 4), ("u64", 8),
                         ("i64", 8), ("usize", 8), ("isize", 8))
    ),
    _struct("AtomicPtr", "T", ("p", "UnsafeCell<*mut T>"), repr="C, align(8)"),
    # std::sync::poison::{mutex, rwlock}, std::sys::sync::{mutex, rwlock}::futex, std::sync::poison::Flag
    _struct("FutexMutex", "", ("futex", "AtomicU32")),
    _struct("FutexRwLock", "", ("state", "AtomicU32"), ("writer_notify", "AtomicU32")),
    _struct("PoisonFlag", "", ("failed", "AtomicBool")),
    _struct("Mutex", "?T", ("inner", "FutexMutex"), ("poison", "PoisonFlag"), ("data", "UnsafeCell<T>")),
    _struct("RwLock", "?T", ("inner", "FutexRwLock"), ("poison", "PoisonFlag"), ("data", "UnsafeCell<T>")),
    # core::mem
    _struct("MaybeDangling", "?T", "T", repr="transparent"),
    _struct("ManuallyDrop", "?T", ("value", "MaybeDangling<T>"), repr="transparent"),
    _union("MaybeUninit", "T", ("uninit", "()"), ("value", "ManuallyDrop<T>"), repr="transparent"),
    # core::num
    _struct("NonZero", "T", "T", repr="transparent", valid_range=(1, None)),  # NonZero<T>(T::NonZeroInner)
    _struct("Wrapping", "T", "T", repr="transparent"),
    _struct("Saturating", "T", "T", repr="transparent"),
    _struct("Reverse", "T", "T", repr="transparent"),
    # core::time, std::time, std::sys::time::unix
    _struct("Nanoseconds", "", "u32", repr="transparent", valid_range=(0, 999_999_999)),
    _struct("Duration", "", ("secs", "u64"), ("nanos", "Nanoseconds")),
    _struct("Timespec", "", ("tv_sec", "i64"), ("tv_nsec", "Nanoseconds")),
    _struct("UnixInstant", "", ("t", "Timespec")),
    _struct("Instant", "", "UnixInstant"),
    _struct("UnixSystemTime", "", ("t", "Timespec")),
    _struct("SystemTime", "", "UnixSystemTime"),
    # core::ops::range
    _struct("Range", "Idx", ("start", "Idx"), ("end", "Idx")),
    _struct("RangeInclusive", "Idx", ("start", "Idx"), ("end", "Idx"), ("exhausted", "bool")),
    _struct("RangeFrom", "Idx", ("start", "Idx")),
    _struct("RangeTo", "Idx", ("end", "Idx")),
    _struct("RangeFull", ""),
    # core::option, core::result, core::cmp, core::convert
    _enum("Option", "T", ("None", ()), ("Some", ("T",))),
    _enum("Result", "T, E", ("Ok", ("T",)), ("Err", ("E",))),
    _enum("Ordering", "", ("Less", (), -1), ("Equal", (), 0), ("Greater", (), 1), repr="i8"),
    _enum("Infallible", ""),
    # alloc::borrow: `Owned(<B as ToOwned>::Owned)`, resolved by `to_owned` below
    _enum("Cow", "?B", ("Borrowed", ("&B",)), ("Owned", ("ToOwnedOwned<B>",))),
    # alloc::ffi::c_str, std::ffi::os_str, std::sys::os_str::bytes, std::path
    _struct("CString", "", ("inner", "Box<[u8]>")),
    _struct("CStr", "", ("inner", "[i8]")),
    _struct("OsBuf", "", ("inner", "Vec<u8>"), repr="transparent"),
    _struct("OsSlice", "", ("inner", "[u8]"), repr="transparent"),
    _struct("OsString", "", ("inner", "OsBuf")),
    _struct("OsStr", "", ("inner", "OsSlice"), repr="transparent"),
    _struct("PathBuf", "", ("inner", "OsString")),
    _struct("Path", "", ("inner", "OsStr"), repr="transparent"),
    # std::collections::hash over hashbrown 0.15 (RawTableInner: bucket_mask, ctrl, growth_left, items)
    _struct("RandomState", "", ("k0", "u64"), ("k1", "u64")),
    _struct("RawTableInner", "", ("bucket_mask", "usize"), ("ctrl", "NonNull<u8>"), ("growth_left", "usize"),
            ("items", "usize")),
    _struct("RawTable", "T", ("table", "RawTableInner"), ("alloc", "Global"), ("marker", "PhantomData<T>")),
    _struct("HashbrownMap", "K, V, S", ("hash_builder", "S"), ("table", "RawTable<(K, V)>")),
    _struct("HashbrownSet", "T, S", ("map", "HashbrownMap<T, (), S>")),
    _struct("HashMap", "K, V, S = RandomState", ("base", "HashbrownMap<K, V, S>")),
    _struct("HashSet", "T, S = RandomState", ("base", "HashbrownSet<T, S>")),
    # alloc::collections::btree: Root<K, V> is NodeRef<Owned, K, V, LeafOrInternal>
    _struct("LeafNode", "K, V", ("parent", "Option<NonNull<InternalNode<K, V>>>"),
            ("parent_idx", "MaybeUninit<u16>"), ("len", "u16"), ("keys", "[MaybeUninit<K>; 11]"),
            ("vals", "[MaybeUninit<V>; 11]")),
    _struct("InternalNode", "K, V", ("data", "LeafNode<K, V>"), ("edges", "[MaybeUninit<NonNull<LeafNode<K, V>>>; 12]"),
            repr="C"),
    _struct("NodeRef", "K, V", ("height", "usize"), ("node", "NonNull<LeafNode<K, V>>"),
            ("_marker", "PhantomData<()>")),
    _struct("BTreeMap", "K, V", ("root", "Option<NodeRef<K, V>>"), ("length", "usize"),
            ("alloc", "ManuallyDrop<Global>"), ("_marker", "PhantomData<Box<(K, V)>>")),
    _struct("SetValZST", ""),
    _struct("BTreeSet", "T", ("map", "BTreeMap<T, SetValZST>")),
    # std::io::error (repr_bitpacked on 64-bit): `struct Repr(NonNull<()>, PhantomData<ErrorData<Box<Custom>>>)`
    _struct("IoErrorRepr", "", "NonNull<()>", "PhantomData<()>", repr="transparent"),
    _struct("Error", "", ("repr", "IoErrorRepr")),
    # core::pin
    _struct("Pin", "Ptr", ("pointer", "Ptr"), repr="transparent"),
]
# fmt: on

STD_DEFS: dict[str, AdtDef] = {d.name: d for d in _DEFS}


def _to_owned(args: tuple[T.Ty, ...]) -> T.Ty:
    """`<B as ToOwned>::Owned`: str → String, [T] → Vec<T>, CStr/OsStr/Path → their owned buffers, T: Clone → T."""
    (borrowed,) = args
    match borrowed:
        case T.Str():
            return T.STRING
        case T.Slice(elem):
            return T.vec_of(elem)
        case T.Adt("CStr", ()):
            return T.Adt("CString")
        case T.Adt("OsStr", ()):
            return T.Adt("OsString")
        case T.Adt("Path", ()):
            return T.Adt("PathBuf")
    return borrowed


def _nonzero(prim: str) -> Callable[[tuple[T.Ty, ...]], T.Ty]:
    return lambda args: T.Adt("NonZero", (T.Int(prim),))


# Associated-type projections the table cannot spell; field types show what they resolve to.
STD_PROJECTIONS: dict[str, Callable[[tuple[T.Ty, ...]], T.Ty]] = {"ToOwnedOwned": _to_owned}

# std type aliases (`NonZeroU32 = NonZero<u32>`); a field written with an alias keeps showing it.
STD_ALIASES: dict[str, Callable[[tuple[T.Ty, ...]], T.Ty]] = {
    **STD_PROJECTIONS,
    "c_char": lambda args: T.Int("i8"),
    **{f"NonZero{p.upper() if p[1:].isdigit() else p.capitalize()}": _nonzero(p) for p in T.INT_NAMES},
}
