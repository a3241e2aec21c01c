"""What the palette offers and the Rust each item becomes: a type, a default value written as a student would write
it, and a name stem. Sizes and alignments come from the layout model (the same one the board draws with), so the
palette says what rustc says: `Vec<T>` 24 bytes, `Option<Box<i32>>` 8.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whiteboard.model.type_parse import parse_type

INTEGERS = ("i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize")
FLOATS = ("f32", "f64")
ELEMENT_TYPES = ("i32", "u8", "u64", "usize", "f64", "bool", "char", "String", "&str")  # choices for T
STRUCT_LIT_WIDTH = 18  # rustfmt's struct_lit_width: a longer field list is written one field per line
GREETING = '"hello"'


@dataclass(frozen=True, slots=True)
class PaletteItem:
    key: str  # stable id, also the drag's payload: "i32", "Vec", "struct:Holder", "ref", "call", …
    label: str  # as shown: "Vec<T>"
    type_text: str | None  # the type of the local it makes, with T filled in; None for ref, call, block
    stem: str  # name of a new local made from it
    hint: str  # tooltip: what a drop makes
    group: str = "stack"  # the palette's section, by where the value's memory is (see GROUPS)


# The palette's sections, in order: a student finds an item by what its memory looks like.
GROUPS = {
    "stack": "On the stack",
    "heap": "Owns heap memory",
    "ref": "Points at memory",
    "struct": "Your structs",
    "code": "Code",
}


def palette_items(element: str, structs: dict) -> list[PaletteItem]:
    """Every item, generic ones with T = `element`, then the program's own structs."""
    t = element
    items = [
        PaletteItem("i32", "i32", "i32", "n", "an `i32` local: 4 bytes, align 4"),
        PaletteItem("u8", "u8", "u8", "byte", "a `u8` local: one byte, align 1"),
        PaletteItem("u64", "u64", "u64", "n", "a `u64` local"),
        PaletteItem("usize", "usize", "usize", "n", "a `usize` local: pointer-sized"),
        PaletteItem("f64", "f64", "f64", "x", "an `f64` local"),
        PaletteItem("bool", "bool", "bool", "flag", "a `bool` local: one byte"),
        PaletteItem("char", "char", "char", "c", "a `char` local: 4 bytes, any Unicode scalar"),
        PaletteItem(
            "str", '"text"', "&str", "greeting", "a string literal: bytes in static data, a &str on the stack", "ref"
        ),
        PaletteItem("String", "String", "String", "s", "a String: its text is on the heap", "heap"),
        PaletteItem("Vec", "Vec<T>", f"Vec<{t}>", "v", "an empty Vec (no heap buffer until the first push)", "heap"),
        PaletteItem("Option", "Option<T>", f"Option<{t}>", "maybe", "an Option, None to start with"),
        PaletteItem("Box", "Box<T>", f"Box<{t}>", "b", "a Box: the value lives on the heap", "heap"),
        PaletteItem("array", "[T; 3]", f"[{t}; 3]", "arr", "an array of 3: all on the stack"),
        PaletteItem("tuple", "(T, bool)", f"({t}, bool)", "pair", "a tuple"),
        PaletteItem("ref", "&T", None, "r", "drop on a value: a shared reference to it", "ref"),
        PaletteItem("refmut", "&mut T", None, "r", "drop on a value: a mutable reference to it", "ref"),
    ]
    for name in structs:
        items.append(
            PaletteItem(f"struct:{name}", name, name, snake(name), f"a `{name}` with default fields", "struct")
        )
    items.append(
        PaletteItem("call", "fn call", None, "helper", "a call of a new function (drop on a value: pass it)", "code")
    )
    items.append(PaletteItem("block", "{ block }", None, "inner", "a block scope: its locals drop at its `}`", "code"))
    order = list(GROUPS)
    return sorted(items, key=lambda item: order.index(item.group))  # (stable: the order within a group stays)


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower() or "value"


def split_generic(type_text: str) -> tuple[str, list[str]]:
    """("Vec", ["i32"]) for "Vec<i32>"; ("", [A, B]) for a tuple "(A, B)"; (name, []) otherwise."""
    text = type_text.strip()
    if text.startswith("(") and text.endswith(")"):
        return "", _split_top(text[1:-1])
    m = re.fullmatch(r"([A-Za-z_][\w:]*)\s*<(.*)>", text)
    if m:
        return m.group(1).split("::")[-1], _split_top(m.group(2))
    return text, []


def _split_top(text: str) -> list[str]:
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in "<([":
            depth += 1
        elif ch in ">)]":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur.strip())
    return parts


def default_expr(type_text: str, structs: dict, indent: str = "", depth: int = 0) -> str:
    """A value of `type_text` as a student would write it; struct literals are laid out as rustfmt does."""
    t = type_text.strip()
    if depth > 6:
        raise ValueError(f"`{type_text}` nests too deeply for a default value")
    if t in INTEGERS:
        return "0"
    if t in FLOATS:
        return "0.0"
    if t == "bool":
        return "false"
    if t == "char":
        return "'a'"
    if t in ("&str", "&'static str"):
        return GREETING
    if t == "String":
        return f"String::from({GREETING})"
    if t.startswith("[") and t.endswith("]") and ";" in t:
        elem, _, count = t[1:-1].rpartition(";")
        inner = default_expr(elem, structs, indent, depth + 1)
        if is_copy(elem, structs):
            return f"[{inner}; {count.strip()}]"
        return "[" + ", ".join([inner] * int(count)) + "]"
    name, args = split_generic(t)
    if name == "" and args:
        return "(" + ", ".join(default_expr(a, structs, indent, depth + 1) for a in args) + ")"
    if name in ("Vec",):
        return "Vec::new()"
    if name == "Option":
        return "None"
    if name == "Box" and args:
        return f"Box::new({default_expr(args[0], structs, indent, depth + 1)})"
    if t in structs:
        fields = structs[t]
        if not fields:
            return t
        inner = [f"{f}: {default_expr(ft, structs, indent + '    ', depth + 1)}" for f, ft in fields]
        flat = ", ".join(inner)
        if len(flat) <= STRUCT_LIT_WIDTH and "\n" not in flat:
            return f"{t} {{ {flat} }}"
        return f"{t} {{\n" + "".join(f"{indent}    {f},\n" for f in inner) + f"{indent}}}"
    raise ValueError(f"no default value for `{type_text}`")


def is_copy(type_text: str, structs: dict) -> bool:
    t = type_text.strip()
    if t in INTEGERS or t in FLOATS or t in ("bool", "char", "&str") or t.startswith("&") and not t.startswith("&mut"):
        return True
    if t.startswith("[") and ";" in t:
        return is_copy(t[1:-1].rpartition(";")[0], structs)
    name, args = split_generic(t)
    if name == "" and args:
        return all(is_copy(a, structs) for a in args)
    return False


def literal_for(type_text: str, wanted: str, structs: dict, value_hint: int | None = None) -> str:
    """The value an item of type `type_text` puts into a place of type `wanted`: a plain literal when the types
    agree (`push(3)`), a suffixed one when they do not (`push(0u64)` into a Vec<i32>), so rustc's verdict on the
    drop is the verdict on what the student dropped."""
    same = type_text.replace(" ", "") == wanted.replace(" ", "")
    if type_text in INTEGERS:
        n = str(value_hint if value_hint is not None else 0)
        return n if same or wanted in ("", None) else f"{n}{type_text}"
    if type_text in FLOATS:
        return "0.0" if same else f"0.0{type_text}"
    return default_expr(type_text, structs)


def annotate(type_text: str) -> bool:
    """Whether `let` spells the type: numbers (so the type the student chose shows), and values whose type the
    initialiser leaves open (`Vec::new()`, `None`)."""
    name, _ = split_generic(type_text)
    compound = type_text.startswith(("[", "(")) or name == "Box"  # `[0; 3]` alone would be an [i32; 3]
    return type_text in INTEGERS or type_text in FLOATS or name in ("Vec", "Option") or compound


def mutable(type_text: str, structs: dict, depth: int = 0) -> bool:
    """Containers, and structs holding one, are made `let mut`: what one does with them next (push, `= Some`)
    needs it."""
    name, _ = split_generic(type_text)
    if name in ("Vec", "Option", "String"):
        return True
    fields = structs.get(type_text.strip(), ())
    return depth < 4 and any(mutable(t, structs, depth + 1) for _, t in fields)


def size_and_align(type_text: str, engine) -> tuple[int, int] | None:
    """(size, align) as rustc lays the type out, or None when the model cannot tell."""
    try:
        lay = engine.layout(parse_type(type_text))
    except Exception:  # noqa: BLE001 - an item without a size is still draggable
        return None
    return lay.size, lay.align
