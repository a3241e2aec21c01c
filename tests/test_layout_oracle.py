"""The layout engine against rustc 1.95's own measurements (tests/oracle/layout.json, 289 types).

Every entry is checked for size, alignment, the size of `Option<T>` and whether that Option uses a niche; structs
and tuples also for every field's offset, size and alignment, the memory order and the padding. User types in the
oracle come with their source `definition`; the small regex reader below turns those into the parser's
`StructDef`/`EnumDef` nodes (the real parser is not needed for layout).

Entries the engine cannot match yet would go in KNOWN_GAPS as strict xfails with the reason; there are none.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from whiteboard.model import syntax as S
from whiteboard.model import types as T
from whiteboard.model.layout import LayoutEngine, LayoutError
from whiteboard.model.layout_report import describe, to_json
from whiteboard.model.type_parse import parse_type

ORACLE = json.loads((Path(__file__).parent / "oracle" / "layout.json").read_text())

# type string → why the engine does not match rustc there (each one a strict xfail). Must stay free of `plain`
# structs and of the std types the simulation draws.
KNOWN_GAPS: dict[str, str] = {}

REQUIRED_CATEGORIES = {"primitive", "reference", "box", "string", "collection", "option", "smart_pointer", "array",
                       "tuple"}  # fmt: skip


# --------------------------------------------------------------------------- the oracle's definitions → syntax nodes


def _split_top(text: str) -> list[str]:
    """Split on commas outside <>, (), [], {} (a `->` is not a closing bracket)."""
    parts, depth, current = [], 0, ""
    for i, ch in enumerate(text):
        if ch in "<([{":
            depth += 1
        elif ch in ")]}" or (ch == ">" and text[i - 1 : i] != "-"):
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


_HEADER = re.compile(
    r"^\s*(?P<attrs>(?:#\[[^\]]*\]\s*)*)(?P<kind>struct|enum|union)\s+(?P<name>\w+)\s*(?:<(?P<generics>[^>]*)>)?"
    r"\s*(?P<body>.*)$",
    re.S,
)


def _named(body: str) -> list[S.FieldDef]:
    return [S.FieldDef(f.split(":", 1)[0].strip(), parse_type(f.split(":", 1)[1])) for f in _split_top(body)]


def _positional(body: str) -> list[S.FieldDef]:
    return [S.FieldDef(str(i), parse_type(t)) for i, t in enumerate(_split_top(body))]


def _int_expr(value: int) -> S.Expr:
    return S.Lit("int", value) if value >= 0 else S.Unary("-", S.Lit("int", -value))


def parse_definition(source: str) -> tuple[S.StructDef | S.EnumDef, tuple[str, ...]]:
    """One oracle `definition` → a syntax node and its type parameter names. Unions become `StructDef(kind=
    "union")`, which the layout engine accepts."""
    m = _HEADER.match(source)
    assert m, source
    repr_match = re.search(r"#\[repr\(([^\]]*)\)\]", m["attrs"])
    repr_ = repr_match.group(1) if repr_match else "Rust"
    params = tuple(p.split(":")[0].strip() for p in _split_top(m["generics"] or "") if not p.startswith("'"))
    name, body = m["name"], m["body"].strip()
    if m["kind"] in ("struct", "union"):
        if body.startswith("{"):
            kind = "union" if m["kind"] == "union" else "named"
            return S.StructDef(name, kind, _named(body[1 : body.rindex("}")]), repr=repr_), params
        if body.startswith("("):
            return S.StructDef(name, "tuple", _positional(body[1 : body.rindex(")")]), repr=repr_), params
        return S.StructDef(name, "unit", [], repr=repr_), params
    variants = []
    for text in _split_top(body[1 : body.rindex("}")]):
        vname, rest = re.match(r"(\w+)\s*(.*)$", text, re.S).groups()
        rest = rest.strip()
        if rest.startswith("="):
            variants.append(S.VariantDef(vname, "unit", [], _int_expr(int(rest[1:]))))
        elif rest.startswith("{"):
            variants.append(S.VariantDef(vname, "named", _named(rest[1:-1])))
        elif rest.startswith("("):
            variants.append(S.VariantDef(vname, "tuple", _positional(rest[1:-1])))
        else:
            variants.append(S.VariantDef(vname, "unit", []))
    return S.EnumDef(name, variants, repr=repr_), params


# Each user type's source once ("(see GenericOption<u32>)" points at an earlier one).
DEFINITIONS = [e["definition"] for e in ORACLE if e.get("definition") and not e["definition"].startswith("(see")]


def _oracle_engine() -> LayoutEngine:
    structs: dict[str, S.StructDef] = {}
    enums: dict[str, S.EnumDef] = {}
    params: dict[str, tuple[str, ...]] = {}
    for source in DEFINITIONS:
        defn, type_params = parse_definition(source)
        (enums if isinstance(defn, S.EnumDef) else structs)[defn.name] = defn
        params[defn.name] = type_params
    return LayoutEngine(structs, enums, params)


ENGINE = _oracle_engine()


# ---------------------------------------------------------------------------------------------------- comparison


def mismatches(entry: dict, engine: LayoutEngine = ENGINE) -> list[str]:
    """Every way the engine's layout of `entry["type"]` differs from rustc's, as readable lines."""
    ty = parse_type(entry["type"])
    try:
        layout = engine.layout(ty)
        option_size = engine.size_of(T.option_of(ty))
    except LayoutError as err:
        return [f"no layout: {err}"]
    problems = []
    for key, got in (("size", layout.size), ("align", layout.align), ("option_size", option_size),
                     ("option_uses_niche", option_size == layout.size)):  # fmt: skip
        if got != entry[key]:
            problems.append(f"{key}: rustc {entry[key]}, engine {got}")
    if "fields" in entry:
        want = [(f["name"], f["offset"], f["size"], f["align"]) for f in entry["fields"]]
        got_fields = [(f.name, f.offset, f.size, f.align) for f in layout.fields]
        if got_fields != want:
            problems.append(f"fields (name, offset, size, align): rustc {want}, engine {got_fields}")
        if list(layout.memory_order) != entry["memory_order"]:
            problems.append(f"memory order: rustc {entry['memory_order']}, engine {list(layout.memory_order)}")
        if entry.get("padding_bytes") is not None and layout.padding_bytes != entry["padding_bytes"]:
            problems.append(f"padding: rustc {entry['padding_bytes']}, engine {layout.padding_bytes}")
    return problems


def _param(entry: dict):
    marks = ()
    if entry["type"] in KNOWN_GAPS:
        marks = (pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[entry["type"]]),)
    return pytest.param(entry, id=f"{entry['category']}:{entry['type']}", marks=marks)


@pytest.mark.parametrize("entry", [_param(e) for e in ORACLE])
def test_layout_matches_rustc(entry):
    problems = mismatches(entry)
    assert not problems, f"{entry['type']}:\n  " + "\n  ".join(problems)


def test_match_rate(capsys):
    """Record the match rate per category; every entry outside KNOWN_GAPS must match."""
    total, matched = Counter(), Counter()
    failing = []
    for entry in ORACLE:
        total[entry["category"]] += 1
        if mismatches(entry):
            failing.append(entry["type"])
        else:
            matched[entry["category"]] += 1
    lines = [f"layout oracle: {sum(matched.values())}/{len(ORACLE)} entries match rustc 1.95"]
    lines += [f"  {cat:<14} {matched[cat]:>3}/{total[cat]}" for cat in sorted(total)]
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert sorted(failing) == sorted(KNOWN_GAPS)


def test_required_entries_are_never_excused():
    """Plain structs and the std types the simulation draws must match outright."""
    for entry in ORACLE:
        if entry["type"] in KNOWN_GAPS:
            assert entry.get("app_support") != "plain", entry["type"]
            assert entry["category"] not in REQUIRED_CATEGORIES, entry["type"]


# ------------------------------------------------------------------------------- sorting by alignment is not enough


def _sort_by_align_offsets(fields: list[dict]) -> dict[str, int]:
    """The folk model: stable-sort the fields by decreasing alignment, then place them in that order."""
    offsets, offset = {}, 0
    for f in sorted(fields, key=lambda f: -f["align"]):
        offset = (offset + f["align"] - 1) // f["align"] * f["align"]
        offsets[f["name"]] = offset
        offset += f["size"]
    return offsets


FOLK_MODEL_BREAKERS = [
    e for e in ORACLE
    if e.get("app_support") == "plain" and e["repr"] == "Rust" and not e["model_check"]["stable_sort_by_align_desc"]
]  # fmt: skip


def test_eight_plain_structs_break_the_sort_by_alignment_model():
    assert len(FOLK_MODEL_BREAKERS) == 8


@pytest.mark.parametrize("entry", FOLK_MODEL_BREAKERS, ids=lambda e: e["type"])
def test_engine_matches_where_sorting_by_alignment_fails(entry):
    rustc = {f["name"]: f["offset"] for f in entry["fields"]}
    assert _sort_by_align_offsets(entry["fields"]) != rustc  # the folk model really is wrong here …
    layout = ENGINE.layout(parse_type(entry["type"]))
    assert {f.name: f.offset for f in layout.fields} == rustc  # … and rustc's algorithm is right


def test_the_real_parser_feeds_the_engine_the_same_definitions():
    """Through `engine_for_source`, every oracle definition the parser accepts lays out as rustc says (the parser
    rejects generics, unions and repr(packed/align/transparent); the regex reader above covers those)."""
    parser = pytest.importorskip("whiteboard.model.parser")
    from whiteboard.model.layout import engine_for_source

    accepted = []
    for source in DEFINITIONS:
        try:
            parser.parse_program(source + "\nfn main() {}\n")
        except Exception:  # noqa: BLE001 - a rejected definition is simply left out of this check
            continue
        accepted.append(source)
    engine = engine_for_source("\n".join(accepted) + "\nfn main() {}\n")

    defined = {parse_definition(source)[0].name for source in accepted}
    all_user_types = {parse_definition(source)[0].name for source in DEFINITIONS}
    checkable = [e for e in ORACLE if set(re.findall(r"\w+", e["type"])) & all_user_types <= defined]
    assert len(checkable) > 250
    assert [e["type"] for e in checkable if mismatches(e, engine)] == []


# ------------------------------------------------------------------------------------------------- type strings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("&'a mut [u8]", T.Ref(T.Slice(T.U8), True)),
        ("&&str", T.Ref(T.STR_REF)),
        ("*const dyn std::fmt::Debug", T.RawPtr(T.Dyn("std::fmt::Debug"))),
        ("[[u8; 3]; 2]", T.Array(T.Array(T.U8, 3), 2)),
        ("(u8,)", T.Tuple((T.U8,))),
        ("(u8)", T.U8),
        ("fn(u8) -> u8", T.FnPtr((T.U8,), T.U8)),
        ("Box<dyn Fn(i32) -> i32>", T.box_of(T.Dyn("Fn(i32) -> i32"))),
        ("std::rc::Rc<u8>", T.Adt("Rc", (T.U8,))),
        ("Cow<'static, str>", T.Adt("Cow", (T.STR,))),
        ("Vec::<u8>", T.vec_of(T.U8)),
        ("[u8; 1_024]", T.Array(T.U8, 1024)),
        ("!", T.NEVER),
    ],
)
def test_parse_type(text, expected):
    assert parse_type(text) == expected


@pytest.mark.parametrize("text", ["", "Vec<", "&", "[u8; N]", "u8 u8", "impl Fn()", "Box<Fn(u8)>", "a-b", "(u8,,)"])
def test_parse_type_rejects_garbage(text):
    with pytest.raises(ValueError, match="cannot parse type"):
        parse_type(text)


def test_every_oracle_type_string_parses():
    for entry in ORACLE:
        parse_type(entry["type"])


# --------------------------------------------------------------------------------- tags, niches and the std views


# Measured with rustc 1.95 by reading the bytes of `None::<T>` (and of `E::V`); not in layout.json.
@pytest.mark.parametrize(
    ("ty", "offset", "value"),
    [
        ("bool", 0, 2),
        ("char", 0, 0x110000),
        ("&u8", 0, 0),
        ("Box<dyn std::fmt::Debug>", 0, 0),
        ("Vec<u8>", 0, 1 << 63),  # an impossible capacity
        ("Ordering", 0, 2),
        ("NonZeroU32", 0, 0),
        ("Duration", 8, 1_000_000_000),  # the nanoseconds field
        ("u32", 0, 0),  # a real tag
    ],
)
def test_option_none_bytes(ty, offset, value):
    got_offset, raw = ENGINE.option_none_bits(parse_type(ty))
    assert (got_offset, int.from_bytes(raw, "little")) == (offset, value)


def test_niche_filled_variant_tags():
    message = parse_type("Message")
    assert ENGINE.tag_bytes(message, "Write") is None  # the untagged variant: its String is stored as is
    assert ENGINE.tag_bytes(message, "Quit") == (0, (1 << 63).to_bytes(8, "little"))
    assert ENGINE.tag_bytes(message, "ChangeColor") == (0, ((1 << 63) + 3).to_bytes(8, "little"))
    assert ENGINE.variant_of_bytes(message, ((1 << 63) + 1).to_bytes(8, "little") + bytes(16)) == 1
    assert ENGINE.variant_of_bytes(message, (5).to_bytes(8, "little") + bytes(16)) == 2


def test_repr_u8_enum_with_a_gap_puts_its_niche_in_the_gap():
    # rustc 1.95: the tag is valid in 200..=0, so None::<Gap> is 1 (measured), not 202.
    gap = S.EnumDef("Gap", [S.VariantDef("A", "unit", []), S.VariantDef("B", "unit", [], S.Lit("int", 200)),
                            S.VariantDef("C", "unit", [])], repr="u8")  # fmt: skip
    engine = LayoutEngine({}, {"Gap": gap})
    assert engine.option_none_bits(T.Adt("Gap")) == (0, b"\x01")


def test_vec_and_string_show_ptr_cap_len_at_rustcs_offsets():
    for text in ("Vec<u64>", "String"):
        layout = ENGINE.layout(parse_type(text))
        assert [(f.name, f.offset) for f in layout.fields] == [("ptr", 8), ("cap", 0), ("len", 16)]
        assert layout.memory_order == ("cap", "ptr", "len")


def test_fat_pointers_show_two_words():
    assert [f.name for f in ENGINE.layout(parse_type("&str")).fields] == ["ptr", "len"]
    assert [f.name for f in ENGINE.layout(parse_type("Box<dyn Fn()>")).fields] == ["ptr", "vtable"]
    assert [(f.name, f.offset) for f in ENGINE.layout(parse_type("Rc<[u8]>")).fields] == [("ptr", 0), ("len", 8)]


def test_rc_box_layout_puts_the_counts_first():
    block = ENGINE.rc_box_layout(T.STRING)
    assert (block.size, block.align) == (40, 8)
    assert [(f.name, f.offset) for f in block.fields] == [("strong", 0), ("weak", 8), ("value", 16)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Nope", "unknown type `Nope`"),
        ("str", "unsized"),
        ("[u8]", "unsized"),
        ("Vec<u8, u8, u8>", "generic argument"),
    ],
)
def test_clear_errors(text, message):
    with pytest.raises(LayoutError, match=message):
        ENGINE.layout(parse_type(text))


def test_infinite_recursion_is_an_error():
    node = S.StructDef("Node", "named", [S.FieldDef("value", T.I32), S.FieldDef("next", T.option_of(T.Adt("Node")))])
    with pytest.raises(LayoutError, match="infinite size"):
        LayoutEngine({"Node": node}, {}).layout(T.Adt("Node"))


def test_report_mirrors_the_oracle_keys():
    entry = next(e for e in ORACLE if e["type"] == "Student")
    data = to_json(ENGINE.layout(parse_type("Student")), ENGINE)
    for key in ("size", "align", "memory_order", "padding_bytes", "option_size", "option_uses_niche"):
        assert data[key] == entry[key], key
    keys = ("name", "type", "offset", "size", "align")
    assert [{k: f[k] for k in keys} for f in data["fields"]] == [{k: f[k] for k in keys} for f in entry["fields"]]
    text = describe(ENGINE.layout(parse_type("Student")), ENGINE)
    assert "reordered" in text and "(padding)" in text
