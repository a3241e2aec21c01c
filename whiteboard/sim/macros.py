"""Macros (println!, format!, panic!, assert*!, vec!) and String, which they produce and print."""

from __future__ import annotations

from whiteboard.model import syntax as S
from whiteboard.model import types as T
from whiteboard.sim import events as E
from whiteboard.sim import values as V
from whiteboard.sim.control import InternalLimit
from whiteboard.sim.exprs import register
from whiteboard.sim.fmt import (
    Spec,
    TemplateError,
    escape_debug,
    format_float,
    format_int,
    pad,
    pad_number,
    parse_template,
)

PANIC_DEFAULTS = {
    "panic": "explicit panic",
    "unreachable": "internal error: entered unreachable code",
    "todo": "not yet implemented",
    "unimplemented": "not implemented",
}


class MacroMixin:
    # -------------------------------------------------------------------------------------------------- format!

    def ev_format(self, e: S.FormatMacro):
        pieces = yield from self.format_pieces(e)
        text = "".join(pieces)
        macro = e.macro
        if macro in ("println", "eprintln"):
            self.write_out("stdout" if macro == "println" else "stderr", text + "\n")
            return ()
        if macro in ("print", "eprint"):
            self.write_out("stdout" if macro == "print" else "stderr", text)
            return ()
        if macro == "format":
            return self.formatted_string(pieces, e)
        if macro in PANIC_DEFAULTS:
            default = PANIC_DEFAULTS[macro]
            if e.template is None:
                message = default
            elif macro == "panic":
                message = text
            else:
                message = f"{default}: {text}"
            raise self.panic(message, e.span)
        raise InternalLimit(f"the macro `{macro}!`", e.span)

    def format_args(self, e: S.FormatMacro):
        return "".join((yield from self.format_pieces(e)))

    def format_pieces(self, e: S.FormatMacro):
        """The formatted text as the writes `core::fmt::write` makes: literal pieces and one per argument."""
        if e.template is None:
            return []
        try:
            parts = parse_template(e.template)
        except TemplateError as err:
            raise InternalLimit(f"this format string ({err})", e.template_span) from None
        positional = [a for a in e.args if a.name is None]
        named = {a.name: a for a in e.args if a.name is not None}
        # Arguments are evaluated once each, in order, before formatting (format_args! takes references).
        values: dict[int, tuple] = {}
        for arg in e.args:
            values[arg.id] = ((yield from self.arg_value(arg.expr)), self.ty(arg.expr))
        out: list[str] = []
        next_index = 0
        for part in parts:
            if isinstance(part, str):
                out.append(part)
                continue
            precision = None
            if part.precision == ("*",):  # `{:.*}` takes the precision, then the value, from the positional list
                precision = values[positional[next_index].id][0]
                next_index += 1
            if part.arg is None:
                value, ty = values[positional[next_index].id]
                next_index += 1
            elif isinstance(part.arg, int):
                value, ty = values[positional[part.arg].id]
            elif part.arg in named:
                value, ty = values[named[part.arg].id]
            else:
                value, ty = self.captured(part.arg, e)
            width = self.count_value(part.width, positional, named, values, e)
            if precision is None:
                precision = self.count_value(part.precision, positional, named, values, e)
            out.append(self.format_one(value, ty, part, width, precision))
        return out

    def arg_value(self, expr):
        """A formatting argument is borrowed, not moved: read it in place when it is a place."""
        f = self.simple(expr)
        if f is not None:
            return f()
        # An rvalue gets a temporary place (dropped at the end of the statement), a place is read where it is.
        place = yield from self.place(expr)
        return place.get()

    def captured(self, name: str, e):
        """`{x}` inside the template names a variable in scope."""
        frame = self.frames[-1]
        for scope in reversed(frame.scopes):
            for slot in reversed(scope):
                if slot.name == name:
                    return slot.cell[0], slot.ty
        if name == "self" and frame.self_slot is not None:
            return frame.self_slot.cell[0], frame.self_slot.ty
        if name in self.static_slots:
            slot = self.static_slots[name]
            return slot.cell[0], slot.ty
        for item in self.program.items:
            if isinstance(item, S.ConstDef) and item.name == name:
                return self.const_value(name, e), item.ty
        raise InternalLimit(f"the format argument `{name}`", e.template_span)

    def count_value(self, count, positional, named, values, e):
        if not isinstance(count, tuple):
            return count  # None or a literal number
        ref = count[1]
        if isinstance(ref, int):
            return values[positional[ref].id][0]
        if ref in named:
            return values[named[ref].id][0]
        return self.captured(ref, e)[0]

    def format_one(self, value, ty: T.Ty, spec: Spec, width, precision) -> str:
        value, ty = _deref(value, ty)
        if spec.kind == "?":
            # Debug passes the formatter on: width, precision and sign apply to each number and string inside.
            return self.debug(value, ty, spec.alternate, 0, (spec, width, precision))
        if isinstance(value, bool):
            return pad("true" if value else "false", spec, width)
        if isinstance(value, int):
            return pad_number(format_int(value, ty, spec), spec, width)
        if isinstance(value, float):
            text = format_float(value, ty, False, precision, spec.sign, spec.kind if spec.kind in ("e", "E") else "")
            return pad_number(text, spec, width)
        text = self.display(value, ty)
        if precision is not None:
            text = text[:precision]
        return pad(text, spec, width)

    def display(self, value, ty: T.Ty) -> str:
        value, ty = _deref(value, ty)
        if isinstance(value, str):
            return value
        if isinstance(value, V.StrV):
            return value.text
        if isinstance(value, V.VecV) and value.ty == T.STRING:
            return self.string_text(value)
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return format_float(value, ty, False, None)
        raise InternalLimit(f"printing a `{ty}` with `{{}}` (it needs `impl Display`; use `{{:?}}`)", (0, 0, 0, 0))

    def debug(self, value, ty: T.Ty, pretty: bool, indent: int, fmt: tuple | None = None) -> str:
        """`{:?}` / `{:#?}`; `fmt` is (spec, width, precision) of the placeholder, applied to the leaves."""
        value, ty = _deref(value, ty)
        spec, width, precision = fmt or (Spec(None), None, None)
        if isinstance(value, bool):
            return pad("true" if value else "false", spec, width)
        if isinstance(value, int):
            leaf = Spec(None, kind=spec.debug_hex, alternate=spec.alternate, sign=spec.sign) if spec.debug_hex else spec
            return pad_number(format_int(value, ty, leaf), spec, width)
        if isinstance(value, float):
            return pad_number(format_float(value, ty, precision is None, precision, spec.sign), spec, width)
        # str and char Debug write their quoted text directly: width does not pad them.
        if isinstance(value, str):
            return "'" + escape_debug(value, "'") + "'"
        if isinstance(value, V.StrV):
            return '"' + escape_debug(value.text, '"') + '"'
        if value == ():
            return pad("()", spec, width)
        if isinstance(value, V.VecV):
            if value.ty == T.STRING:
                return '"' + escape_debug(self.string_text(value), '"') + '"'
            items = value.block.items if value.block is not None else []
            return self.debug_seq("[", "]", [(None, v, value.ty.args[0]) for v in items], pretty, indent, fmt)
        if isinstance(value, V.SliceV):
            items = [(None, v, value.elem_ty) for v in value.holder[value.start : value.end]]
            return self.debug_seq("[", "]", items, pretty, indent, fmt)
        if isinstance(value, V.Agg):
            if isinstance(ty, T.Array):
                return self.debug_seq("[", "]", [(None, v, ty.elem) for v in value.fields], pretty, indent, fmt)
            layout = self.layouts.layout(value.ty)
            if isinstance(value.ty, T.Tuple):
                parts = [(None, v, f.ty) for v, f in zip(value.fields, layout.fields)]
                return self.debug_seq("(", ")", parts, pretty, indent, fmt, tuple_one=len(parts) == 1)
            name = value.ty.name
            struct = self.info.structs.get(name)
            kind = struct.kind if struct is not None else "named"
            fields = [(f.name, v, f.ty) for v, f in zip(value.fields, layout.fields)]
            return self.debug_fields(name, kind, fields, pretty, indent, fmt)
        if isinstance(value, V.EnumV):
            layout = self.layouts.layout(value.ty)
            variant = next(v for v in layout.variants if v.name == value.variant)
            fields = [(f.name, v, f.ty) for v, f in zip(value.fields, variant.fields)]
            kind = "unit" if not fields else ("tuple" if fields[0][0].isdigit() else "named")
            return self.debug_fields(value.variant, kind, fields, pretty, indent, fmt)
        if isinstance(value, V.RangeV):
            return f"{value.start}..{'=' if value.inclusive else ''}{value.end}"
        raise InternalLimit(f"printing a `{ty}` with `{{:?}}`", self.last_span)

    def debug_fields(self, name: str, kind: str, fields: list, pretty: bool, indent: int, fmt=None) -> str:
        if kind == "unit" or not fields:
            return name  # derive(Debug) writes a unit name as is: no padding
        if kind == "tuple":
            return name + self.debug_seq("(", ")", [(None, v, t) for _, v, t in fields], pretty, indent, fmt)
        if pretty:
            pad_in = "    " * (indent + 1)
            lines = [f"{pad_in}{n}: {self.debug(v, t, True, indent + 1, fmt)}," for n, v, t in fields]
            return name + " {\n" + "\n".join(lines) + "\n" + "    " * indent + "}"
        return name + " { " + ", ".join(f"{n}: {self.debug(v, t, False, 0, fmt)}" for n, v, t in fields) + " }"

    def debug_seq(
        self, open_: str, close: str, items: list, pretty: bool, indent: int, fmt=None, tuple_one=False
    ) -> str:
        if not items:
            return open_ + close
        if pretty:
            pad_in = "    " * (indent + 1)
            lines = [f"{pad_in}{self.debug(v, t, True, indent + 1, fmt)}," for _, v, t in items]
            return open_ + "\n" + "\n".join(lines) + "\n" + "    " * indent + close
        body = ", ".join(self.debug(v, t, False, 0, fmt) for _, v, t in items)
        return open_ + body + ("," if tuple_one else "") + close

    # -------------------------------------------------------------------------------------------------- assert!

    def ev_assert(self, e: S.AssertMacro):
        if e.macro in ("assert", "debug_assert"):
            cond = yield from self.eval(e.args[0])
            if not cond:
                if e.message is not None:
                    raise self.panic((yield from self.format_args(e.message)), e.span)
                raise self.panic(f"assertion failed: {self.source_text(e.args[0])}", e.span)
            return ()
        left = yield from self.arg_value(e.args[0])
        right = yield from self.arg_value(e.args[1])
        equal = self.comparable(left) == self.comparable(right)
        op = "==" if e.macro.endswith("assert_eq") else "!="
        if equal == (op == "=="):
            return ()
        custom = ""
        if e.message is not None:
            custom = ": " + (yield from self.format_args(e.message))
        lt, rt = self.ty(e.args[0]), self.ty(e.args[1])
        raise self.panic(
            f"assertion `left {op} right` failed{custom}\n  left: {self.debug(left, lt, False, 0)}\n"
            f" right: {self.debug(right, rt, False, 0)}",
            e.span,
        )

    # ----------------------------------------------------------------------------------------------------- vec!

    def ev_vec(self, e: S.VecMacro):
        ty = self.ty(e)
        if e.repeat is not None:
            value = yield from self.eval(e.repeat[0])
            count = yield from self.eval(e.repeat[1])
            elem = ty.args[0]
            if count == 0:
                yield from self.drop_temporary(value, elem)
                return self.new_vec(ty, 0, [], e)
            items = [self.clone_value(value, elem, e) for _ in range(count - 1)] + [value]
            return self.new_vec(ty, count, items, e)
        items = []
        for elem in e.elems or []:
            items.append(self.coerce((yield from self.eval(elem)), ty.args[0]))
        return self.new_vec(ty, len(items), items, e)

    # --------------------------------------------------------------------------------------------------- String

    def string_text(self, s: V.VecV) -> str:
        return bytes(s.block.items).decode() if s.block is not None else ""

    def text_of(self, value) -> str:
        while isinstance(value, V.RefV):
            value = value.place.get()
        if isinstance(value, V.StrV):
            return value.text
        if isinstance(value, V.VecV):
            return self.string_text(value)
        if isinstance(value, str):
            return value
        raise InternalLimit("using this value as text", (0, 0, 0, 0))

    def str_of_string(self, s: V.VecV) -> V.StrV:
        addr = s.block.addr if s.block is not None else 1
        return V.StrV(self.string_text(s), addr, s.block)

    def string_from(self, text: str, node) -> V.VecV:
        data = bytearray(text.encode())
        return self.new_vec(T.STRING, len(data), data, node)

    def formatted_string(self, written: list[str], e: S.FormatMacro) -> V.VecV:
        """`format!` starts from `Arguments::estimated_capacity`, then writes piece by piece, so the capacity is
        what std's growth makes of those writes. rustc inlines literal arguments into the template first."""
        template = parse_template(e.template or "")
        literal = sum(len(p.encode()) for p in template if isinstance(p, str))
        if _all_inlined(template, e.args):
            return self.string_from("".join(written), e)
        if isinstance(template[0], Spec) and literal < 16:
            estimate = 0  # an argument first and little text: std does not guess
        else:
            estimate = literal * 2
        s = self.new_vec(T.STRING, estimate, bytearray(), e)
        place = V.Place([s], 0, 0, T.STRING, None)
        for piece in written:
            if piece:
                self.string_push_str(place, piece, e)
        return s

    def string_push_str(self, place: V.Place, text: str, node) -> None:
        s = place.get()
        data = text.encode()
        self.reserve(s, len(data), node)
        if s.block is not None:
            s.block.items.extend(data)
            if self.recorder is not None:
                self.emit(E.HeapWritten(s.block.id, 0, ("text", s.block.items.decode(errors="replace"))))
        self.root_changed(place.root)

    def string_add(self, left: V.VecV, right, node) -> V.VecV:
        self.string_push_str(V.Place([left], 0, 0, T.STRING, None), self.text_of(right), node)
        return left

    def string_method(self, method: str, place: V.Place, s: V.VecV, args: list, e):
        if method == "push":
            self.string_push_str(place, args[0], e)
            return ()
        if method == "push_str":
            self.string_push_str(place, self.text_of(args[0]), e)
            return ()
        if method == "pop":  # the last char, all of its UTF-8 bytes; the capacity stays
            text = self.string_text(s)
            if not text:
                return V.EnumV(self.ty(e), "None", [])
            char = text[-1]
            del s.block.items[-len(char.encode()) :]
            if self.recorder is not None:
                self.emit(E.HeapWritten(s.block.id, 0, ("text", s.block.items.decode(errors="replace"))))
            self.root_changed(place.root)
            return V.EnumV(self.ty(e), "Some", [char])
        if method == "len":
            return s.length
        if method == "capacity":
            return s.capacity
        if method == "is_empty":
            return s.length == 0
        if method == "as_str":
            return self.str_of_string(s)
        if method == "clear":
            if s.block is not None:
                s.block.items.clear()
                if self.recorder is not None:
                    self.emit(E.HeapWritten(s.block.id, 0, ("text", "")))
            return ()
        if method in ("reserve", "reserve_exact"):
            self.reserve(s, args[0], e, exact=method == "reserve_exact")
            return ()
        if method in ("min", "max"):  # Ord::min/max take both Strings by value and drop the one not returned
            other = args[0]
            pick_self = (self.string_text(s) <= self.string_text(other)) == (method == "min")
            keep, lose = (s, other) if pick_self else (other, s)
            if lose.block is not None:
                self.free(lose.block)
            return keep
        if method == "shrink_to_fit":
            if s.capacity > s.length:
                self.set_capacity(s, s.length, e)
            return ()
        raise InternalLimit(f"the method `String::{method}`", e.method_span)

    def to_string(self, value, ty: T.Ty, e) -> V.VecV:
        value, ty = _deref(value, ty)
        if isinstance(value, (V.StrV, V.VecV)) or isinstance(value, str) or isinstance(value, bool):
            return self.string_from(self.display(value, ty), e)
        text = self.display(value, ty)
        if isinstance(value, int) and isinstance(ty, T.Int):
            # std's integer to_string: unsigned ones allocate exactly; signed ones room for the longest value of
            # the type, plus the sign when negative (i32: 10 digits).
            cap = len(text) if not ty.signed else len(str(ty.max)) + (value < 0)
            s = self.new_vec(T.STRING, cap, bytearray(), e)
        else:
            s = self.new_vec(T.STRING, 0, bytearray(), e)
        self.string_push_str(V.Place([s], 0, 0, T.STRING, None), text, e)
        return s


def _is_literal(expr) -> bool:
    return isinstance(expr, S.Lit) and expr.kind in ("str", "int")


def _all_inlined(template: list, args: list) -> bool:
    """Whether rustc folds every argument into the literal text: each is a plain `{}` of a str/int literal."""
    positional = [a for a in args if a.name is None]
    named = {a.name: a for a in args if a.name is not None}
    next_index = 0
    for part in template:
        if isinstance(part, str):
            continue
        if part.arg is None:
            arg = positional[next_index] if next_index < len(positional) else None
            next_index += 1
        elif isinstance(part.arg, int):
            arg = positional[part.arg] if part.arg < len(positional) else None
        else:
            arg = named.get(part.arg)  # a captured variable is never a literal
        plain = part.kind == "" and part.width is None and part.precision is None
        if arg is None or not plain or not _is_literal(arg.expr):
            return False
    return True


def _deref(value, ty: T.Ty):
    while isinstance(value, V.RefV):
        value = value.place.get()
        ty = ty.inner if isinstance(ty, T.Ref) else ty
    while isinstance(value, (V.BoxV, V.RcV)):
        inner = ty.args[0] if isinstance(ty, T.Adt) and ty.args else ty
        if value.block is None:  # a Box of a zero-sized type allocates nothing; its one value has no bytes
            return (() if inner == T.UNIT else V.Agg(inner, [])), inner
        value, ty = value.block.items[0], inner
    while isinstance(ty, T.Ref) and not isinstance(value, (V.StrV, V.SliceV)):
        ty = ty.inner
    return value, ty


register(S.FormatMacro, MacroMixin.ev_format)
register(S.AssertMacro, MacroMixin.ev_assert)
register(S.VecMacro, MacroMixin.ev_vec)
