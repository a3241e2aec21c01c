"""Type facts the drawing needs (field types, enum tags, byte spans), looked up once per type and cached per layout
engine, so drawing a thousand values of one type costs one layout look-up. Never raises: a type the model cannot
lay out is simply drawn without those facts."""

from __future__ import annotations

import weakref

from whiteboard.model import types as T
from whiteboard.model.type_parse import parse_type

_BY_ENGINE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class TypeInfo:
    __slots__ = ("layouts", "_parsed", "_layouts", "_fields", "__weakref__")

    def __init__(self, layouts) -> None:
        self.layouts = layouts
        self._parsed: dict = {}
        self._layouts: dict = {}
        self._fields: dict = {}

    @classmethod
    def of(cls, layouts) -> TypeInfo:
        if layouts is None:
            return cls(None)
        info = _BY_ENGINE.get(layouts)
        if info is None:
            info = _BY_ENGINE[layouts] = cls(layouts)
        return info

    def parse(self, text) -> T.Ty | None:
        if not isinstance(text, str):
            return None
        try:
            return self._parsed[text]
        except KeyError:
            pass
        try:
            ty = parse_type(text)
        except Exception:  # noqa: BLE001 - an unparsable type is drawn without its layout facts
            ty = None
        self._parsed[text] = ty
        return ty

    def layout(self, ty):
        if ty is None or self.layouts is None:
            return None
        try:
            return self._layouts[ty]
        except KeyError:
            pass
        try:
            lay = self.layouts.layout(ty)
        except Exception:  # noqa: BLE001 - same: no facts rather than no picture
            lay = None
        self._layouts[ty] = lay
        return lay

    def fields(self, ty, variant: str | None = None) -> dict:
        """name -> (type, size) of a struct's fields, or of one enum variant's."""
        key = (ty, variant)
        found = self._fields.get(key)
        if found is not None:
            return found
        lay = self.layout(ty)
        found = {}
        if lay is not None:
            fields = lay.fields
            if variant is not None:
                fields = next((v.fields for v in lay.variants if v.name == variant), ())
            found = {f.name: (f.ty, f.size) for f in fields}
        self._fields[key] = found
        return found

    def size_of(self, ty) -> int | None:
        lay = self.layout(ty)
        return None if lay is None else lay.size
