"""Lowering of expressions: places (what can be borrowed, moved out of or assigned to) and values.

`value(expr)` evaluates an expression into a fresh temporary and returns it (None for a constant, which holds no
loan and needs no checking); `place(expr)` lowers a place expression to the `Place` it names. Like MIR, a place used
as a value is first copied or moved into a temporary at the place's own span, which is where rustc reports "value
moved here" and "value used here after move".
"""

from __future__ import annotations

from whiteboard.model import syntax as ast
from whiteboard.model.syntax import Span
from whiteboard.model.types import Adt, Array, Int, Ref, Slice, Str
from whiteboard.sim.borrowck_mir import Access, AccessAt, MoveSite, Place, Unmodelled, Use

_COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">="})
_CHECKED = frozenset({"+", "-", "*", "/", "%", "<<", ">>"})  # integer operators with a run-time check
# Types whose `*` is a std `Deref` impl rather than the built-in dereference of a pointer.
_OVERLOADED_DEREF = frozenset({"Rc", "String", "Vec"})


class ExprLowering:
    def value(self, expr: ast.Node, *, into_iter: bool = False) -> int | None:
        """Evaluate `expr` into a temporary. `into_iter` marks a `for` head, whose place is moved by an implicit
        `.into_iter()` call."""
        if self.is_place(expr):
            place = self.place(expr)
            value = self.read(place, expr.span, move=MoveSite(place, expr.span, "into_iter") if into_iter else None)
        else:
            lower = getattr(self, "v_" + type(expr).__name__, None)
            value = lower(expr) if lower is not None else None
        if self.deref_coerced(expr):
            self.end_block()  # `&String` to `&str` calls `Deref::deref`
        return value

    def deref_coerced(self, expr: ast.Node) -> bool:
        coercion = self.info.coercions.get(expr.id)
        if coercion is None or not coercion.derefs or not isinstance(self.ty(expr), Ref):
            return False
        ty = self.ty(expr).inner
        return isinstance(ty, Adt) and ty.name in _OVERLOADED_DEREF

    def is_place(self, expr: ast.Node) -> bool:
        if isinstance(expr, ast.Path):
            return self.local_of(expr) is not None
        if isinstance(expr, ast.Unary):
            return expr.op == "*"
        return isinstance(expr, (ast.FieldAccess, ast.Index))

    def local_of(self, path: ast.Path) -> int | None:
        resolution = self.info.resolutions.get(path.id)
        if resolution is None or resolution[0] != "local":
            return None
        return self.bindings.get(resolution[1])

    # ---------------------------------------------------------------------------------------------------- places

    def place(self, expr: ast.Node, mutate: bool = False) -> Place:
        """The place `expr` names. `mutate` says the place will be written or mutably borrowed, which picks
        `IndexMut`/`DerefMut` for overloaded indexing and dereferencing, as rustc's place-op fix-up does."""
        if isinstance(expr, ast.Path) and self.local_of(expr) is not None:
            return Place(self.local_of(expr))
        if isinstance(expr, ast.FieldAccess):
            base = self.autoderef(
                self.place(expr.expr, mutate), self.info.autoderefs.get(expr.id, 0), expr.expr.span, mutate
            )
            return base.then("field", expr.name, self.ty(expr))
        if isinstance(expr, ast.Unary) and expr.op == "*":
            return self.deref(self.place(expr.expr, mutate), expr.expr.span, mutate)
        if isinstance(expr, ast.Index):
            return self.index_place(expr, mutate)
        return Place(self.value_or_unit(expr))

    def value_or_unit(self, expr: ast.Node) -> int:
        """A temporary holding `expr`'s value, even when it is a constant (a place needs a local)."""
        value = self.value(expr)
        return value if value is not None else self.temp(self.ty(expr))

    def scrutinee(self, expr: ast.Node, inspect: bool = False) -> Place:
        """What a pattern is matched against: a place is matched where it is (patterns move or borrow parts of
        it), any other value is first put in a temporary. `match` reads the place (rustc's fake read)."""
        if not self.is_place(expr):
            return Place(self.value_or_unit(expr))
        place = self.place(expr)
        if inspect:
            point = self.emit(expr.span)
            point.accesses.append(AccessAt(place, Access.INSPECT, expr.span))
            point.uses.append(Use(place.local, expr.span))
        return place

    def autoderef(self, place: Place, count: int, span: Span, mutate: bool) -> Place:
        for _ in range(count):
            place = self.deref(place, span, mutate)
        return place

    def deref(self, place: Place, span: Span, mutate: bool) -> Place:
        """`*place`: a projection for references and boxes; `*Deref::deref(&place)` for the std smart pointers
        and `String`/`Vec` (a borrow of the whole value, at the span of the expression dereferenced)."""
        ty = self.place_ty(place)
        if isinstance(ty, Ref):
            return place.then("deref", "", ty.inner)
        if isinstance(ty, Adt) and ty.name in _OVERLOADED_DEREF:
            target = Str() if ty.name == "String" else Slice(ty.args[0]) if ty.name == "Vec" else ty.args[0]
            pointer = self.borrow(place, mutate, span)
            self.end_block()  # the `Deref::deref` call
            self.body.locals[pointer].points_into = f"an `{ty.name}`"
            return Place(pointer).then("deref", "", target)
        if isinstance(ty, Adt) and ty.name == "Box":
            return place.then("deref", "", ty.args[0])
        raise Unmodelled(f"dereferencing `{ty}`")

    def index_place(self, expr: ast.Index, mutate: bool) -> Place:
        """`a[i]` is a place inside an array or slice; `v[i]` on a `Vec` or string is `*Index::index(&v, i)`
        (`IndexMut` and `&mut v` when mutated), a borrow of `v` at `v`'s span."""
        base = self.autoderef(
            self.place(expr.expr, mutate), self.info.autoderefs.get(expr.id, 0), expr.expr.span, mutate
        )
        element = self.ty(expr)
        if isinstance(self.place_ty(base), (Array, Slice)):
            self.value(expr.index)
            self.end_block()  # the bounds check
            return base.then("index", self.index_name(expr.index), element)
        pointer = self.borrow(base, mutate, expr.expr.span)
        index = self.value(expr.index)
        brackets = (*expr.expr.span[2:], *expr.span[2:])  # rustc's span for the `Index::index` call
        result = self.combine(brackets, [pointer, index], Ref(element, mutate))
        self.end_block()
        self.body.locals[result].points_into = f"index of `{self.place_ty(base)}`"
        return Place(result).then("deref", "", element)

    def index_name(self, index: ast.Node) -> str:
        """How rustc writes an index in a place: the variable's name, else `_` (a constant goes through a
        temporary)."""
        local = self.local_of(index) if isinstance(index, ast.Path) else None
        return self.body.locals[local].name if local is not None else "_"

    # ---------------------------------------------------------------------------------------------- operators

    def v_Path(self, node: ast.Path) -> int | None:
        return None  # a function, constant, unit struct or variant; locals are places

    def v_Unary(self, node: ast.Unary) -> int | None:
        result = self.combine(node.span, [self.value(node.expr)], self.ty(node))
        if node.op == "-" and isinstance(self.ty(node), Int):
            self.end_block()  # the overflow check
        return result

    def v_AddrOf(self, node: ast.AddrOf) -> int | None:
        if self.is_place(node.expr):
            return self.borrow(self.place(node.expr, node.mutable), node.mutable, node.span)
        return self.value(node.expr)  # a borrow of a temporary: nothing else can reach it

    def v_Binary(self, node: ast.Binary) -> int | None:
        if node.op in ("&&", "||"):
            return self.short_circuit(node)
        if node.op in _COMPARISONS and not self.info.is_copy(self.ty(node.lhs)):
            # `PartialEq::eq(&a, &b)`: comparing borrows its operands.
            values = [self.shared_operand(node.lhs), self.shared_operand(node.rhs)]
        elif not self.info.is_copy(self.ty(node.lhs)) and self.is_place(node.lhs):
            return self.operator_call(node)
        else:
            values = [self.value(node.lhs), self.value(node.rhs)]
        result = self.combine(node.span, values, self.ty(node))
        if node.op in _CHECKED and isinstance(self.ty(node), Int):
            self.end_block()  # the overflow (or division by zero) check
        return result

    def operator_call(self, node: ast.Binary) -> int:
        """`s + "x"` on a `String`: `Add::add(s, "x")` moves `s`, "due to usage in operator"."""
        place = self.place(node.lhs)
        site = MoveSite(place, node.span, "operator")
        lhs = self.read(place, node.lhs.span, move=site)
        blocks = self.blocks
        rhs = self.value(node.rhs)
        if self.blocks != blocks:
            site.unnamed(node.lhs.span)
        result = self.combine(node.span, [lhs, rhs], self.ty(node))
        self.end_block()
        return result

    def shared_operand(self, expr: ast.Node) -> int | None:
        if self.is_place(expr):
            return self.borrow(self.place(expr), False, expr.span)
        return self.value(expr)

    def short_circuit(self, node: ast.Binary) -> int:
        result = self.temp(self.ty(node))
        self.assign(result, self.value(node.lhs), node.lhs.span)
        done, more = self.switch(node.lhs.span, result, 2)
        if node.op == "||":
            done, more = more, done
        self.cur = more
        self.assign(result, self.value(node.rhs), node.rhs.span)
        self.cur = self.join([done, self.cur], node.span)
        return result

    def v_Assign(self, node: ast.Assign) -> None:
        if node.op is not None and not self.info.is_copy(self.ty(node.target)):
            return self.overloaded_assign(node)
        value = self.value(node.value)  # the right side is evaluated first for `=` and built-in `op=`
        place = self.place(node.target, mutate=True)
        # Overwriting a value that owns resources first drops it; rustc then reports at the place alone.
        span = node.target.span if self.info.needs_drop(self.place_ty(place)) else node.span
        point = self.emit(span)
        if node.op is not None:
            point.accesses.append(AccessAt(place, Access.COPY, span))
        point.accesses.append(AccessAt(place, Access.ASSIGN, span))
        if value is not None:
            point.uses.append(Use(value, span))
        if place.proj:
            point.uses.append(Use(place.local, span))  # writing through `*r` or into `p.x` uses `r`/`p`
        else:
            point.defs.append(place.local)
        point.inits.append((place, span))
        self.flow(value, place.local)
        if node.op in _CHECKED and isinstance(self.place_ty(place), Int):
            self.end_block()
        return None

    def overloaded_assign(self, node: ast.Assign) -> None:
        """`s += "x"` on a `String`: `AddAssign::add_assign(&mut s, "x")`, the left side borrowed first."""
        receiver = self.borrow(self.place(node.target, mutate=True), True, node.target.span, two_phase=True)
        value = self.value(node.value)
        self.call_point(node.span, receiver, [value], self.ty(node), node.span, receiver_flows=False)
        return None

    def v_Cast(self, node: ast.Cast) -> int | None:
        return self.combine(node.span, [self.value(node.expr)], self.ty(node))

    # ------------------------------------------------------------------------------------------------- aggregates

    def v_StructLit(self, node: ast.StructLit) -> int:
        values = [self.value(value) for _, value in node.fields]
        if node.base is not None:
            values += self.base_fields(node)
        return self.combine(node.span, values, self.ty(node))

    def base_fields(self, node: ast.StructLit) -> list[int | None]:
        """`..base` moves (or copies) every field not written out of `base`."""
        if not self.is_place(node.base):
            return [self.value(node.base)]
        base = self.place(node.base)
        given = {name for name, _ in node.fields}
        fields = self.info.field_types.get(self.ty(node).name, [])
        return [self.read(base.then("field", name, ty), node.base.span) for name, ty in fields if name not in given]

    def v_TupleLit(self, node: ast.TupleLit) -> int:
        return self.combine(node.span, [self.value(elem) for elem in node.elems], self.ty(node))

    def v_ArrayLit(self, node: ast.ArrayLit) -> int:
        return self.combine(node.span, [self.value(elem) for elem in node.elems], self.ty(node))

    def v_ArrayRepeat(self, node: ast.ArrayRepeat) -> int:
        return self.combine(node.span, [self.value(node.value), self.value(node.count)], self.ty(node))

    def v_Range(self, node: ast.Range) -> int:
        bounds = [self.value(bound) for bound in (node.start, node.end) if bound is not None]
        return self.combine(node.span, bounds, self.ty(node))
