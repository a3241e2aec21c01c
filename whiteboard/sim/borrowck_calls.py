"""Lowering of calls, method calls and the macros of the subset.

A call is one point: its arguments were evaluated into temporaries before it, and it consumes them (rustc blames a
borrow kept alive by such a temporary on the call: "borrow later used by call"). What the result may borrow from
follows lifetime elision, the only lifetimes the subset has: a method taking `&self`/`&mut self` returns borrows of
its receiver, any other function borrows from its inputs; `&'static` results borrow nothing. A value written through
a `&mut` argument (`refs.push(&x)`) may keep the other arguments' borrows too.
"""

from __future__ import annotations

import re

from whiteboard.model import std_sigs
from whiteboard.model import syntax as ast
from whiteboard.model.syntax import Span
from whiteboard.model.typeck_sigtext import parse_sig
from whiteboard.model.types import Ref, Ty
from whiteboard.sim.borrowck_mir import Access, AccessAt, MoveSite, Place, Unmodelled, Use

# Trait methods every implementor has (see `typeck_methods`): name -> signature.
_TRAIT_METHODS = {"clone": "fn(&self) -> Self", "to_string": "fn(&self) -> String"}
_DIVERGING_MACROS = frozenset({"panic", "unreachable", "todo", "unimplemented"})
_FORMAT_ARGS_STATEMENTS = 3


class CallLowering:
    # ------------------------------------------------------------------------------------------- function calls

    def v_Call(self, call: ast.Call) -> int | None:
        resolution = self.info.resolutions.get(call.func.id, ())
        if resolution[:1] in (("struct",), ("variant",)) or resolution == ("std", "Some"):
            # A tuple struct or variant constructor builds an aggregate; it is not a call.
            return self.combine(call.span, [self.value(arg) for arg in call.args], self.ty(call))
        callee = self.value(call.func)
        params, fn = self.callee_params(resolution, len(call.args))
        args = [self.coerced(arg, param) for arg, param in zip(call.args, params, strict=True)]
        return self.call_point(call.span, callee, args, self.ty(call), call.func.span, tied=self.ties(fn, len(args)))

    def ties(self, fn: ast.FnDef | None, count: int) -> list[bool]:
        """Which arguments the result of a call may borrow from, by lifetime elision: the receiver of a method
        called as `Type::method(&x, …)` taking `&self`, else any argument; none for a `&'static` result."""
        if fn is not None and self.returns_static(fn):
            return [False] * count
        if fn is not None and fn.self_param in ("ref", "mut_ref"):
            return [i == 0 for i in range(count)]
        return [True] * count

    def callee_params(self, resolution: tuple, count: int) -> tuple[list[Ty | None], ast.FnDef | None]:
        """The declared parameter types of what is called (None where unknown), and its definition if the
        program's own."""
        kind = resolution[0] if resolution else None
        if kind == "fn":
            sig = self.info.fns[resolution[1]]
        elif kind == "method":
            sig = self.info.methods_by_type[resolution[1]][resolution[2]]
        elif kind == "std" and resolution[1] in std_sigs.ASSOC_FNS:
            return list(parse_sig(std_sigs.ASSOC_FNS[resolution[1]]).params), None
        else:
            return [None] * count, None
        own = list(sig.params)
        if sig.self_param is not None:  # `Type::method(receiver, …)`
            own.insert(0, self.info.binding_types.get(sig.node.id))
        return own, sig.node

    def coerced(self, expr: ast.Node, target: Ty | None) -> int | None:
        """A value where a type is expected (an argument, an annotated `let`): a `&mut` variable given where a
        `&mut` type is written is reborrowed, not moved; a generic parameter (`drop(r)`, `v.push(r)`) takes the
        reference itself."""
        ty = self.ty(expr)
        reborrow = isinstance(target, Ref) and target.mutable and isinstance(ty, Ref) and ty.mutable
        if reborrow and self.is_place(expr):
            return self.borrow(self.place(expr).then("deref", "", ty.inner), True, expr.span)
        return self.value(expr)

    def call_point(
        self,
        span: Span,
        receiver: int | None,
        args: list[int | None],
        ty: Ty,
        callee_span: Span,
        *,
        tied: list[bool] | None = None,
        receiver_flows: bool = True,
    ) -> int:
        """The call itself: consumes the receiver and arguments, activates a two-phase borrow of the receiver,
        and makes the result borrow from the inputs it is `tied` to (default: none of the arguments)."""
        result = self.temp(ty)
        point = self.emit(span)
        self.end_block()
        inputs = [receiver, *args]
        for value in inputs:
            if value is not None:
                point.uses.append(Use(value, callee_span, by_call=True))
        loan = self.temp_loans.get(receiver)
        if loan is not None and loan.two_phase:
            point.accesses.append(AccessAt(loan.place, Access.ACTIVATE, span, loan))
        point.defs.append(result)
        point.inits.append((Place(result), span))
        ties = [receiver_flows, *(tied or [False] * len(args))]
        for value, tie in zip(inputs, ties, strict=True):
            if tie:
                self.flow(value, result)
        self.write_through_mut_args(inputs)
        return result

    def write_through_mut_args(self, inputs: list[int | None]) -> None:
        """Whatever a call gets may be stored behind its `&mut` arguments (`refs.push(&x)` keeps `x` borrowed as
        long as `refs` lives)."""
        for target_temp in inputs:
            target = self.mut_targets.get(target_temp)
            if target is None:
                continue
            for value in inputs:
                if value is not None and value != target_temp:
                    self.flow(value, target)

    def returns_static(self, fn: ast.FnDef) -> bool:
        """`-> &'static str`: the result borrows nothing from the arguments."""
        start, end = fn.name_span[2:], fn.body.span[:2]
        head = "\n".join(self.source_lines[start[0] - 1 : end[0]])
        return "'static" in head.rpartition(")")[2]

    # --------------------------------------------------------------------------------------------- method calls

    def v_MethodCall(self, call: ast.MethodCall) -> int | None:
        owner, name, derefs = self.need(self.info.methods, call)
        self_kind, params, user = self.method_sig(owner, name)
        site = None
        if self_kind in ("value", "mut_value"):
            receiver, site = self.receiver_by_value(call, owner, derefs)
        else:
            receiver = self.receiver_by_ref(call, derefs, self_kind == "mut_ref")
        blocks = self.blocks
        args = [self.coerced(arg, param) for arg, param in zip(call.args, params, strict=True)]
        if site is not None and self.blocks != blocks:
            site.unnamed(call.receiver.span)
        # A method's result borrows from its receiver (elision with `&self`); only a program's own `self`-by-value
        # method could also return borrows of its other arguments.
        tied = [user and self_kind in ("value", "mut_value")] * len(args)
        return self.call_point(call.span, receiver, args, self.ty(call), call.method_span, tied=tied)

    def method_sig(self, owner: str, name: str) -> tuple[str, list[Ty | None], bool]:
        """The receiver kind ("value" | "mut_value" | "ref" | "mut_ref"), the parameter types, and whether the
        method is the program's own."""
        sig = self.info.methods_by_type.get(owner, {}).get(name)
        if sig is not None and sig.self_param is not None:
            return sig.self_param, list(sig.params), True
        for table in (owner, "signed", "Iterator"):
            text = std_sigs.METHODS.get(table, {}).get(name)
            if text is not None:
                break
        else:
            text = _TRAIT_METHODS.get(name)
        if text is None:
            raise Unmodelled(f"the method `{owner}::{name}`")
        std = parse_sig(text)
        return std.self_kind, list(std.params), False

    def receiver_by_value(self, call: ast.MethodCall, owner: str, derefs: int) -> tuple[int | None, MoveSite | None]:
        """`self` by value moves the receiver (or copies it); rustc says "`x` moved due to this method call"."""
        if not self.is_place(call.receiver):
            return self.value(call.receiver), None
        place = self.autoderef(self.place(call.receiver), derefs, call.receiver.span, False)
        label = (*call.method_span[:2], *call.span[2:])
        site = MoveSite(place, label, "method", as_ref_hint=call.receiver.span if owner == "Option" else None)
        return self.read(place, call.receiver.span, move=site), site

    def receiver_by_ref(self, call: ast.MethodCall, derefs: int, mutable: bool) -> int:
        """`&self`/`&mut self`: the receiver is auto-referenced (`v.push(1)` is `Vec::push(&mut v, 1)`), or
        reborrowed when it already is a reference of the right kind. A mutable auto-ref is a two-phase borrow:
        reserved here, only active at the call, so `v.push(v.len())` is fine."""
        recv = call.receiver
        place = self.place(recv, mutable) if self.is_place(recv) else Place(self.value_or_unit(recv))
        place = self.autoderef(place, derefs, recv.span, mutable)
        ty = self.place_ty(place)
        if isinstance(ty, Ref) and ty.mutable == mutable:
            place = place.then("deref", "", ty.inner)
        return self.borrow(place, mutable, recv.span, two_phase=mutable)

    # ------------------------------------------------------------------------------------------------- macros

    def v_FormatMacro(self, node: ast.FormatMacro) -> int | None:
        """`format_args!` borrows each argument (`&x`) until the formatting is done."""
        first = len(self.body.points)
        values = [self.shared_operand(arg.expr) for arg in node.args]
        seen: set[str] = set()
        for name, resolution in self.info.format_captures.get(node.id, []):
            local = self.bindings.get(resolution[1]) if resolution[0] == "local" else None
            if local is not None and name not in seen:
                seen.add(name)
                values.append(self.borrow(Place(local), False, self.capture_span(node, name)))
        result = self.combine(node.span, values, self.ty(node))
        self.end_block()
        # Its expansion declares the temporaries of `Arguments` first, which rustc's searches count.
        self.body.points[first].weight += _FORMAT_ARGS_STATEMENTS
        if node.macro in _DIVERGING_MACROS:
            self.cur = None
        return result

    def capture_span(self, node: ast.FormatMacro, name: str) -> Span:
        """Where `{name}` names the variable inside the string, which is where rustc points."""
        line, col, end_line, _ = node.template_span
        for number in range(line, end_line + 1):
            text = self.source_lines[number - 1]
            start = col - 1 if number == line else 0
            found = re.compile(r"(?<!\{)\{" + re.escape(name) + r"[:}]").search(text, start)
            if found:
                return number, found.start() + 2, number, found.start() + 2 + len(name)
        return node.template_span

    def v_AssertMacro(self, node: ast.AssertMacro) -> None:
        """`assert!(c)` branches to a panic; `assert_eq!(a, b)` compares `&a` and `&b`."""
        if len(node.args) == 1:
            operand = self.value(node.args[0])
        else:
            values = [self.shared_operand(arg) for arg in node.args]
            operand = self.combine(node.span, values, self.ty(node))
        fails, holds = self.switch(node.span, operand, 2)
        self.cur = fails
        if node.message is not None:
            self.value(node.message)
        self.cur = holds
        return None

    def v_VecMacro(self, node: ast.VecMacro) -> int:
        elems = node.elems if node.elems is not None else list(node.repeat)
        result = self.combine(node.span, [self.value(elem) for elem in elems], self.ty(node))
        self.end_block()  # the allocation is a call
        return result
