"""A local drawn as its bytes: one small cell per byte, coloured by the top-level field it belongs to, padding
hatched. This is where `repr(Rust)` field reordering and padding become visible (`Point { x: i32, y: u8 }` is
8 bytes, 3 of them padding; a `Vec` is cap, ptr, len in memory)."""

from __future__ import annotations

from whiteboard.diagram import formats as F
from whiteboard.diagram.metrics import SIZE_SMALL, line_height, text_width
from whiteboard.diagram.sink import Sink
from whiteboard.model import types as T

BYTE_W = 18.0
BYTE_H = 18.0
MAX_BYTES = 64
FIELD_STYLES = 6  # byte.f0 … byte.f5, cycling
LABEL_H = line_height(SIZE_SMALL)
STRIP_H = BYTE_H + 1 + LABEL_H


def spans(slot, info) -> list[tuple[int, int, str, str]]:
    """(start, end, style, label) covering the slot's bytes in address order."""
    size = slot.size
    ty = info.parse(slot.ty)
    lay = info.layout(ty)
    if lay is None or lay.size != size:
        return [(0, size, "byte", "")] if size else []
    named: list[tuple[int, int, str]] = []
    gap_label = "pad"
    if lay.variants:
        gap_label = "unused"  # bytes the current variant does not use
        view = slot.value
        variant = view[2] if isinstance(view, tuple) and view and view[0] == "enum" else None
        if lay.tag is not None and lay.tag.encoding == "direct":
            named.append((lay.tag.offset, lay.tag.offset + lay.tag.size, "tag"))
        for v in lay.variants:
            if v.name == variant:
                for f in v.fields:
                    text = variant if f.name.isdigit() and len(v.fields) == 1 else f"{variant}.{f.name}"
                    named.append((f.offset, f.offset + f.size, text))
        tag = lay.tag
        if tag is not None and tag.encoding == "niche":
            start, end = tag.offset, tag.offset + tag.size
            if not any(a < end and start < b for a, b, _ in named):
                # No field of this variant covers the niche: its bytes hold the value that *means* the variant
                # (for `None` of an `Option<Box<T>>`, a null pointer) — they are not unused.
                named.append((start, end, f"{variant} = niche"))
    elif lay.fields:
        named = [(f.offset, f.offset + f.size, "." + f.name if f.name.isdigit() else f.name) for f in lay.fields]
    elif isinstance(ty, T.Array) and ty.length:
        step = size // ty.length
        named = [(i * step, (i + 1) * step, f"[{i}]") for i in range(min(ty.length, MAX_BYTES))] if step else []
    else:
        return [(0, size, "byte.f0", "")] if size else []
    named = sorted(n for n in named if n[1] > n[0])
    out, at = [], 0
    for k, (start, end, text) in enumerate(named):
        if start > at:
            out.append((at, start, "byte.pad", gap_label))
        start = max(start, at)
        if end > start:
            out.append((start, end, f"byte.f{k % FIELD_STYLES}", text))
            at = end
    if at < size:
        out.append((at, size, "byte.pad", gap_label))
    return out


def strip_width(slot) -> float:
    shown = min(slot.size, MAX_BYTES)
    return shown * BYTE_W + (80.0 if slot.size > MAX_BYTES else 0.0)


def emit_strip(slot, info, x: float, y: float, prefix: str, groups: tuple, sink: Sink) -> None:
    """The strip's cells at (x, y) and the field names under their spans."""
    shown = min(slot.size, MAX_BYTES)
    for start, end, style, text in spans(slot, info):
        if start >= shown:
            break
        end_shown = min(end, shown)
        for i in range(start, end_shown):
            tip = f"byte {i}: {text or 'value'}" if style != "byte.pad" else f"byte {i}: {text} (no field)"
            sink.rect(f"{prefix}:{i}", x + i * BYTE_W, y, BYTE_W, BYTE_H, style, groups, 0.0, tip)
        sw = (end_shown - start) * BYTE_W
        if text and text_width(text, SIZE_SMALL) <= sw:  # a name too long for its bytes is in their tooltips
            sink.label(
                f"{prefix}:span:{start}",
                x + start * BYTE_W,
                y + BYTE_H + 1,
                sw,
                LABEL_H,
                text,
                "text.dim",
                SIZE_SMALL,
                "center",
                False,
                groups,
                f"{text}: bytes {start}–{end - 1}",
            )
    if slot.size > MAX_BYTES:
        more = f"… {F.count(slot.size - MAX_BYTES)}"
        sink.label(
            f"{prefix}:more",
            x + shown * BYTE_W + 4,
            y,
            76.0,
            BYTE_H,
            more,
            "text.dim",
            SIZE_SMALL,
            "left",
            False,
            groups,
            f"{F.count(slot.size)} bytes in all",
        )
