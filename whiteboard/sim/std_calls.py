"""Calls: user functions and methods (through the driver), std functions and methods, and the iterators `for`
walks. Every std entry here corresponds to one in `whiteboard/model/std_sigs.py`."""

from __future__ import annotations

import math

from whiteboard.model import syntax as S
from whiteboard.model import types as T
from whiteboard.sim import events as E
from whiteboard.sim import values as V
from whiteboard.sim.arith import ArithPanic, to_f32, wrap
from whiteboard.sim.control import Call, InternalLimit, Panic
from whiteboard.sim.exprs import register
from whiteboard.sim.macros import MacroMixin

# Methods that need the receiver's place to change it (the rest read it, or take it by value: VALUE_METHODS).
MUT_METHODS = {
    "push",
    "pop",
    "push_str",
    "clear",
    "truncate",
    "insert",
    "remove",
    "reserve",
    "reserve_exact",
    "shrink_to_fit",
    "extend_from_slice",
    "iter_mut",
    "swap",
    "take",
}
VALUE_METHODS = {"unwrap", "expect", "into_iter", "pow", "min", "max", "abs", "sqrt", "powi", "unwrap_or"}


class StdMixin(MacroMixin):
    # ------------------------------------------------------------------------------------------------ user calls

    def ev_call(self, e: S.Call):
        res = self.resolutions.get(e.func.id) if isinstance(e.func, S.Path) else None
        kind = res[0] if res else None
        if kind in ("fn", "method"):
            sig = self.info.fns[res[1]] if kind == "fn" else self.info.methods_by_type[res[1]][res[2]]
            params = list(sig.params)
            if sig.node.self_param is not None:  # `Counter::bump(&mut c)`: the receiver is the first argument
                params.insert(0, self.self_type(sig.node))
            args = self.simple_operands(e.args)
            if args is None:
                args = yield from self.eval_operands(e.args, params)
            self_value = args.pop(0) if sig.node.self_param is not None else None
            return (yield Call(sig.node, args, self_value, e.span))
        if kind == "variant" or (kind == "std" and res[1].endswith("Some")):
            args = yield from self.eval_operands(e.args)
            return V.EnumV(self.ty(e), res[2] if kind == "variant" else "Some", args)
        if kind == "struct":
            return V.Agg(self.ty(e), (yield from self.eval_operands(e.args)))
        if kind == "std":
            return (yield from self.std_fn(res[1], e))
        raise InternalLimit(f"calling `{self.source_text(e.func)}`", e.span)

    def ev_method_call(self, e: S.MethodCall):
        owner, method, _autoderef = self.info.methods[e.id]
        user = self.info.methods_by_type.get(owner, {}).get(method)
        if user is not None and user.node is not None:
            return (yield from self.call_user_method(e, user))
        if method in VALUE_METHODS and not isinstance(self.ty(e.receiver), (T.Ref,)):
            receiver = yield from self.eval(e.receiver)
            receiver = V.strip_refs(receiver)
            place = V.Place([receiver], 0, 0, _strip_ref_types(self.ty(e.receiver)), None)
        else:
            place = self.path_place(e.receiver) if type(e.receiver) is S.Path else None
            if place is None:
                place = yield from self.place(e.receiver)
            place = self.deref_to(place, owner)
        args = self.simple_operands(e.args)
        if args is None:
            args = yield from self.eval_operands(e.args)
        value = place.get()
        if method in ("clear", "truncate") and isinstance(value, V.VecV) and value.ty != T.STRING:
            result = yield from self.vec_truncate(method, value, args, e)
        else:
            result = self.std_method(owner, method, place, args, e)  # cannot run user code: no generator
        if method in MUT_METHODS:
            self.root_changed(place.root)
        return result

    def call_user_method(self, e: S.MethodCall, sig):
        fn = sig.node
        place = yield from self.place(e.receiver)
        place = self.deref_to(place, fn.owner)
        if fn.self_param in ("ref", "mut_ref"):
            self_value = V.RefV(place, fn.self_param == "mut_ref")
        else:
            self_value = self.read_place(place, e.receiver)
        try:
            args = yield from self.eval_operands(e.args, sig.params)
        except Panic:
            # A receiver taken by value is, like an argument, a temporary of the statement until the call.
            if fn.self_param in ("value", "mut_value"):
                yield from self.drop_temporary(self_value, place.ty)
            raise
        return (yield Call(fn, args, self_value, e.span))

    def deref_to(self, place: V.Place, owner: str | None) -> V.Place:
        """Auto-deref a receiver until it is the type that owns the method (an `Rc`'s own `clone` stops there)."""
        while True:
            value = place.get()
            if isinstance(value, V.RcV) and owner == "Rc":
                return place
            if isinstance(value, V.BoxV) and owner == "Box":
                return place
            if isinstance(value, (V.RefV, V.BoxV, V.RcV)):
                place = self.deref_place(place, None)
            else:
                return place

    # -------------------------------------------------------------------------------------------- std functions

    def std_fn(self, name: str, e: S.Call):
        generics = e.func.generics[-1] if isinstance(e.func, S.Path) and e.func.generics else ()
        if name in ("mem::size_of", "mem::align_of"):
            ty = generics[0] if generics else self.ty(e)
            return self.layouts.size_of(ty) if name.endswith("size_of") else self.layouts.align_of(ty)
        if name in ("mem::size_of_val", "mem::align_of_val"):
            ty = self.ty(e.args[0])
            ty = ty.inner if isinstance(ty, T.Ref) else ty
            arg = yield from self.eval(e.args[0])
            if isinstance(arg, V.StrV):
                return len(arg.text.encode()) if name.endswith("size_of_val") else 1
            if isinstance(arg, V.SliceV):
                elem = arg.elem_ty
                return (
                    arg.length * self.layouts.size_of(elem)
                    if name.endswith("size_of_val")
                    else self.layouts.align_of(elem)
                )
            return self.layouts.size_of(ty) if name.endswith("size_of_val") else self.layouts.align_of(ty)
        args = []
        for arg in e.args:
            args.append((yield from self.eval(arg)))
        ty = self.ty(e)
        if name in ("String::new", "Vec::new"):
            if ty != T.STRING and self.layouts.size_of(ty.args[0]) == 0:
                return self.zst_vec(ty)
            return V.VecV(ty, None, 0)
        if name in ("String::with_capacity", "Vec::with_capacity"):
            return self.new_vec(ty, args[0], bytearray() if ty == T.STRING else [], e)
        if name == "String::from":
            return self.string_from(self.text_of(args[0]), e)
        if name == "Box::new":
            inner = ty.args[0]
            return V.BoxV(ty, self.alloc(inner, 1, f"Box<{inner}>", [args[0]], e))
        if name == "Rc::new":
            inner = ty.args[0]
            # RcBox is repr(C): strong and weak counts (two usizes) before the value.
            block = self.alloc(inner, 1, f"Rc<{inner}> (counts + value)", [args[0]], e, header=16)
            return V.RcV(ty, block)
        if name == "Rc::clone":
            rc = V.strip_refs(args[0])
            if self.recorder is not None:
                self.emit(E.ValueCloned(args[0].place.root if isinstance(args[0], V.RefV) else None, str(ty)))
            return self.clone_value(rc, ty, e)
        if name == "Rc::strong_count":
            return V.strip_refs(args[0]).block.strong
        if name == "mem::drop":
            arg_ty = self.ty(e.args[0])
            yield from self.drop_place(V.Place([args[0]], 0, 0, arg_ty, None), self.source_text(e.args[0]))
            return ()
        if name == "mem::forget":
            return ()  # the value is gone without being dropped: its heap memory leaks, as in the real program
        if name == "mem::swap":
            a, b = args[0].place, args[1].place
            va, vb = a.get(), b.get()
            a.set(vb)
            b.set(va)
            self.root_changed(a.root)
            self.root_changed(b.root)
            return ()
        if name == "mem::replace":
            old = args[0].place.get()
            args[0].place.set(args[1])
            self.root_changed(args[0].place.root)
            return old
        if name == "mem::take":
            place = args[0].place
            old = place.get()
            place.set(self.default_value(place.ty, e))
            self.root_changed(place.root)
            return old
        if name == "Default::default" or name.endswith("::default"):
            return self.default_value(ty, e)
        if name.endswith(("::MAX", "::MIN", "::BITS", "::EPSILON", "::INFINITY")):
            return self.assoc_const(name)
        raise InternalLimit(f"the function `{name}`", e.span)

    def assoc_const(self, name: str):
        owner, const = name.rsplit("::", 1)
        owner = owner.rsplit("::", 1)[-1]
        if owner in T.INT_NAMES:
            ty = T.Int(owner)
            return {"MAX": ty.max, "MIN": ty.min, "BITS": ty.bits}[const]
        value = (_F32_CONSTS if owner == "f32" else _F64_CONSTS).get(const)
        if value is None:
            raise InternalLimit(f"the constant `{name}`", (0, 0, 0, 0))
        return value

    def default_value(self, ty: T.Ty, node):
        if isinstance(ty, T.Int):
            return 0
        if isinstance(ty, T.Float):
            return 0.0
        if isinstance(ty, T.Bool):
            return False
        if isinstance(ty, T.Char):
            return "\0"
        if ty == T.UNIT:
            return ()
        if isinstance(ty, T.Tuple):
            return V.Agg(ty, [self.default_value(t, node) for t in ty.elems])
        if isinstance(ty, T.Array):
            return V.Agg(ty, [self.default_value(ty.elem, node) for _ in range(ty.length)])
        if isinstance(ty, T.Adt):
            if ty.name == "Vec" and self.layouts.size_of(ty.args[0]) == 0:
                return self.zst_vec(ty)
            if ty.name in ("String", "Vec"):
                return V.VecV(ty, None, 0)
            if ty.name == "Option":
                return V.EnumV(ty, "None", [])
            if ty.name == "Box":
                return V.BoxV(ty, self.alloc(ty.args[0], 1, f"{ty}", [self.default_value(ty.args[0], node)], node))
            if ty.name in self.info.structs:
                layout = self.layouts.layout(ty)
                return V.Agg(ty, [self.default_value(f.ty, node) for f in layout.fields])
        if isinstance(ty, T.Ref) and isinstance(ty.inner, T.Str):
            return self.str_literal("")
        raise InternalLimit(f"`Default` for `{ty}`", node.span)

    # ---------------------------------------------------------------------------------------------- std methods

    def std_method(self, owner: str, method: str, place: V.Place, args: list, e):
        value = place.get()
        if method == "clone":
            if self.recorder is not None:
                self.emit(E.ValueCloned(place.root, str(place.ty)))
            return self.clone_value(value, place.ty, e)
        if method == "to_string" or method == "to_owned":
            return self.to_string(value, place.ty, e)
        if isinstance(value, V.VecV):
            if value.ty == T.STRING:
                return self.string_method(method, place, value, args, e)
            return self.vec_method(method, place, value, args, e)
        if isinstance(value, V.StrV):
            if method == "len":
                return len(value.text.encode())
            if method == "is_empty":
                return not value.text
        if isinstance(value, V.EnumV) and isinstance(value.ty, T.Adt) and value.ty.name == "Option":
            return self.option_method(method, place, value, args, e)
        if isinstance(value, (V.SliceV, V.Agg)) and method in SLICE_METHODS:
            return self.slice_method(method, self.slice_over(place, 0, None, method in MUT_METHODS), args, e)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return self.number_method(method, value, place.ty, args, e)
        if method in ("min", "max") and isinstance(value, (str, bool)):  # Ord::min/max on char and bool
            other = V.strip_refs(args[0])
            return min(value, other) if method == "min" else max(value, other)
        if isinstance(value, V.IterV) and method == "next":
            item = self.iter_next(value)
            return V.EnumV(self.ty(e), "Some", [item[0]]) if item else V.EnumV(self.ty(e), "None", [])
        raise InternalLimit(f"the method `{method}`", e.method_span if e.method_span[0] else e.span)

    def vec_truncate(self, method: str, vec: V.VecV, args: list, e):
        """Vec::clear / Vec::truncate: the only std methods here that drop values, so the only ones that may run
        user code (a Drop impl) and need to be generators."""
        block = vec.block
        items = block.items if block is not None else []
        elem = vec.ty.args[0]
        keep = 0 if method == "clear" else args[0]
        if keep < len(items):
            # The dropped tail goes front to back, as `ptr::drop_in_place` on the tail slice does.
            size = self.layouts.size_of(elem)
            for i in range(keep, len(items)):
                yield from self.drop_place(
                    V.Place(items, i, block.addr + i * size, elem, ("heap", block.id, i)),
                    f"{self.source_text(e.receiver)}[{i}]",
                )
            del items[keep:]
            self.emit_len(vec)
        return ()

    def vec_method(self, method: str, place: V.Place, vec: V.VecV, args: list, e):
        block = vec.block
        items = block.items if block is not None else []
        elem = vec.ty.args[0]
        if method == "push":
            self.reserve(vec, 1, e)
            vec.block.items.append(args[0]) if vec.block is not None else None
            self.emit_len(vec)
            return ()
        if method == "pop":
            if not items:
                return V.EnumV(self.ty(e), "None", [])
            value = items.pop()
            self.emit_len(vec)
            return V.EnumV(self.ty(e), "Some", [value])
        if method == "len":
            return len(items)
        if method == "capacity":
            return vec.capacity
        if method == "is_empty":
            return not items
        if method == "insert":
            index, value = args
            if index > len(items):
                raise self.panic(f"insertion index (is {index}) should be <= len (is {len(items)})", e.method_span)
            self.reserve(vec, 1, e)
            vec.block.items.insert(index, value)
            self.emit_len(vec, shifted=True)
            return ()
        if method == "remove":
            index = args[0]
            if index >= len(items):
                raise self.panic(f"removal index (is {index}) should be < len (is {len(items)})", e.method_span)
            value = items.pop(index)
            self.emit_len(vec, shifted=True)
            return value
        if method in ("reserve", "reserve_exact"):
            self.reserve(vec, args[0], e, exact=method == "reserve_exact")
            return ()
        if method == "shrink_to_fit":
            if vec.capacity > len(items) and self.layouts.size_of(elem):
                self.set_capacity(vec, len(items), e)
            return ()
        if method == "extend_from_slice":
            source = args[0]
            new = [self.clone_value(v, elem, e) for v in _slice_items(source)]
            self.reserve(vec, len(new), e)
            if vec.block is not None:
                vec.block.items.extend(new)
            self.emit_len(vec)
            return ()
        if method == "as_slice":
            return self.slice_over(place, 0, None, False)
        if method in SLICE_METHODS:
            return self.slice_method(method, self.slice_over(place, 0, None, method in MUT_METHODS), args, e)
        raise InternalLimit(f"the method `Vec::{method}`", e.method_span)

    def emit_len(self, vec: V.VecV, shifted: bool = False) -> None:
        if self.recorder is None or vec.block is None:
            return
        block = vec.block
        elems = tuple(self.view(v, block.elem_ty) for v in block.items) if shifted else None
        self.emit(E.HeapLengthChanged(block.id, len(block.items), elems))
        if not shifted and block.items:
            last = len(block.items) - 1
            self.emit(E.HeapWritten(block.id, last, self.view(block.items[last], block.elem_ty)))

    def slice_over(self, place: V.Place, start: int, end: int | None, mutable: bool) -> V.SliceV:
        """A `&[T]` over a Vec, an array or another slice (what auto-deref to `[T]` gives)."""
        value = place.get()
        while isinstance(value, V.RefV):
            place = value.place
            value = place.get()
        if isinstance(value, V.SliceV):
            stop = value.end if end is None else value.start + end
            size = self.layouts.size_of(value.elem_ty)
            return V.SliceV(
                value.holder,
                value.start + start,
                stop,
                value.addr + start * size,
                value.elem_ty,
                value.root_block,
                mutable,
            )
        if isinstance(value, V.VecV):
            block = value.block
            holder = block.items if block is not None else []
            elem = value.ty.args[0]
            base = block.addr if block is not None else self.layouts.align_of(elem)
            size = self.layouts.size_of(elem)
            return V.SliceV(
                holder,
                start,
                len(holder) if end is None else end,
                base + start * size,
                elem,
                block.id if block is not None else None,
                mutable,
            )
        if isinstance(value, V.Agg) and isinstance(value.ty, T.Array):
            size = self.layouts.size_of(value.ty.elem)
            return V.SliceV(
                value.fields,
                start,
                len(value.fields) if end is None else end,
                place.addr + start * size,
                value.ty.elem,
                None,
                mutable,
            )
        raise InternalLimit("a slice of this value", (0, 0, 0, 0))

    def slice_method(self, method: str, sl: V.SliceV, args: list, e):
        items = sl.holder[sl.start : sl.end]
        size = self.layouts.size_of(sl.elem_ty)

        def ref(i: int, mutable: bool = False) -> V.RefV:
            root = ("heap", sl.root_block, sl.start + i) if sl.root_block else None
            return V.RefV(V.Place(sl.holder, sl.start + i, sl.addr + i * size, sl.elem_ty, root), mutable)

        if method == "len":
            return len(items)
        if method == "is_empty":
            return not items
        if method in ("iter", "iter_mut"):
            return V.IterV("mut" if method == "iter_mut" else "ref", sl.holder, sl.start, sl.end, 1, sl)
        if method == "contains":
            target = self.comparable(args[0])
            return any(self.comparable(v) == target for v in items)
        option = self.ty(e)
        if method == "get":
            i = args[0]
            return V.EnumV(option, "Some", [ref(i)]) if i < len(items) else V.EnumV(option, "None", [])
        if method in ("first", "last"):
            if not items:
                return V.EnumV(option, "None", [])
            return V.EnumV(option, "Some", [ref(0 if method == "first" else len(items) - 1)])
        if method == "swap":
            a, b = args
            for i in (a, b):
                if i >= len(items):
                    raise self.panic(
                        f"index out of bounds: the len is {len(items)} but the index is {i}", e.method_span
                    )
            h = sl.holder
            h[sl.start + a], h[sl.start + b] = h[sl.start + b], h[sl.start + a]
            if self.recorder is not None and sl.root_block:
                for i in (a, b):
                    self.emit(E.HeapWritten(sl.root_block, sl.start + i, self.view(h[sl.start + i], sl.elem_ty)))
            return ()
        raise InternalLimit(f"the method `{method}` on a slice", e.method_span)

    def option_method(self, method: str, place: V.Place, opt: V.EnumV, args: list, e):
        some = opt.variant == "Some"
        if method == "is_some":
            return some
        if method == "is_none":
            return not some
        if method == "unwrap":
            if not some:
                raise self.panic("called `Option::unwrap()` on a `None` value", e.method_span)
            return opt.fields[0]
        if method == "expect":
            if not some:
                raise self.panic(self.text_of(args[0]), e.method_span)
            return opt.fields[0]
        if method == "unwrap_or":
            return opt.fields[0] if some else args[0]
        if method == "take":
            place.set(V.EnumV(opt.ty, "None", []))
            return opt
        if method == "as_ref":
            if not some:
                return V.EnumV(self.ty(e), "None", [])
            inner = self.part_place(place, opt, 0)
            return V.EnumV(self.ty(e), "Some", [V.RefV(inner)])
        raise InternalLimit(f"the method `Option::{method}`", e.method_span)

    def number_method(self, method: str, value, ty: T.Ty, args: list, e):
        try:
            if isinstance(ty, T.Int):
                if method == "pow":
                    result = value ** args[0]
                    if result < ty.min or result > ty.max:
                        raise ArithPanic("attempt to multiply with overflow")
                    return result
                if method == "abs":
                    if value == ty.min and ty.signed:
                        raise ArithPanic("attempt to negate with overflow")
                    return abs(value)
                if method in ("min", "max"):
                    return min(value, args[0]) if method == "min" else max(value, args[0])
                family, _, op = method.partition("_")
                symbol = {"add": "+", "sub": "-", "mul": "*"}.get(op)
                if symbol is not None:
                    exact = {"+": value + args[0], "-": value - args[0], "*": value * args[0]}[symbol]
                    if family == "wrapping":
                        return wrap(exact, ty)
                    if family == "saturating":
                        return max(ty.min, min(ty.max, exact))
                    if family == "checked":
                        ok = ty.min <= exact <= ty.max
                        return V.EnumV(self.ty(e), "Some", [exact]) if ok else V.EnumV(self.ty(e), "None", [])
            else:
                result = {
                    "sqrt": lambda: math.sqrt(value) if value >= 0 else math.nan,
                    "abs": lambda: abs(value),
                    "powi": lambda: _powf(value, args[0]),
                    "min": lambda: min(value, args[0]),
                    "max": lambda: max(value, args[0]),
                }.get(method)
                if result is not None:
                    out = float(result())
                    return to_f32(out) if ty == T.Float("f32") else out
        except ArithPanic as err:
            # Integer methods are not #[track_caller]: std reports the line of its `int_impl!` for the type.
            location = f"{_CORE_NUM}:{_INT_IMPL_LINE[ty.name]}:5" if isinstance(ty, T.Int) else None
            raise self.panic(err.message, e.method_span, location) from None
        raise InternalLimit(f"the method `{method}` on `{ty}`", e.method_span)

    # ----------------------------------------------------------------------------------------------- iterators

    def make_iter(self, expr):
        value = yield from self.eval(expr)
        if isinstance(value, V.RangeV):
            if isinstance(value.start, str):  # 'a'..='e': chars are walked by their code points
                end = ord(value.end) + (1 if value.inclusive else 0)
                return V.IterV("char_range", None, ord(value.start), end, 1)
            end = value.end + (1 if value.inclusive else 0)
            return V.IterV("range", None, value.start, end, 1)
        if isinstance(value, V.IterV):
            return value
        if isinstance(value, V.RefV):
            sl = self.slice_over(value.place, 0, None, value.mutable)
            return V.IterV("mut" if value.mutable else "ref", sl.holder, sl.start, sl.end, 1, sl)
        if isinstance(value, V.SliceV):
            return V.IterV("mut" if value.mutable else "ref", value.holder, value.start, value.end, 1, value)
        if isinstance(value, V.VecV):
            items = value.block.items if value.block is not None else []
            return V.IterV("owned", items, 0, len(items), 1, value)
        if isinstance(value, V.Agg) and isinstance(value.ty, T.Array):
            return V.IterV("owned_array", value.fields, 0, len(value.fields), 1, value)
        raise InternalLimit("iterating over this value", expr.span)

    def iter_next(self, it: V.IterV):
        if it.pos >= it.end:
            return None
        i = it.pos
        it.pos += 1
        if it.kind == "range":
            return i, None
        if it.kind == "char_range":
            return chr(i), T.CHAR
        if it.kind in ("ref", "mut"):
            sl = it.source
            size = self.layouts.size_of(sl.elem_ty)
            root = ("heap", sl.root_block, i) if sl.root_block else None
            place = V.Place(it.items, i, sl.addr + (i - sl.start) * size, sl.elem_ty, root)
            return V.RefV(place, it.kind == "mut"), T.Ref(sl.elem_ty, it.kind == "mut")
        value = it.items[i]
        it.items[i] = V.MOVED
        elem = it.source.ty.args[0] if it.kind == "owned" else it.source.ty.elem
        return value, elem

    def finish_iter(self, it: V.IterV):
        """An owning iterator drops the elements it did not hand out, then frees the Vec's buffer."""
        if it.kind not in ("owned", "owned_array"):
            return
        elem = it.source.ty.args[0] if it.kind == "owned" else it.source.ty.elem
        for i in range(it.pos, it.end):
            yield from self.drop_place(V.Place(it.items, i, 0, elem, None), "element")
        if it.kind == "owned" and it.source.block is not None and not it.source.block.freed:
            self.free(it.source.block)


# The float constants as the exact binary values std defines (f32 ones are exactly representable as f64).
_F64_CONSTS = {
    "MAX": 1.7976931348623157e308,
    "MIN": -1.7976931348623157e308,
    "EPSILON": 2.220446049250313e-16,
    "MIN_POSITIVE": 2.2250738585072014e-308,
    "INFINITY": math.inf,
    "NEG_INFINITY": -math.inf,
    "NAN": math.nan,
}
_F32_CONSTS = {
    "MAX": 3.4028234663852886e38,
    "MIN": -3.4028234663852886e38,
    "EPSILON": 1.1920928955078125e-07,
    "MIN_POSITIVE": 1.1754943508222875e-38,
    "INFINITY": math.inf,
    "NEG_INFINITY": -math.inf,
    "NAN": math.nan,
}

# Where std's integer methods panic (rustc 1.95): core/src/num/mod.rs, at the type's `int_impl!`/`uint_impl!` line.
_CORE_NUM = "/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/num/mod.rs"
_INT_IMPL_LINE = {
    "i8": 346,
    "i16": 370,
    "i32": 394,
    "i64": 418,
    "i128": 442,
    "isize": 519,
    "u8": 546,
    "u16": 1188,
    "u32": 1243,
    "u64": 1274,
    "u128": 1305,
    "usize": 1400,
}

SLICE_METHODS = {"len", "is_empty", "iter", "iter_mut", "contains", "get", "first", "last", "swap"}


def _powf(base: float, exponent) -> float:
    """IEEE pow: 0.0 to a negative power is infinity (Python raises instead); overflow is infinity."""
    try:
        return float(base) ** exponent
    except ZeroDivisionError:
        odd = isinstance(exponent, int) and exponent % 2 == 1
        return math.copysign(math.inf, base if odd else 1.0)
    except OverflowError:
        return math.inf if base > 0 or (isinstance(exponent, int) and exponent % 2 == 0) else -math.inf


def _strip_ref_types(ty: T.Ty) -> T.Ty:
    while isinstance(ty, T.Ref):
        ty = ty.inner
    return ty


def _slice_items(value) -> list:
    if isinstance(value, V.SliceV):
        return value.holder[value.start : value.end]
    if isinstance(value, V.RefV):
        inner = value.place.get()
        if isinstance(inner, V.VecV):
            return list(inner.block.items) if inner.block is not None else []
        if isinstance(inner, V.Agg):
            return list(inner.fields)
    return []


register(S.Call, StdMixin.ev_call)
register(S.MethodCall, StdMixin.ev_method_call)
