"""Interpreter values → ViewValues: immutable, JSON-ready descriptions of what to draw.

A ViewValue is a tuple whose first item says what it is:

- `("scalar", text)` — an integer, float, bool or char, already formatted as Rust's Debug would;
- `("ptr", addr, kind, block_id)` — `&T` / `&mut T` / `Box<T>` / `Rc<T>` (kind "&", "&mut", "Box", "Rc"); block_id
  names the heap block it points into, or None for a pointer to the stack or static data;
- `("fat", addr, length, kind, block_id)` — `&str` / `&[T]`;
- `("vec", ptr, capacity, length, block_id)` — `Vec<T>` and `String` (block_id None while nothing is allocated);
- `("struct", name, ((field, offset, view), ...))` — structs and tuples (name "" for tuples), fields in declaration
  order with their offsets, so the canvas can draw either order;
- `("array", (view, ...))`;
- `("enum", type_name, variant, ((field, offset, view), ...))` — `Option` included;
- `("moved",)` and `("uninit",)`;
- `("text", string)` — the bytes of a String's heap buffer, as one element of the block.
"""

from __future__ import annotations

from whiteboard.model import types as T
from whiteboard.sim import values as V
from whiteboard.sim.fmt import escape_debug, format_float

MOVED_VIEW = ("moved",)
UNINIT_VIEW = ("uninit",)


class Viewer:
    """Builds ViewValues; needs the layout engine for field offsets and the struct table for field names."""

    def __init__(self, layouts, structs: dict) -> None:
        self.layouts = layouts
        self.structs = structs

    def view(self, value, ty: T.Ty):
        if value is V.MOVED:
            return MOVED_VIEW
        if value is V.UNINIT:
            return UNINIT_VIEW
        if isinstance(value, bool):
            return ("scalar", "true" if value else "false")
        if isinstance(value, int):
            return ("scalar", str(value))
        if isinstance(value, float):
            return ("scalar", format_float(value, ty, True, None))
        if isinstance(value, str):
            return ("scalar", "'" + escape_debug(value, "'") + "'")
        if isinstance(value, V.VecV):
            block = value.block
            ptr = block.addr if block is not None else self._dangling(ty)
            return ("vec", ptr, value.capacity, value.length, block.id if block is not None else None)
        if isinstance(value, V.RefV):
            place = value.place
            block = place.root[1] if place.root and place.root[0] == "heap" else None
            return ("ptr", place.addr, "&mut" if value.mutable else "&", block)
        if isinstance(value, V.BoxV):
            return ("ptr", value.block.addr if value.block else 1, "Box", value.block.id if value.block else None)
        if isinstance(value, V.RcV):
            return ("ptr", value.block.addr, "Rc", value.block.id)
        if isinstance(value, V.StrV):
            block = value.block.id if value.block is not None else None  # into a String's buffer, or static data
            return ("fat", value.addr, len(value.text.encode()), "&str", block)
        if isinstance(value, V.SliceV):
            return ("fat", value.addr, value.length, "&mut [T]" if value.mutable else "&[T]", value.root_block)
        if isinstance(value, V.Agg):
            if isinstance(value.ty, T.Array):
                elem = value.ty.elem
                return ("array", tuple(self.view(v, elem) for v in value.fields))
            return ("struct", self._name(value.ty), self._fields(value.ty, value.fields))
        if isinstance(value, V.EnumV):
            return self._enum(value)
        if isinstance(value, V.RangeV):
            return (
                "struct",
                "Range",
                (("start", 0, ("scalar", str(value.start))), ("end", 0, ("scalar", str(value.end)))),
            )
        return ("scalar", repr(value))

    def _dangling(self, ty: T.Ty) -> int:
        # An empty Vec's pointer is NonNull::dangling(): the element type's alignment.
        elem = ty.args[0] if isinstance(ty, T.Adt) and ty.args else T.U8
        return self.layouts.align_of(elem)

    @staticmethod
    def _name(ty: T.Ty) -> str:
        return ty.name if isinstance(ty, T.Adt) else ""

    def _fields(self, ty: T.Ty, values: list) -> tuple:
        layout = self.layouts.layout(ty)
        out = []
        for field_layout, value in zip(layout.fields, values):
            out.append((field_layout.name, field_layout.offset, self.view(value, field_layout.ty)))
        return tuple(out)

    def _enum(self, value: V.EnumV):
        ty = value.ty
        name = ty.name if isinstance(ty, T.Adt) else str(ty)
        layout = self.layouts.layout(ty)
        fields: tuple = ()
        for variant in layout.variants:
            if variant.name == value.variant:
                fields = tuple((f.name, f.offset, self.view(v, f.ty)) for f, v in zip(variant.fields, value.fields))
                break
        return ("enum", name, value.variant, fields)
