"""One ViewValue drawn as nested boxes: measured first (`measure` → `Node`, sizes only), then placed (`emit`).

Measuring before placing lets a frame or a heap block size itself to its widest value and lets cells of one block
share a width. Pointer parts sit at the right end of their value ("len 5 | cap 8 | ptr ●") so an arrow leaves the
dot without crossing any text; a fat pointer into the stack puts its pointer first, since those arrows leave left.
"""

from __future__ import annotations

from whiteboard.diagram import formats as F
from whiteboard.diagram.metrics import SIZE_SMALL, SIZE_VALUE, line_height, text_width
from whiteboard.diagram.sink import Sink, Source
from whiteboard.model import types as T
from whiteboard.sim.memory import HEAP_BASE, STATIC_BASE

PAD = 6.0  # inside a composite box
GAP = 8.0  # between a field's name and its value
CELL_H = 30.0  # a one-line value
MIN_W = 40.0
MAX_W = 320.0  # a longer scalar is cut (full text in the tooltip)
LH_V = line_height(SIZE_VALUE)
LH_S = line_height(SIZE_SMALL)
TITLE_H = LH_S + 2
INDEX_H = LH_S + 1
MAX_ELEMS = 16  # array elements drawn; the rest are counted
OPTION_LIKE = ("Option", "Result")


class Node:
    """A measured value: its size and what to draw, relative to its top-left corner."""

    __slots__ = ("w", "h", "style", "text", "text_style", "text_size", "tooltip", "labels", "parts", "kids", "port")
    __slots__ += ("size", "has_ptr", "view")

    def __init__(self, w, h, style, text=None, text_style="text", text_size=SIZE_VALUE, tooltip="") -> None:
        self.w, self.h, self.style = w, h, style
        self.text, self.text_style, self.text_size, self.tooltip = text, text_style, text_size, tooltip
        self.labels: tuple | list = ()  # (suffix, dx, dy, w, h, text, style, size, align, bold)
        self.parts: tuple | list = ()  # (suffix, dx, dy, w, h, style, text, text_style, size, tooltip)
        self.kids: tuple | list = ()  # (name, dx, dy, node, byte offset or None, forced w, forced h)
        self.port = None  # None, or the suffix of the pointer part ("" for the whole value)
        self.size = None  # bytes, when known (to find which part a stack pointer points at)
        self.has_ptr = False
        self.view = None  # the pointer's ViewValue, when this node has a port


def leaf(text, style="value", text_style="text", size=SIZE_VALUE, tooltip="", min_w=MIN_W) -> Node:
    w = min(max(text_width(text, size) + 20, min_w), MAX_W)
    return Node(w, CELL_H, style, text, text_style, size, tooltip)


def _part(text, size=SIZE_VALUE, style="text") -> tuple[str, float, float, str]:
    return text, text_width(text, size) + 16, size, style


def _parts_node(view, parts: list, port_name: str | None, tooltip: str) -> Node:
    """Side by side sub-cells inside one box: a Vec's len | cap | ptr, a fat pointer's len | ptr."""
    node = Node(0, CELL_H + 6, "value." + view[0], tooltip=tooltip)
    x, out = 3.0, []
    for name, (text, w, size, tstyle) in parts:
        out.append(("/" + name, x, 3.0, w, CELL_H, "value.part", text, tstyle, size, tooltip))
        x += w
    node.w, node.parts = x + 3, out
    if port_name is not None:
        node.port, node.has_ptr, node.view = "/" + port_name, True, view
    return node


def measure(view, ty, info) -> Node:
    """The Node for `view` (a ViewValue) of type `ty` (a Ty, or None when unknown)."""
    if view is None:
        return leaf("uninitialised", "value.uninit", "text.dim", SIZE_SMALL)
    kind = view[0]
    if kind == "scalar":
        return leaf(view[1], tooltip=view[1])
    if kind == "vec":
        _, ptr, cap, length, block = view
        what = "String" if isinstance(ty, T.Adt) and ty.name == "String" else "Vec"
        tip = f"{what}: ptr {F.addr(ptr)} · capacity {F.count(cap)} · length {F.count(length)}"
        if block is None:
            ptr_part = _part(f"ptr dangling ({F.addr(ptr)})", SIZE_SMALL, "text.dim")
        else:
            ptr_part = _part("ptr ●")
        parts = [("len", _part(f"len {F.small_int(str(length))}")), ("cap", _part(f"cap {F.small_int(str(cap))}"))]
        return _parts_node(view, [*parts, ("ptr", ptr_part)], None if block is None else "ptr", tip)
    if kind == "ptr":
        _, address, pkind, block = view
        if pkind == "Box" and block is None:
            return leaf(
                f"dangling ({F.addr(address)})", "value.ptr", "text.dim", SIZE_SMALL, "Box of a zero-sized type"
            )
        node = leaf("●", "value.ptr", tooltip=f"{pkind} → {F.addr(address)}")
        node.port, node.has_ptr, node.view = "", True, view
        return node
    if kind == "fat":
        _, address, length, pkind, block = view
        parts = [("len", _part(f"len {F.small_int(str(length))}")), ("ptr", _part("ptr ●"))]
        if block is None and not STATIC_BASE <= address < HEAP_BASE:
            parts.reverse()  # into the stack: its arrow leaves on the left
        return _parts_node(view, parts, "ptr", f"{pkind}: ptr {F.addr(address)} · length {F.count(length)}")
    if kind == "struct":
        return _struct(view, ty, info)
    if kind == "enum":
        return _enum(view, ty, info)
    if kind == "array":
        return _array(view, ty, info)
    if kind == "moved":
        return leaf("moved", "value.moved", "text.moved", tooltip="moved out: this place no longer owns a value")
    if kind == "uninit":
        return leaf("uninitialised", "value.uninit", "text.dim", SIZE_SMALL)
    if kind == "text":
        text = '"' + view[1] + '"'
        return leaf(text, tooltip=text)
    return leaf(repr(view), tooltip=repr(view))


def _struct(view, ty, info) -> Node:
    _, name, fields = view
    types = info.fields(ty) if ty is not None else {}
    title = name or "(…)"
    node = Node(0, 0, "value.struct", tooltip=str(ty) if ty is not None else title)
    labels = [
        (":title", PAD, PAD - 2, text_width(title, SIZE_SMALL), LH_S, title, "text.dim", SIZE_SMALL, "left", False)
    ]
    shown = [("." + f if f.isdigit() else f, f, off, v) for f, off, v in fields]
    name_w = max((text_width(s, SIZE_VALUE) for s, *_ in shown), default=0.0)
    y, kids, widest = PAD + TITLE_H, [], 0.0
    for text, fname, off, v in shown:
        fty, fsize = types.get(fname, (None, None))
        kid = measure(v, fty, info)
        kid.size = fsize
        node.has_ptr |= kid.has_ptr
        labels.append(
            (f"/{fname}:name", PAD, y + (kid.h - LH_V) / 2, name_w, LH_V, text, "text", SIZE_VALUE, "left", False)
        )
        kids.append((fname, PAD + name_w + GAP, y, kid, off, None, None))
        widest = max(widest, kid.w)
        y += kid.h + 4
    inner = max(text_width(title, SIZE_SMALL), (name_w + GAP + widest) if kids else 0.0)
    node.w, node.h = inner + 2 * PAD, (y - 4 if kids else y) + PAD
    node.labels, node.kids = labels, kids
    return node


def _array(view, ty, info) -> Node:
    elems = view[1]
    elem_ty = ty.elem if isinstance(ty, T.Array) else None
    node = Node(0, 0, "value.array", tooltip=str(ty) if ty is not None else "array")
    if not elems:
        return leaf("[]", tooltip="empty array")
    shown = [measure(v, elem_ty, info) for v in elems[:MAX_ELEMS]]
    cw = max(k.w for k in shown)
    ch = max(k.h for k in shown)
    gap = 0.0 if all(k.text is not None for k in shown) else 6.0
    elem_size = info.size_of(elem_ty) if elem_ty is not None else None
    labels, kids, x = [], [], PAD
    for i, kid in enumerate(shown):
        node.has_ptr |= kid.has_ptr
        kid.size = elem_size
        labels.append((f"/[{i}]:idx", x, PAD - 2, cw, LH_S, f"[{i}]", "text.dim", SIZE_SMALL, "center", False))
        kids.append((f"[{i}]", x, PAD + INDEX_H, kid, None if elem_size is None else i * elem_size, cw, ch))
        x += cw + gap
    x -= gap
    if len(elems) > MAX_ELEMS:
        more = f"… {F.count(len(elems) - MAX_ELEMS)} more"
        mw = text_width(more, SIZE_SMALL)
        labels.append(
            (":more", x + 6, PAD + INDEX_H + (ch - LH_S) / 2, mw, LH_S, more, "text.dim", SIZE_SMALL, "left", False)
        )
        x += 6 + mw
    node.w, node.h = x + PAD, PAD + INDEX_H + ch + PAD
    node.labels, node.kids = labels, kids
    return node


def _tag_note(lay, variant: str) -> tuple[str, str] | None:
    """What marks the variant: ("value.tag", "tag 1"), or a niche note ("value.niche", "no tag (niche)")."""
    tag = lay.tag if lay is not None else None
    if tag is None:
        return None
    v = next((v for v in lay.variants if v.name == variant), None)
    if v is None:
        return None
    value = tag.value_for(v)
    if tag.encoding == "direct":
        return "value.tag", f"tag {value}"
    if value is None:
        return "value.niche", "no tag (niche)"
    if value == 0:
        return "value.niche", f"no tag: {variant} = null pointer (niche)"
    return "value.niche", f"no tag: {variant} = invalid value {F.addr(value)} (niche)"


def _enum(view, ty, info) -> Node:
    _, name, variant, fields = view
    lay = info.layout(ty)
    types = info.fields(ty, variant) if lay is not None else {}
    node = Node(0, 0, "value.enum", tooltip=str(ty) if ty is not None else name)
    kids_m = []
    for fname, off, v in fields:
        fty, fsize = types.get(fname, (None, None))
        kid = measure(v, fty, info)
        kid.size = fsize
        node.has_ptr |= kid.has_ptr
        kids_m.append((fname, off, kid))
    row_h = max([CELL_H] + [k.h for _, _, k in kids_m])
    note = _tag_note(lay, variant)
    x, parts, labels, kids = PAD, [], [], []
    if note is not None and note[0] == "value.tag":
        w = text_width(note[1], SIZE_SMALL) + 12
        parts.append(("/tag", x, PAD + (row_h - 22) / 2, w, 22.0, "value.tag", note[1], "text", SIZE_SMALL, "the tag"))
        x += w + GAP
    shown = variant if name in OPTION_LIKE else f"{name}::{variant}"
    vw = text_width(shown, SIZE_VALUE)
    labels.append((":variant", x, PAD + (row_h - LH_V) / 2, vw, LH_V, shown, "text", SIZE_VALUE, "left", True))
    x += vw + GAP
    for fname, off, kid in kids_m:
        if not fname.isdigit():
            fw = text_width(fname, SIZE_SMALL)
            labels.append(
                (f"/{fname}:name", x, PAD + (row_h - LH_S) / 2, fw, LH_S, fname, "text.dim", SIZE_SMALL, "left", False)
            )
            x += fw + 4
        kids.append((fname, x, PAD + (row_h - kid.h) / 2, kid, off, None, None))
        x += kid.w + GAP
    x += PAD - GAP
    h = PAD + row_h + PAD
    if note is not None and note[0] == "value.niche":
        w = text_width(note[1], SIZE_SMALL) + 12
        parts.append(
            ("/niche", PAD, h - 2, w, 20.0, "value.niche", note[1], "text.dim", SIZE_SMALL, "how the variant is told")
        )
        h += 20 + PAD - 2
        x = max(x, PAD + w + PAD)
    node.w, node.h = x, h
    node.labels, node.parts, node.kids = labels, parts, kids
    return node


def emit(node, x, y, key, groups, sink: Sink, region, w=None, h=None, style=None, offset=0) -> None:
    """Draw `node` with its top-left corner at (x, y); `w`/`h`/`style` override the measured box (cells)."""
    w = node.w if w is None else w
    h = node.h if h is None else h
    sink.rect(key, x, y, w, h, style or node.style, groups, 0.0, node.tooltip)
    if sink.places is not None and offset is not None:
        sink.places.append((offset, node.size, x, y, w, h, key))
    if node.text is not None:
        sink.centered(
            key + ":text", x, y, w, h, node.text, node.text_style, node.text_size, False, groups, node.tooltip
        )
    for suffix, dx, dy, lw, lh, text, tstyle, size, align, bold in node.labels:
        sink.label(key + suffix, x + dx, y + dy, lw, lh, text, tstyle, size, align, bold, groups)
    for suffix, dx, dy, pw, ph, pstyle, text, tstyle, size, tip in node.parts:
        sink.rect(key + suffix, x + dx, y + dy, pw, ph, pstyle, groups, 0.0, tip)
        sink.centered(key + suffix + ":text", x + dx, y + dy, pw, ph, text, tstyle, size, False, groups, tip)
    for name, dx, dy, kid, off, fw, fh in node.kids:
        kid_offset = None if off is None or offset is None else offset + off
        emit(kid, x + dx, y + dy, f"{key}/{name}", groups, sink, region, fw, fh, None, kid_offset)
    port = node.port
    if port is not None:
        if port == "":
            sink.sources.append(Source(key, node.view, x, y, w, h, groups, region))
        else:
            for suffix, dx, dy, pw, ph, *_ in node.parts:
                if suffix == port:
                    sink.sources.append(Source(key + port, node.view, x + dx, y + dy, pw, ph, groups, region))
