"""Layouts as text and JSON, for `whiteboard layout TYPE [--defs FILE.rs] [--json]`.

`describe` draws the bytes in memory order with the padding holes between fields; `to_json` keeps the oracle's
key names (`size`, `align`, `fields` with `offset`/`size`/`align`, `memory_order`, `padding_bytes`,
`option_size`, `option_uses_niche`) so its output can be compared with `tests/oracle/layout.json` directly.
"""

from __future__ import annotations

from whiteboard.model import types as T
from whiteboard.model.layout import FieldLayout, Layout, LayoutEngine, LayoutError


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _rows(fields: tuple[FieldLayout, ...], size: int | None, indent: str) -> list[str]:
    """Fields by offset; with the value's `size`, also a row for every byte range no field covers. (A variant
    passes None: the bytes around its fields hold the tag or belong to other variants.)"""
    rows = []
    cursor = 0
    for f in sorted(fields, key=lambda f: (f.offset, f.size)):
        if size is not None and f.offset > cursor:
            rows.append(f"{indent}{cursor:>6}  {f.offset - cursor:>4}  (padding)")
        rows.append(f"{indent}{f.offset:>6}  {f.size:>4}  {f.name}: {f.ty}")
        cursor = max(cursor, f.offset + f.size)
    if size is not None and size > cursor:
        rows.append(f"{indent}{cursor:>6}  {size - cursor:>4}  (padding)")
    return rows


def _niche_text(layout: Layout) -> str:
    n = layout.niche
    if n is None:
        return "no niche" + (": every bit pattern is valid" if layout.size and not layout.uninhabited else "")
    return (
        f"niche: the {_plural(n.size, 'byte')} at offset {n.offset} are valid in {n.start:#x}..={n.end:#x}, "
        f"leaving {_plural(n.available, 'invalid value')} for enclosing enums"
    )


def describe(layout: Layout, engine: LayoutEngine | None = None) -> str:
    """Human-readable layout: size, alignment, each field's offset and size in memory order, padding gaps, the
    niche, and for enums the tag and each variant. With an engine, also what `Option<T>` costs."""
    lines = [f"{layout.ty}: size {layout.size}, align {layout.align}"]
    if layout.uninhabited:
        lines.append("  uninhabited: no value of this type can exist")
    if layout.fields:
        declared = tuple(f.name for f in layout.fields)
        note = "" if layout.memory_order == declared else "   (rustc reordered the fields)"
        lines.append(f"  offset  size  field{note}")
        lines += _rows(layout.fields, layout.size, "  ")
        lines.append(f"  padding: {_plural(layout.padding_bytes, 'byte')}")
    tag = layout.tag
    if tag is not None:
        if tag.encoding == "direct":
            lines.append(f"  tag: {_plural(tag.size, 'byte')} at offset {tag.offset} hold the discriminant")
        else:
            untagged = layout.variants[tag.untagged_variant or 0].name
            lines.append(
                f"  no separate tag: the other variants are marked by invalid values in the "
                f"{_plural(tag.size, 'byte')} at offset {tag.offset}, inside variant {untagged}'s fields"
            )
    for v in layout.variants:
        marker = ""
        if tag is not None:
            value = tag.value_for(v)
            marker = "  [untagged: any valid value]" if value is None else f"  [tag = {value:#x}]"
        lines.append(f"  variant {v.name} (discriminant {v.discriminant}){marker}")
        lines += _rows(v.fields, None, "    ")
    lines.append("  " + _niche_text(layout))
    if engine is not None:
        option = _option_size(engine, layout.ty)
        if option is not None:
            if layout.uninhabited:
                how = "Some cannot exist, so None needs no tag"
            elif option == layout.size:
                how = "None is an invalid value of the niche"
            else:
                how = f"{_plural(option - layout.size, 'more byte')} for a tag and its padding"
            lines.append(f"  Option<{layout.ty}>: size {option} ({how})")
    return "\n".join(lines)


def _option_size(engine: LayoutEngine, ty: T.Ty) -> int | None:
    try:
        return engine.size_of(T.option_of(ty))
    except LayoutError:
        return None


def _field_json(f: FieldLayout) -> dict:
    return {"name": f.name, "type": str(f.ty), "offset": f.offset, "size": f.size, "align": f.align}


def to_json(layout: Layout, engine: LayoutEngine | None = None) -> dict:
    """The layout as plain JSON data (keys as in tests/oracle/layout.json where they overlap)."""
    out: dict = {
        "type": str(layout.ty),
        "size": layout.size,
        "align": layout.align,
        "fields": [_field_json(f) for f in layout.fields],
        "memory_order": list(layout.memory_order),
        "padding_bytes": layout.padding_bytes,
        "uninhabited": layout.uninhabited,
        "niche": None,
        "tag": None,
        "variants": [],
    }
    if layout.niche is not None:
        n = layout.niche
        out["niche"] = {"offset": n.offset, "size": n.size, "start": n.start, "end": n.end, "available": n.available}
    if layout.tag is not None:
        t = layout.tag
        out["tag"] = {"offset": t.offset, "size": t.size, "encoding": t.encoding}
        if t.encoding == "niche":
            out["tag"].update(
                niche_start=t.niche_start, untagged_variant=t.untagged_variant, niche_variants=list(t.niche_variants)
            )
        else:
            out["tag"]["signed"] = t.signed
    for v in layout.variants:
        entry = {"name": v.name, "index": v.index, "discriminant": v.discriminant,
                 "fields": [_field_json(f) for f in v.fields]}  # fmt: skip
        if engine is not None:
            tag = engine.tag_bytes(layout.ty, v.index)
            entry["tag_bytes"] = None if tag is None else {"offset": tag[0], "bytes": tag[1].hex()}
        out["variants"].append(entry)
    if engine is not None:
        option = _option_size(engine, layout.ty)
        if option is not None:
            out["option_size"] = option
            out["option_uses_niche"] = option == layout.size
    return out
