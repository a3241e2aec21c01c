"""Evaluating expressions: values, places (where a value lives), moves and copies, operators, control flow."""

from __future__ import annotations

from whiteboard.model import syntax as S
from whiteboard.model import types as T
from whiteboard.sim import events as E
from whiteboard.sim import values as V
from whiteboard.sim.arith import ArithPanic, cast, compare, float_binary, int_binary
from whiteboard.sim.control import Break, Continue, InternalLimit, Panic, Return
from whiteboard.sim.fmt import escape_debug


class ExprMixin:
    # ------------------------------------------------------------------------------------------------- dispatch

    def eval(self, e):
        handler = _VALUE_HANDLERS.get(type(e))
        if handler is None:
            raise InternalLimit(_describe(e), e.span)
        return handler(self, e)

    def ty(self, e) -> T.Ty:
        return self.expr_types[e.id]

    def panic(self, message: str, span: tuple, location: str | None = None) -> Panic:
        """Print the panic message the way std's default hook does, and return the exception that unwinds.
        `location` replaces `path:line:col` for panics std raises from its own code (not #[track_caller])."""
        where = location or f"{self.program.path}:{span[0]}:{span[1]}"
        self.write_out(
            "stderr",
            f"\nthread 'main' panicked at {where}:\n{message}\n"
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n",
        )
        if self.recorder is not None:
            self.emit(E.Panicked(message, span[0], span[1]))
        return Panic(message, span)

    # ---------------------------------------------------------------------------------------------- copy / move

    def is_copy(self, ty: T.Ty) -> bool:
        cache = self.__dict__.setdefault("_copy_cache", {})
        known = cache.get(ty)
        if known is None:
            known = cache[ty] = self.info.is_copy(ty)
        return known

    def copy_value(self, value):
        if isinstance(value, V.Agg):
            return V.Agg(value.ty, [self.copy_value(v) for v in value.fields])
        if isinstance(value, V.EnumV):
            return V.EnumV(value.ty, value.variant, [self.copy_value(v) for v in value.fields])
        return value

    def read_place(self, place: V.Place, node=None):
        """Use the value in a place: Copy types are copied, others moved out (the place keeps the MOVED mark)."""
        value = place.get()
        if value is V.MOVED or value is V.UNINIT:
            raise InternalLimit(
                "use of a moved or uninitialised value", node.span if node is not None else (0, 0, 0, 0)
            )
        ty = place.ty
        if self.is_copy(ty):
            copied = self.copy_value(value)
            if self.recorder is not None and place.root is not None:
                self.emit(E.ValueCopied(place.root, None))
            return copied
        if isinstance(value, (V.RefV, V.SliceV)):
            return value  # `&mut` passed on is a reborrow: the original stays usable
        place.set(V.MOVED)
        if self.recorder is not None and place.root is not None:
            self.emit(E.ValueMoved(place.root, place.path, None))
            self.root_changed(place.root)
        return value

    # --------------------------------------------------------------------------------------------------- places

    def place(self, e):
        """The place an expression denotes; an rvalue gets a temporary place."""
        if isinstance(e, S.Path):
            place = self.path_place(e)
            if place is not None:
                return place
        elif isinstance(e, S.FieldAccess):
            base = yield from self.place(e.expr)
            return self.field_place(self.auto_deref(base), e.name, e)
        elif isinstance(e, S.Index):
            base = yield from self.place(e.expr)
            f = self.simple(e.index)
            index = f() if f is not None else (yield from self.eval(e.index))
            return self.index_place(self.auto_deref(base), index, e)
        elif isinstance(e, S.Unary) and e.op == "*":
            inner = yield from self.place(e.expr)
            return self.deref_place(inner, e)
        value = yield from self.eval(e)
        place = V.Place([value], 0, 0, self.ty(e), None)
        if self.info.needs_drop(place.ty):
            self.temps.append(place)  # dropped at the end of the enclosing statement
        return place

    def path_place(self, e: S.Path) -> V.Place | None:
        res = self.resolutions.get(e.id)
        frame = self.frames[-1]
        if res is None or res[0] in ("self",) or (res[0] == "local" and e.segments == ("self",)):
            if e.segments == ("self",) and frame.self_slot is not None:
                slot = frame.self_slot
                return V.Place(slot.cell, 0, slot.addr, slot.ty, ("slot", slot.id))
            return None
        if res[0] == "local":
            slot = frame.slots.get(res[1])
            if slot is None:
                raise InternalLimit(f"the variable `{e.segments[-1]}` is not live here", e.span)
            return V.Place(slot.cell, 0, slot.addr, slot.ty, ("slot", slot.id))
        if res[0] == "static":
            slot = self.static_slots[res[1]]
            return V.Place(slot.cell, 0, slot.addr, slot.ty, ("static", slot.id))
        return None

    def deref_place(self, place: V.Place, node) -> V.Place:
        value = place.get()
        if isinstance(value, V.RefV):
            return value.place
        if isinstance(value, V.BoxV):
            block = value.block
            inner = place.ty.args[0] if isinstance(place.ty, T.Adt) else T.UNIT
            if block is None:
                return V.Place([()], 0, 1, inner, None)
            return V.Place(block.items, 0, block.addr, inner, ("heap", block.id, 0))
        if isinstance(value, V.RcV):
            block = value.block
            inner = place.ty.args[0] if isinstance(place.ty, T.Adt) else T.UNIT
            return V.Place(block.items, 0, block.addr + block.value_offset, inner, ("heap", block.id, 0))
        raise InternalLimit("dereferencing this value", node.span)

    def auto_deref(self, place: V.Place) -> V.Place:
        """Follow references and smart pointers until a place holding a plain value (field access, indexing)."""
        while True:
            value = place.get()
            if isinstance(value, (V.RefV, V.BoxV, V.RcV)):
                place = self.deref_place(place, None)
            else:
                return place

    def field_place(self, base: V.Place, name: str, node) -> V.Place:
        agg = base.get()
        if not isinstance(agg, (V.Agg, V.EnumV)):
            raise InternalLimit(f"the field `{name}` of this value", node.span)
        layout = self.layouts.layout(base.ty)
        for i, field in enumerate(layout.fields):
            if field.name == name:
                return V.Place(agg.fields, i, base.addr + field.offset, field.ty, base.root, base.path + (name,))
        raise InternalLimit(f"the field `{name}`", node.span)

    def index_place(self, base: V.Place, index, node) -> V.Place:
        container = base.get()
        if isinstance(container, V.VecV):
            items = container.block.items if container.block is not None else []
            elem = container.ty.args[0]
            # Vec indexing goes through `Index::index` (#[track_caller]); rustc points at the `[`. Array
            # indexing is a built-in bounds check that points at the whole expression.
            self.check_index(index, len(items), node, _bracket_span(node))
            size = self.layouts.size_of(elem)
            block = container.block
            return V.Place(items, index, block.addr + index * size, elem, ("heap", block.id, index))
        if isinstance(container, V.Agg) and isinstance(container.ty, T.Array):
            elem = container.ty.elem
            self.check_index(index, len(container.fields), node)
            size = self.layouts.size_of(elem)
            return V.Place(container.fields, index, base.addr + index * size, elem, base.root, base.path + (index,))
        if isinstance(container, V.SliceV):
            self.check_index(index, container.length, node)  # a built-in check: the whole expression
            size = self.layouts.size_of(container.elem_ty)
            root = ("heap", container.root_block, container.start + index) if container.root_block else None
            return V.Place(
                container.holder, container.start + index, container.addr + index * size, container.elem_ty, root
            )
        raise InternalLimit("indexing this value", node.span)

    def check_index(self, index, length: int, node, span=None) -> None:
        if not isinstance(index, int):
            raise InternalLimit("indexing with a range outside `&v[a..b]`", node.span)
        if index >= length:
            raise self.panic(f"index out of bounds: the len is {length} but the index is {index}", span or node.span)

    # --------------------------------------------------------------------------------------------------- values

    def ev_lit(self, e: S.Lit):
        if e.kind == "str":
            return self.str_literal(e.value)
        value = e.value
        ty = self.expr_types.get(e.id)  # enum discriminants are typed by the enum's repr, not recorded
        if e.kind == "float" or (e.kind == "int" and isinstance(ty, T.Float)):
            value = float(value)
            if ty == T.Float("f32"):
                from whiteboard.sim.arith import to_f32

                value = to_f32(value)
        return value
        yield  # noqa: B901 - makes this a generator like every evaluator

    def str_literal(self, text: str) -> V.StrV:
        addr, first = self.statics.literal(text)
        if first and self.recorder is not None:
            sid = self.new_id()
            self.emit(E.StaticDefined(sid, text, "str", addr, len(text.encode()), ("scalar", '"' + text + '"')))
        return V.StrV(text, addr)

    def ev_path(self, e: S.Path):
        place = self.path_place(e)
        if place is not None:
            return self.read_place(place, e)
        res = self.resolutions.get(e.id) or ("?",)
        kind = res[0]
        if kind == "const":
            return self.const_value(res[1], e)
        if kind == "variant":
            return V.EnumV(self.ty(e), res[2], [])
        if kind == "struct":
            return V.Agg(self.ty(e), [])
        if kind == "std" and res[1].endswith("None"):
            return V.EnumV(self.ty(e), "None", [])
        if kind == "std" and "::" in res[1] and res[1].rsplit("::", 1)[1].isupper():
            return self.assoc_const(res[1])  # i32::MAX, f64::EPSILON …
        raise InternalLimit(f"the value `{'::'.join(e.segments)}`", e.span)
        yield  # noqa: B901

    def simple_operands(self, exprs: list) -> list | None:
        """All operands at once when every one is simple (the common `f(n - 1)`), else None."""
        fs = [self.simple(x) for x in exprs]
        if None in fs:
            return None
        return [f() for f in fs]

    def eval_operands(self, exprs: list, types: list | None = None):
        """Evaluate arguments or the parts of a literal, left to right. If one panics, those already evaluated are
        temporaries of the statement: they drop, last first, as the panic unwinds."""
        values: list = []
        try:
            for i, x in enumerate(exprs):
                f = self.simple(x)
                value = f() if f is not None else (yield from self.eval(x))
                values.append(self.coerce(value, types[i]) if types is not None else value)
        except Panic:
            for value, x in reversed(list(zip(values, exprs))):
                yield from self.drop_temporary(value, self.ty(x))
            raise
        return values

    def ev_place_read(self, e):
        """A field access, index or deref used as a value: read (copy or move) from the place it denotes."""
        place = yield from self.place(e)
        return self.read_place(place, e)

    def const_value(self, name: str, node):
        if name not in self.const_values:
            item = self.info.consts.get(name)  # top-level and fn-local consts alike
            if item is None:
                raise InternalLimit(f"the constant `{name}`", node.span)
            self.const_values[name] = self.const_eval(item.value)
        return self.copy_value(self.const_values[name])

    def ev_unary(self, e: S.Unary):
        if e.op == "*":
            place = yield from self.place(e)
            return self.read_place(place, e)
        value = yield from self.eval(e.expr)
        ty = self.ty(e)
        if e.op == "!":
            if isinstance(value, bool):
                return not value
            return value ^ ty.max if not ty.signed else ~value
        if isinstance(ty, T.Int) and ty.signed and value == ty.min:
            raise self.panic("attempt to negate with overflow", e.span)
        return -value

    def ev_addr_of(self, e: S.AddrOf):
        inner = e.expr
        if isinstance(inner, S.Index) and isinstance(inner.index, S.Range):
            return (yield from self.slice_of(inner, e.mutable))
        place = yield from self.place(inner)
        return V.RefV(place, e.mutable)

    def slice_of(self, index: S.Index, mutable: bool):
        """`&v[a..b]` / `&s[a..b]`: a fat pointer into the Vec's, array's or String's bytes, bounds checked with
        core's messages. Slicing goes through `Index::index` (#[track_caller]), so panics point at the `[`."""
        base = yield from self.place(index.expr)
        base = self.auto_deref(base)
        rng = yield from self.eval(index.index)
        value = base.get()
        where = _bracket_span(index)
        if _is_text(value):
            text = self.text_of(value)
            data = text.encode()
            start = rng.start or 0
            end = len(data) if rng.end is None else rng.end + (1 if rng.inclusive else 0)
            message = _str_slice_error(text, data, start, end)
            if message:
                raise self.panic(message, where)
            addr = value.addr if isinstance(value, V.StrV) else (value.block.addr if value.block else 1)
            return V.StrV(data[start:end].decode(), addr + start, value.block)
        length = self.slice_over(base, 0, None, False).length
        start = rng.start or 0
        if rng.end is None:
            if start > length:
                raise self.panic(f"range start index {start} out of range for slice of length {length}", where)
            end = length
        else:
            end = rng.end + (1 if rng.inclusive else 0)
            if start > end:
                raise self.panic(f"slice index starts at {start} but ends at {end}", where)
            if end > length:
                raise self.panic(f"range end index {end} out of range for slice of length {length}", where)
        return self.slice_over(base, start, end, mutable)

    def eval_condition(self, e):
        """A condition (`if`, `while`, an operand of `&&`/`||`, a match guard): its temporaries drop right after."""
        mark = len(self.temps)
        f = self.simple(e)
        value = f() if f is not None else (yield from self.eval(e))
        if len(self.temps) > mark:
            yield from self.drop_temps(mark)
        return value

    def ev_binary(self, e: S.Binary):
        op = e.op
        if op in ("&&", "||"):
            # Each operand of a lazy boolean operator is its own temporary scope.
            left = yield from self.eval_condition(e.lhs)
            if left == (op == "||"):
                return left
            return (yield from self.eval_condition(e.rhs))
        whole = self.simple(e)
        if whole is not None:
            return whole()
        if op in _COMPARISONS:  # PartialEq/PartialOrd take their operands by reference: nothing moves
            left = yield from self.arg_value(e.lhs)
            right = yield from self.arg_value(e.rhs)
        else:
            f = self.simple(e.lhs)
            left = f() if f is not None else (yield from self.eval(e.lhs))
            f = self.simple(e.rhs)
            right = f() if f is not None else (yield from self.eval(e.rhs))
        return self.binary(op, left, right, self.ty(e.lhs), e)

    def binary(self, op: str, left, right, ty: T.Ty, node):
        # `&a + b`, `x * &y`: std implements the operators for references to numbers too.
        while isinstance(left, V.RefV):
            left = left.place.get()
        while isinstance(right, V.RefV):
            right = right.place.get()
        while isinstance(ty, T.Ref):
            ty = ty.inner
        if op in ("==", "!=", "<", "<=", ">", ">="):
            return compare(op, self.comparable(left), self.comparable(right))
        try:
            if isinstance(ty, T.Int):
                return int_binary(op, left, right, ty)
            if isinstance(ty, T.Float):
                return float_binary(op, left, right, ty)
        except ArithPanic as err:
            raise self.panic(err.message, node.span) from None
        if isinstance(ty, T.Bool):
            return {"&": left and right, "|": left or right, "^": left != right}[op]
        if op == "+" and isinstance(left, V.VecV):
            return self.string_add(left, right, node)
        raise InternalLimit(f"the operator `{op}` on `{ty}`", node.span)

    def comparable(self, value):
        """A Python value that compares like the Rust value does (derive(PartialEq, PartialOrd) order). NaN becomes
        a fresh object equal to nothing: Python's tuples and lists would otherwise call a NaN equal to itself."""
        if value.__class__ is float and value != value:
            return _NaN()
        if isinstance(value, V.RefV):
            return self.comparable(value.place.get())
        if isinstance(value, V.StrV):
            return value.text
        if isinstance(value, V.VecV):
            if value.ty == T.STRING:
                return self.string_text(value)
            return [self.comparable(v) for v in (value.block.items if value.block else [])]
        if isinstance(value, V.BoxV):
            return self.comparable(value.block.items[0]) if value.block else ()
        if isinstance(value, V.RcV):
            return self.comparable(value.block.items[0])
        if isinstance(value, V.Agg):
            if isinstance(value.ty, T.Array):
                return [self.comparable(v) for v in value.fields]  # so `vec == [1, 2, 3]` compares equal
            return tuple(self.comparable(v) for v in value.fields)
        if isinstance(value, V.EnumV):
            return (self.variant_index(value), tuple(self.comparable(v) for v in value.fields))
        if isinstance(value, V.SliceV):
            return [self.comparable(v) for v in value.holder[value.start : value.end]]
        return value

    def variant_index(self, value: V.EnumV) -> int:
        if isinstance(value.ty, T.Adt) and value.ty.name == "Option":
            return 0 if value.variant == "None" else 1
        enum = self.info.enums.get(value.ty.name) if isinstance(value.ty, T.Adt) else None
        if enum is None:
            return 0
        return next(i for i, v in enumerate(enum.variants) if v.name == value.variant)

    def ev_assign(self, e: S.Assign):
        if e.op is None:
            f = self.simple(e.value)
            value = f() if f is not None else (yield from self.eval(e.value))
            place = self.path_place(e.target) if type(e.target) is S.Path else None
            if place is None:
                place = yield from self.place(e.target)
            old = place.get()
            value = self.coerce(value, place.ty)
            if old is not V.UNINIT and old is not V.MOVED and self.info.needs_drop(place.ty):
                # `x = new`: the new value is computed first, then the old one is dropped in place.
                yield from self.drop_place(place, _describe_place(e.target))
            place.set(value)
        else:
            # For primitive operands rustc evaluates the right-hand side before the place (`v[i()] += f()`
            # calls f first).
            f = self.simple(e.value)
            rhs = f() if f is not None else (yield from self.eval(e.value))
            place = self.path_place(e.target) if type(e.target) is S.Path else None
            if place is None:
                place = yield from self.place(e.target)
            if isinstance(place.get(), V.VecV) and e.op == "+":
                self.string_push_str(place, self.text_of(rhs), e)
                return ()
            place.set(self.binary(e.op, place.get(), rhs, place.ty, e))
        self.root_changed(place.root)
        return ()

    def ev_cast(self, e: S.Cast):
        value = yield from self.eval(e.expr)
        if isinstance(value, V.EnumV):
            value = self.discriminant(value)
        return cast(value, self.ty(e.expr), self.ty(e))

    def discriminant(self, value: V.EnumV) -> int:
        """A field-less enum's discriminant: the written `= n`, else one more than the previous variant's."""
        enum = self.info.enums[value.ty.name]
        current = -1
        for variant in enum.variants:
            current = self.const_eval(variant.discriminant) if variant.discriminant is not None else current + 1
            if variant.name == value.variant:
                return current
        raise InternalLimit(f"the variant `{value.variant}`", (0, 0, 0, 0))

    def ev_tuple(self, e: S.TupleLit):
        if not e.elems:
            return ()
        return V.Agg(self.ty(e), (yield from self.eval_operands(e.elems)))

    def ev_array(self, e: S.ArrayLit):
        ty = self.ty(e)
        return V.Agg(ty, (yield from self.eval_operands(e.elems, [ty.elem] * len(e.elems))))

    def ev_array_repeat(self, e: S.ArrayRepeat):
        value = yield from self.eval(e.value)
        count = yield from self.eval(e.count)
        return V.Agg(self.ty(e), [self.copy_value(value) for _ in range(count)])

    def ev_range(self, e: S.Range):
        start = (yield from self.eval(e.start)) if e.start is not None else None
        end = (yield from self.eval(e.end)) if e.end is not None else None
        return V.RangeV(start, end, e.inclusive)

    def ev_struct(self, e: S.StructLit):
        ty = self.ty(e)
        given: dict[str, object] = {}
        for name, expr in e.fields:  # evaluated in the order written, as Rust does
            given[name] = yield from self.eval(expr)
        layout = self.layouts.layout(ty)
        variant_fields = layout.fields
        res = self.resolutions.get(e.path.id)
        variant = None
        if res is not None and res[0] == "variant":
            variant = res[2]
            variant_fields = next(v.fields for v in layout.variants if v.name == variant)
        base = None
        if e.base is not None:
            # `..base` moves (or copies) only the fields not written out; the rest of `base` stays where it is.
            base = yield from self.place(e.base)
            base = self.auto_deref(base)
        values = []
        for field in variant_fields:
            if field.name in given:
                values.append(self.coerce(given[field.name], field.ty))
            elif base is not None:
                values.append(self.read_place(self.field_place(base, field.name, e), e))
        if variant is not None:
            return V.EnumV(ty, variant, values)
        return V.Agg(ty, values)

    def ev_block(self, e: S.Block):
        return (yield from self.eval_block(e))

    def ev_if(self, e: S.If):
        if isinstance(e.cond, S.LetCond):
            self.step(e.cond.span, "if let")
            mark = len(self.temps)
            scrutinee = yield from self.place(e.cond.expr)
            if self.pattern_matches(e.cond.pattern, scrutinee.get(), scrutinee.ty):
                value = yield from self.in_binding_scope(e.cond.pattern, scrutinee, e.then)
                yield from self.drop_temps(mark)
                return value
            # Edition 2024: the scrutinee's temporaries are dropped before the else block runs.
            yield from self.drop_temps(mark)
            return (yield from self.eval_else(e))
        self.step(e.cond.span, "if ", e.cond.span)
        cond = yield from self.eval_condition(e.cond)
        if cond:
            return (yield from self.eval_block(e.then))
        return (yield from self.eval_else(e))

    def in_binding_scope(self, pattern, scrutinee: V.Place, body):
        """Bind a pattern in a scope of its own, evaluate `body`, and drop the bindings however the body ends."""
        frame = self.frames[-1]
        self.open_scope(frame)
        try:
            yield from self.bind_pattern(pattern, scrutinee, scrutinee.ty, frame, fresh=True, from_place=True)
            value = yield from self.eval(body)
        except (Break, Continue, Return):
            yield from self.close_scope(frame)
            raise
        yield from self.close_scope(frame)
        return value

    def eval_else(self, e: S.If):
        if e.orelse is None:
            return ()
        if isinstance(e.orelse, S.If):
            return (yield from self.ev_if(e.orelse))
        return (yield from self.eval_block(e.orelse))

    def ev_while(self, e: S.While):
        while True:
            try:
                if isinstance(e.cond, S.LetCond):
                    self.step(e.cond.span, "while let")
                    mark = len(self.temps)
                    scrutinee = yield from self.place(e.cond.expr)
                    if not self.pattern_matches(e.cond.pattern, scrutinee.get(), scrutinee.ty):
                        yield from self.drop_temps(mark)
                        return ()
                    try:
                        yield from self.in_binding_scope(e.cond.pattern, scrutinee, e.body)
                    except (Break, Continue, Return):
                        yield from self.drop_temps(mark)
                        raise
                    yield from self.drop_temps(mark)  # the scrutinee's temporaries live for one iteration
                else:
                    self.step(e.cond.span, "while ", e.cond.span)
                    if not (yield from self.eval_condition(e.cond)):
                        return ()
                    yield from self.eval_block(e.body)
            except Break as brk:
                if brk.label is None or brk.label == e.label:
                    return ()
                raise
            except Continue as cont:
                if cont.label is not None and cont.label != e.label:
                    raise

    def ev_loop(self, e: S.Loop):
        while True:
            try:
                yield from self.eval_block(e.body)
            except Break as brk:
                if brk.label is None or brk.label == e.label:
                    return brk.value if brk.value is not None else ()
                raise
            except Continue as cont:
                if cont.label is not None and cont.label != e.label:
                    raise

    def ev_for(self, e: S.For):
        self.step(e.iter.span, "for ", e.iter.span)
        iterator = yield from self.make_iter(e.iter)
        frame = self.frames[-1]
        while True:
            item = self.iter_next(iterator)
            if item is None:
                break
            self.step(e.pattern.span, "next: ", e.pattern.span)
            depth = len(frame.scopes)
            self.open_scope(frame)
            try:
                yield from self.bind_pattern(e.pattern, item[0], item[1], frame, fresh=True)
                yield from self.eval_block(e.body)
            except Break as brk:
                yield from self.close_scope(frame)
                if brk.label is None or brk.label == e.label:
                    break
                yield from self.finish_iter(iterator)
                raise
            except Continue as cont:
                if cont.label is not None and cont.label != e.label:
                    yield from self.close_scope(frame)
                    yield from self.finish_iter(iterator)
                    raise
            except (Return, Panic):
                # Leaving the loop early (or unwinding): what the body and the loop variable hold goes first, then
                # what the iterator still holds.
                while len(frame.scopes) > depth:
                    yield from self.close_scope(frame)
                yield from self.finish_iter(iterator)
                raise
            yield from self.close_scope(frame)
        yield from self.finish_iter(iterator)
        return ()

    def ev_break(self, e: S.Break):
        value = (yield from self.eval(e.value)) if e.value is not None else None
        raise Break(e.label, value)

    def ev_continue(self, e: S.Continue):
        raise Continue(e.label)
        yield  # noqa: B901

    def ev_return(self, e: S.Return):
        value = (yield from self.eval(e.value)) if e.value is not None else ()
        raise Return(value)

    def ev_match(self, e: S.Match):
        self.step(e.scrutinee.span, "match ", e.scrutinee.span)
        scrutinee = yield from self.place(e.scrutinee)
        frame = self.frames[-1]
        for arm in e.arms:
            if not self.pattern_matches(arm.pattern, scrutinee.get(), scrutinee.ty):
                continue
            if arm.guard is not None:
                self.open_scope(frame)
                yield from self.bind_pattern(
                    arm.pattern, scrutinee, scrutinee.ty, frame, fresh=True, from_place=True, dry=True
                )
                passed = yield from self.eval_condition(arm.guard)
                yield from self.close_scope(frame, dropping=False)
                if not passed:
                    continue
            self.step(arm.body.span, "", arm.body.span)
            value = yield from self.in_binding_scope(arm.pattern, scrutinee, arm.body)
            return value
        raise InternalLimit("a `match` with no arm for this value", e.span)

    def ev_let_cond(self, e: S.LetCond):
        raise InternalLimit("`let` in this position (let chains)", e.span)
        yield  # noqa: B901

    def ev_macro(self, e: S.MacroCall):
        raise InternalLimit(f"the macro `{e.name}!`", e.span)
        yield  # noqa: B901

    def ev_offset_of(self, e: S.OffsetOf):
        layout = self.layouts.layout(e.ty)
        for field in layout.fields:
            if field.name == e.field:
                return field.offset
        raise InternalLimit(f"offset_of! of `{e.field}`", e.span)
        yield  # noqa: B901

    # ------------------------------------------------------------------------------------------------ coercions

    def coerce(self, value, target: T.Ty | None):
        """Deref coercions at a typed site: `&String` → `&str`, `&Vec<T>` / `&[T; N]` → `&[T]`, `&Box<T>` → `&T`."""
        if target is None or not isinstance(value, V.RefV) or not isinstance(target, T.Ref):
            return value
        inner = target.inner
        pointee = value.place.get()
        if isinstance(inner, T.Str) and isinstance(pointee, V.VecV):
            return self.str_of_string(pointee)
        if isinstance(inner, T.Slice):
            return self.slice_over(value.place, 0, None, value.mutable)
        if isinstance(pointee, (V.BoxV, V.RcV)) and not (isinstance(inner, T.Adt) and inner.name in ("Box", "Rc")):
            return V.RefV(self.deref_place(value.place, None), value.mutable)
        if isinstance(pointee, V.RefV) and not isinstance(inner, T.Ref):
            return self.coerce(pointee, target)
        return value


def _str_slice_error(text: str, data: bytes, start: int, end: int) -> str | None:
    """core::str::slice_error_fail's message for `&s[start..end]`, or None when the slice is fine."""
    if start > len(data) or end > len(data):
        which, at = ("start", start) if start > len(data) else ("end", end)
        return f"{which} byte index {at} is out of bounds of `{text}`"
    if start > end:
        return f"begin > end ({start} > {end}) when slicing `{text}`"
    for which, at in (("start", start), ("end", end)):
        if 0 < at < len(data) and (data[at] & 0xC0) == 0x80:
            first = at
            while (data[first] & 0xC0) == 0x80:
                first -= 1
            char = data[first:].decode(errors="ignore")[0]
            last = first + len(char.encode())
            return (
                f"{which} byte index {at} is not a char boundary; it is inside {escape_char_debug(char)} "
                f"(bytes {first}..{last}) of `{text}`"
            )
    return None


def escape_char_debug(char: str) -> str:
    return "'" + escape_debug(char, "'") + "'"


def _bracket_span(node) -> tuple:
    base = node.expr.span
    return (base[2], base[3], base[2], base[3] + 1)


class _NaN:
    __slots__ = ()

    def __eq__(self, other):
        return False

    def __ne__(self, other):
        return True

    def __lt__(self, other):
        return False

    __le__ = __gt__ = __ge__ = __lt__
    __hash__ = None


_COMPARISONS = frozenset(("==", "!=", "<", "<=", ">", ">="))


def _is_text(value) -> bool:
    return isinstance(value, V.StrV) or (isinstance(value, V.VecV) and value.ty == T.STRING)


def _describe(e) -> str:
    names = {"LetCond": "`let` in this position", "MacroCall": "this macro"}
    return names.get(type(e).__name__, f"the expression kind `{type(e).__name__}`")


def _describe_place(e) -> str:
    if isinstance(e, S.Path):
        return e.segments[-1]
    if isinstance(e, S.FieldAccess):
        return f"{_describe_place(e.expr)}.{e.name}"
    if isinstance(e, S.Index):
        return f"{_describe_place(e.expr)}[…]"
    if isinstance(e, S.Unary):
        return "*" + _describe_place(e.expr)
    return "value"


_VALUE_HANDLERS = {
    S.Lit: ExprMixin.ev_lit,
    S.Path: ExprMixin.ev_path,
    S.Unary: ExprMixin.ev_unary,
    S.FieldAccess: ExprMixin.ev_place_read,
    S.Index: ExprMixin.ev_place_read,
    S.AddrOf: ExprMixin.ev_addr_of,
    S.Binary: ExprMixin.ev_binary,
    S.Assign: ExprMixin.ev_assign,
    S.Cast: ExprMixin.ev_cast,
    S.TupleLit: ExprMixin.ev_tuple,
    S.ArrayLit: ExprMixin.ev_array,
    S.ArrayRepeat: ExprMixin.ev_array_repeat,
    S.Range: ExprMixin.ev_range,
    S.StructLit: ExprMixin.ev_struct,
    S.Block: ExprMixin.ev_block,
    S.If: ExprMixin.ev_if,
    S.While: ExprMixin.ev_while,
    S.Loop: ExprMixin.ev_loop,
    S.For: ExprMixin.ev_for,
    S.Break: ExprMixin.ev_break,
    S.Continue: ExprMixin.ev_continue,
    S.Return: ExprMixin.ev_return,
    S.Match: ExprMixin.ev_match,
    S.LetCond: ExprMixin.ev_let_cond,
    S.MacroCall: ExprMixin.ev_macro,
    S.OffsetOf: ExprMixin.ev_offset_of,
}


def register(node_type, handler) -> None:
    """Other mixins (calls, macros) add their evaluators here."""
    _VALUE_HANDLERS[node_type] = handler
