"""The part of std the subset knows, as Rust-like signature text.

This table is the contract between the type checker and the interpreter: a std function or method is in the subset
exactly when it is listed here (anything else is reported as outside the subset), and the interpreter implements
each entry. Signatures are written as rustdoc shows them, minus lifetimes and trait bounds:

- `T` is the element / payload type of the owner (`Vec<T>`, `[T]`, `Option<T>`, `Box<T>`, `Rc<T>`), `Item` the item
  type of an iterator, `Self` the receiver's own type (an integer method on `u8` returns `u8`).
- `fn<U>(…)` declares the function's own type parameters, which a turbofish (`size_of::<u64>()`) fills in.
- Iterator types are named without their module or lifetime: `Iter<T>` is `std::slice::Iter<'_, T>`.

Trait methods (`clone`, `to_string`, `min`) are listed once, in TRAIT_METHODS, with the trait that provides them;
every type implementing the trait has them.
"""

# Associated functions and free functions, by the canonical path the checker reduces every spelling to
# (`std::mem::swap`, `mem::swap` and an imported `swap` are all "mem::swap").
ASSOC_FNS: dict[str, str] = {
    "String::new": "fn() -> String",
    "String::from": "fn(&str) -> String",
    "String::with_capacity": "fn(usize) -> String",
    "Vec::new": "fn() -> Vec<T>",
    "Vec::with_capacity": "fn(usize) -> Vec<T>",
    "Box::new": "fn(T) -> Box<T>",
    "Rc::new": "fn(T) -> Rc<T>",
    "Rc::clone": "fn(&Rc<T>) -> Rc<T>",
    "Rc::strong_count": "fn(&Rc<T>) -> usize",
    "mem::size_of": "fn<U>() -> usize",
    "mem::size_of_val": "fn<U>(&U) -> usize",
    "mem::align_of": "fn<U>() -> usize",
    "mem::align_of_val": "fn<U>(&U) -> usize",
    "mem::swap": "fn<U>(&mut U, &mut U)",
    "mem::replace": "fn<U>(&mut U, U) -> U",
    "mem::take": "fn<U>(&mut U) -> U",
    "mem::drop": "fn<U>(U)",
    "mem::forget": "fn<U>(U)",
    "Default::default": "fn<U>() -> U",
}

# Trait bounds on a function's own type parameter `U`, checked once the body's types are known.
BOUNDS: dict[str, str] = {"Default::default": "Default", "mem::take": "Default"}

# Names usable without a `use` (the std prelude, plus `size_of` & co., which joined it in Rust 1.80).
PRELUDE_FNS: dict[str, str] = {
    "drop": "mem::drop",
    "size_of": "mem::size_of",
    "size_of_val": "mem::size_of_val",
    "align_of": "mem::align_of",
    "align_of_val": "mem::align_of_val",
}

# The std types of the subset, with their type parameters. All but `Rc` are in the prelude; `Rc` needs
# `use std::rc::Rc` (the path it is imported by is given).
TYPES: dict[str, tuple[str, ...]] = {"String": (), "Vec": ("T",), "Box": ("T",), "Option": ("T",), "Rc": ("T",)}
IMPORTED_TYPES: dict[tuple[str, ...], str] = {("rc", "Rc"): "Rc"}
# Prelude types outside the subset: naming them is valid Rust, so it is reported as unsupported, not as an error.
UNSUPPORTED_PRELUDE_TYPES = frozenset({"Result"})

# Modules a path may name before an item: `std::mem::swap`, `std::rc::Rc::new`, `std::string::String::new`.
MODULES: dict[str, tuple[str, ...]] = {
    "mem": ("size_of", "size_of_val", "align_of", "align_of_val", "swap", "replace", "take", "drop", "forget"),
    "rc": ("Rc",),
    "vec": ("Vec",),
    "string": ("String",),
    "boxed": ("Box",),
    "option": ("Option",),
    "default": ("Default",),
}

# Methods by owner. The owner of a receiver type is its std type name, or "str", "slice", "int", "float", "char";
# "signed" methods exist on signed integers only. "Iterator" methods apply to every iterator type below.
_INT_ARITH = {
    f"{family}_{op}": ret
    for family, ret in (("wrapping", "Self"), ("checked", "Option<Self>"), ("saturating", "Self"))
    for op in ("add", "sub", "mul")
}

METHODS: dict[str, dict[str, str]] = {
    "String": {
        "push": "fn(&mut self, char)",
        "push_str": "fn(&mut self, &str)",
        "pop": "fn(&mut self) -> Option<char>",
        "len": "fn(&self) -> usize",
        "capacity": "fn(&self) -> usize",
        "is_empty": "fn(&self) -> bool",
        "as_str": "fn(&self) -> &str",
        "clear": "fn(&mut self)",
        "reserve": "fn(&mut self, usize)",
        "reserve_exact": "fn(&mut self, usize)",
        "shrink_to_fit": "fn(&mut self)",
    },
    "str": {
        "len": "fn(&self) -> usize",
        "is_empty": "fn(&self) -> bool",
        "to_owned": "fn(&self) -> String",
    },
    "Vec": {
        "push": "fn(&mut self, T)",
        "pop": "fn(&mut self) -> Option<T>",
        "len": "fn(&self) -> usize",
        "capacity": "fn(&self) -> usize",
        "is_empty": "fn(&self) -> bool",
        "clear": "fn(&mut self)",
        "truncate": "fn(&mut self, usize)",
        "insert": "fn(&mut self, usize, T)",
        "remove": "fn(&mut self, usize) -> T",
        "reserve": "fn(&mut self, usize)",
        "reserve_exact": "fn(&mut self, usize)",
        "shrink_to_fit": "fn(&mut self)",
        "extend_from_slice": "fn(&mut self, &[T])",
        "as_slice": "fn(&self) -> &[T]",
    },
    "slice": {
        "len": "fn(&self) -> usize",
        "is_empty": "fn(&self) -> bool",
        "iter": "fn(&self) -> Iter<T>",
        "iter_mut": "fn(&mut self) -> IterMut<T>",
        "contains": "fn(&self, &T) -> bool",
        "get": "fn(&self, usize) -> Option<&T>",
        "first": "fn(&self) -> Option<&T>",
        "last": "fn(&self) -> Option<&T>",
        "swap": "fn(&mut self, usize, usize)",
    },
    "Option": {
        "is_some": "fn(&self) -> bool",
        "is_none": "fn(&self) -> bool",
        "unwrap": "fn(self) -> T",
        "expect": "fn(self, &str) -> T",
        "take": "fn(&mut self) -> Option<T>",
        "as_ref": "fn(&self) -> Option<&T>",
    },
    "int": {
        "pow": "fn(self, u32) -> Self",
        **{name: f"fn(self, Self) -> {ret}" for name, ret in _INT_ARITH.items()},
    },
    "signed": {
        "abs": "fn(self) -> Self",
    },
    "float": {
        "sqrt": "fn(self) -> Self",
        "abs": "fn(self) -> Self",
        "powi": "fn(self, i32) -> Self",
    },
    "Iterator": {
        "next": "fn(&mut self) -> Option<Item>",
    },
}

# Trait methods: name -> (trait, signature). Unlike inherent methods, these resolve even on an integer literal of
# still unknown type (`5.to_string()`), as rustc defers the trait obligation.
TRAIT_METHODS: dict[str, tuple[str, str]] = {
    "clone": ("Clone", "fn(&self) -> Self"),
    "to_string": ("Display", "fn(&self) -> String"),
    "min": ("Ord", "fn(self, Self) -> Self"),
    "max": ("Ord", "fn(self, Self) -> Self"),
}

# What `for pat in EXPR` iterates, by the type of EXPR (IntoIterator), and the items iterators yield.
# Keys are (reference kind, owner): "" for by value, "&" and "&mut" for references to the owner.
INTO_ITER: dict[tuple[str, str], str] = {
    ("", "Vec"): "IntoIter<T>",
    ("&", "Vec"): "Iter<T>",
    ("&mut", "Vec"): "IterMut<T>",
    ("", "array"): "IntoIter<T>",
    ("&", "array"): "Iter<T>",
    ("&mut", "array"): "IterMut<T>",
    ("&", "slice"): "Iter<T>",
    ("&mut", "slice"): "IterMut<T>",
}

ITERATOR_ITEMS: dict[str, str] = {
    "Iter": "&T",
    "IterMut": "&mut T",
    "IntoIter": "T",
    "Range": "T",
    "RangeInclusive": "T",
}

# The private fields of std types, which rustc names in E0616 ("field `len` of struct `Vec` is private").
PRIVATE_FIELDS: dict[str, frozenset[str]] = {
    "Vec": frozenset({"buf", "len"}),
    "String": frozenset({"vec"}),
    "Box": frozenset({"0", "1"}),
    "Rc": frozenset({"ptr", "phantom", "alloc"}),
}

# Associated constants: `i32::MAX`, `u8::MIN`, `u32::BITS`, `f64::EPSILON`.
INT_CONSTS: dict[str, str] = {"MAX": "Self", "MIN": "Self", "BITS": "u32"}
FLOAT_CONSTS: dict[str, str] = dict.fromkeys(
    ("MAX", "MIN", "MIN_POSITIVE", "EPSILON", "INFINITY", "NEG_INFINITY", "NAN"), "Self"
)

# Macros a `use` may name (`use std::mem::offset_of;`); the parser knows them by their last segment.
IMPORTABLE_MACROS: frozenset[tuple[str, ...]] = frozenset({("mem", "offset_of")})
