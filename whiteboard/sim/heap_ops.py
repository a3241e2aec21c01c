"""Heap blocks as std uses them: allocation, Vec/String growth, reallocation, freeing, drop glue and clone.

Growth follows RawVec exactly (checked against all 2,991 observations in tests/oracle/vec_growth.json): a new
capacity is max(2 × cap, len + additional, minimum), the minimum non-zero capacity being 8 for 1-byte elements, 4 up
to 1024 bytes and 1 above; `reserve_exact` skips the doubling; zero-sized elements never allocate.
"""

from __future__ import annotations

from whiteboard.model import types as T
from whiteboard.sim import events as E
from whiteboard.sim import values as V
from whiteboard.sim.control import Call
from whiteboard.sim.memory import ISIZE_MAX

USIZE_MAX = (1 << 64) - 1
# `alloc::raw_vec::capacity_overflow` is not #[track_caller]: std reports its own source line (rustc 1.95).
CAPACITY_OVERFLOW_AT = "/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/alloc/src/raw_vec/mod.rs:28:5"


def min_non_zero_cap(elem_size: int) -> int:
    if elem_size == 1:
        return 8
    if elem_size <= 1024:
        return 4
    return 1


class HeapMixin:
    def elem_layout(self, ty: T.Ty) -> tuple[int, int]:
        return self.layouts.size_of(ty), self.layouts.align_of(ty)

    # --------------------------------------------------------------------------------------------------- blocks

    def alloc(self, elem_ty: T.Ty, capacity: int, what: str, items, node, header: int = 0) -> V.Block | None:
        """Allocate room for `capacity` elements (plus `header` bytes, e.g. an Rc's counts); None if zero-sized."""
        size, align = self.elem_layout(elem_ty)
        total = header + size * capacity
        if total == 0:
            return None
        if total > ISIZE_MAX:
            raise self.panic("capacity overflow", node.span, CAPACITY_OVERFLOW_AT)
        block_id = self.new_id()
        chunk = self.heap.malloc(total, block_id)
        block = V.Block(
            block_id,
            chunk.payload,
            total,
            max(align, 8 if header else align),
            elem_ty,
            capacity,
            items,
            what,
            value_offset=header,
        )
        self.observable_since_call = True
        if self.recorder is not None:
            self.recorder.blocks[block_id] = block
            elems = self.block_view(items, elem_ty)
            self.emit(
                E.HeapAllocated(
                    block_id,
                    block.addr,
                    total,
                    block.align,
                    chunk.addr,
                    chunk.size,
                    what,
                    str(elem_ty),
                    capacity,
                    elems,
                )
            )
        return block

    def block_view(self, items, elem_ty: T.Ty) -> tuple:
        """The elements of a block as ViewValues; a String's bytes are one ("text", …) element."""
        if isinstance(items, bytearray):
            return (("text", items.decode(errors="replace")),) if items else ()
        return tuple(self.view(v, elem_ty) for v in items)

    def free(self, block: V.Block) -> None:
        if block.size == 0:
            return  # a zero-sized type's "buffer" is a dangling pointer, never allocated
        self.heap.free_block(block.addr)
        block.freed = True
        self.observable_since_call = True
        if self.recorder is not None:
            self.emit(E.HeapFreed(block.id, block.addr, block.size))

    def new_vec(self, ty: T.Adt, capacity: int, items, node) -> V.VecV:
        elem = T.U8 if ty == T.STRING else ty.args[0]
        if self.layouts.size_of(elem) == 0:
            return self.zst_vec(ty, items)
        what = "String buffer" if ty == T.STRING else f"{ty} buffer"
        block = self.alloc(elem, capacity, what, items, node)
        return V.VecV(ty, block, capacity)

    def zst_vec(self, ty: T.Adt, items=None) -> V.VecV:
        """A Vec of a zero-sized type: capacity usize::MAX, a dangling pointer, elements counted but never stored
        in memory (they have no bytes)."""
        elem = ty.args[0]
        align = self.layouts.align_of(elem)
        block = V.Block(self.new_id(), align, 0, align, elem, USIZE_MAX, list(items or []), f"{ty} (no allocation)")
        return V.VecV(ty, block, USIZE_MAX)

    def vec_elem(self, vec: V.VecV) -> T.Ty:
        return T.U8 if vec.ty == T.STRING else vec.ty.args[0]

    def reserve(self, vec: V.VecV, additional: int, node, exact: bool = False) -> None:
        length = vec.length
        if vec.capacity - length >= additional:
            return
        elem_size = self.layouts.size_of(self.vec_elem(vec))
        needed = length + additional
        if needed > USIZE_MAX:
            raise self.panic("capacity overflow", node.span, CAPACITY_OVERFLOW_AT)
        new_cap = needed if exact else max(vec.capacity * 2, needed, min_non_zero_cap(elem_size))
        self.set_capacity(vec, new_cap, node)

    def set_capacity(self, vec: V.VecV, new_cap: int, node) -> None:
        """Move the elements into a block of `new_cap` (realloc: allocate, copy, free the old block)."""
        elem = self.vec_elem(vec)
        old = vec.block
        items = old.items if old is not None else (bytearray() if vec.ty == T.STRING else [])
        if new_cap == 0:
            if old is not None:
                self.free(old)
            vec.block, vec.capacity = None, 0
            return
        elem_size = self.layouts.size_of(elem)
        if new_cap * elem_size > ISIZE_MAX:
            raise self.panic("capacity overflow", node.span, CAPACITY_OVERFLOW_AT)
        if old is None:
            vec.block = self.alloc(
                elem, new_cap, "String buffer" if vec.ty == T.STRING else f"{vec.ty} buffer", items, node
            )
            vec.capacity = new_cap
            return
        # glibc's realloc may extend in place; we always move, which is what the lesson about growth shows.
        block_id = self.new_id()
        chunk = self.heap.malloc(new_cap * elem_size, block_id)
        block = V.Block(block_id, chunk.payload, new_cap * elem_size, old.align, elem, new_cap, items, old.what)
        self.heap.free_block(old.addr)
        old.freed = True
        old.items = type(items)()
        self.observable_since_call = True
        if self.recorder is not None:
            self.recorder.blocks[block_id] = block
            elems = self.block_view(items, elem)
            self.emit(
                E.HeapReallocated(
                    old.id,
                    block_id,
                    old.addr,
                    block.addr,
                    vec.capacity,
                    new_cap,
                    old.size,
                    block.size,
                    chunk.addr,
                    chunk.size,
                    elems,
                )
            )
        vec.block, vec.capacity = block, new_cap

    # ----------------------------------------------------------------------------------------------------- drop

    def drop_place(self, place: V.Place, name: str):
        """Drop the value in `place` as drop glue does: the type's own Drop::drop first, then its fields in
        declaration order; a Vec's elements front to back, then its buffer; a Box's content, then its block."""
        value = place.get()
        if value is V.MOVED or value is V.UNINIT:
            return
        ty = place.ty
        if not self.info.needs_drop(ty):
            return
        user_drop = self.user_drop_fn(ty)
        if self.recorder is not None:
            self.emit(E.ValueDropped(place.root, name, str(ty), user_drop is not None))
        if user_drop is not None:
            yield Call(user_drop, [], V.RefV(place, True), user_drop.span)
            value = place.get()
        if isinstance(value, V.Agg):
            layout = self.layouts.layout(ty)
            fields = layout.fields if not isinstance(ty, T.Array) else None
            for i in range(len(value.fields)):
                field_ty = fields[i].ty if fields is not None else ty.elem
                label = f"{name}.{fields[i].name}" if fields is not None else f"{name}[{i}]"
                sub = V.Place(value.fields, i, place.addr, field_ty, place.root, place.path + (i,))
                yield from self.drop_place(sub, label)
        elif isinstance(value, V.EnumV):
            layout = self.layouts.layout(ty)
            variant = next((v for v in layout.variants if v.name == value.variant), None)
            if variant is not None:
                for i, field in enumerate(variant.fields):
                    sub = V.Place(value.fields, i, place.addr + field.offset, field.ty, place.root)
                    yield from self.drop_place(sub, f"{name}.{field.name}")
        elif isinstance(value, V.VecV):
            block = value.block
            if block is not None and not isinstance(block.items, bytearray):
                elem = value.ty.args[0]
                if self.info.needs_drop(elem):
                    size = self.layouts.size_of(elem)
                    for i in range(len(block.items)):
                        sub = V.Place(block.items, i, block.addr + i * size, elem, ("heap", block.id, i))
                        yield from self.drop_place(sub, f"{name}[{i}]")
            if block is not None and not block.freed:
                self.free(block)
        elif isinstance(value, V.BoxV):
            block = value.block
            if block is not None:
                inner = ty.args[0]
                yield from self.drop_place(
                    V.Place(block.items, 0, block.addr, inner, ("heap", block.id, 0)), f"*{name}"
                )
                self.free(block)
        elif isinstance(value, V.RcV):
            block = value.block
            block.strong -= 1
            if self.recorder is not None:
                self.emit(E.HeapWritten(block.id, -1, ("scalar", f"strong={block.strong}, weak={block.weak}")))
            if block.strong == 0:
                inner = ty.args[0]
                sub = V.Place(block.items, 0, block.addr + block.value_offset, inner, ("heap", block.id, 0))
                yield from self.drop_place(sub, f"*{name}")
                block.weak -= 1
                if block.weak == 0:
                    self.free(block)
        place.set(V.MOVED)

    def user_drop_fn(self, ty: T.Ty):
        if isinstance(ty, T.Adt) and ty.name in self.info.drop_impls:
            sig = self.info.methods_by_type.get(ty.name, {}).get("drop")
            return sig.node if sig is not None else None
        return None

    # ---------------------------------------------------------------------------------------------------- clone

    def clone_value(self, value, ty: T.Ty, node):
        """`.clone()`: a deep copy; heap data is copied into new blocks of exactly the length (std's rule)."""
        if value is V.MOVED or value is V.UNINIT:
            return value
        if isinstance(value, V.VecV):
            if value.ty == T.STRING:
                data = bytearray(value.block.items) if value.block is not None else bytearray()
                return self.new_vec(value.ty, len(data), data, node)
            items = value.block.items if value.block is not None else []
            elem = value.ty.args[0]
            copies = [self.clone_value(v, elem, node) for v in items]
            return self.new_vec(value.ty, len(copies), copies, node)
        if isinstance(value, V.BoxV):
            inner = ty.args[0]
            if value.block is None:
                return V.BoxV(ty, None)
            copy = self.clone_value(value.block.items[0], inner, node)
            return V.BoxV(ty, self.alloc(inner, 1, f"{ty}", [copy], node))
        if isinstance(value, V.RcV):
            value.block.strong += 1
            if self.recorder is not None:
                self.emit(
                    E.HeapWritten(
                        value.block.id, -1, ("scalar", f"strong={value.block.strong}, weak={value.block.weak}")
                    )
                )
            return V.RcV(ty, value.block)
        if isinstance(value, V.Agg):
            if isinstance(ty, T.Array):
                return V.Agg(ty, [self.clone_value(v, ty.elem, node) for v in value.fields])
            layout = self.layouts.layout(ty)
            return V.Agg(ty, [self.clone_value(v, f.ty, node) for v, f in zip(value.fields, layout.fields)])
        if isinstance(value, V.EnumV):
            layout = self.layouts.layout(ty)
            variant = next((v for v in layout.variants if v.name == value.variant), None)
            tys = [f.ty for f in variant.fields] if variant else [T.UNIT] * len(value.fields)
            return V.EnumV(ty, value.variant, [self.clone_value(v, t, node) for v, t in zip(value.fields, tys)])
        return value
