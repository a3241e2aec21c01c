"""Lowering of one function body to the borrow checker's MIR-like graph (`borrowck_mir`): the graph plumbing,
locals and scopes, reads, moves and borrows, the function's entry and exit, statements. Expressions, calls, patterns
and control flow are lowered by the mixins this class combines (`borrowck_exprs`, `borrowck_calls`,
`borrowck_patterns`, `borrowck_control`).

The shape follows rustc's MIR building where it shows in diagnostics: the order operands are evaluated in, which
values go through temporaries, where a borrow or a move happens and which span it carries, and the order of a
branch's successors (which decides the order rustc visits the graph in).
"""

from __future__ import annotations

import re

from whiteboard.model import syntax as ast
from whiteboard.model.syntax import Span
from whiteboard.model.types import UNIT, Adt, Array, Ref, Slice, Tuple, Ty
from whiteboard.sim.borrowck_calls import CallLowering
from whiteboard.sim.borrowck_control import ControlLowering, LoopFrame, closing
from whiteboard.sim.borrowck_exprs import ExprLowering
from whiteboard.sim.borrowck_mir import Access, AccessAt, Body, Loan, Local, MoveSite, Place, Point, Unmodelled, Use
from whiteboard.sim.borrowck_patterns import PatternLowering


class Builder(ExprLowering, CallLowering, PatternLowering, ControlLowering):
    def __init__(self, info, source: str, fn: ast.FnDef):
        self.info = info
        self.source_lines = source.splitlines()
        self.fn = fn
        self.body = Body(fn.name)
        self.cur: int | None = None
        self.bindings: dict[int, int] = {}  # PIdent id (the FnDef id for `self`) -> local
        self.scopes: list[list[int]] = []
        self.loops: list[LoopFrame] = []
        self.around: list[tuple[Span, Span]] = []  # (header span, whole span) of the loops around the code
        self.mut_targets: dict[int, int] = {}  # temporary holding `&mut place`, place holding borrows -> its local
        self.temp_loans: dict[int, Loan] = {}  # temporary -> the loan it was made by
        self.pattern_params: list[tuple[ast.Param, int]] = []  # destructuring parameters and their argument
        self.ret_local = -1
        self.blocks = 0  # MIR basic blocks ended so far (calls, overflow and bounds checks, branches)

    # ------------------------------------------------------------------------------------------------- the graph

    def new_point(self, span: Span) -> int:
        self.body.points.append(Point(span))
        return len(self.body.points) - 1

    def emit(self, span: Span) -> Point:
        """A new point after the current one. After a `return`/`break` there is no current point: the code that
        follows is unreachable, and so are the points made for it."""
        index = self.new_point(span)
        if self.cur is not None:
            self.body.points[self.cur].succ.append(index)
        self.cur = index
        return self.body.points[index]

    def edge(self, source: int | None, target: int) -> None:
        if source is not None:
            self.body.points[source].succ.append(target)

    def end_block(self) -> None:
        self.blocks += 1

    def goto(self, target: int) -> None:
        self.edge(self.cur, target)
        self.cur = None

    # ---------------------------------------------------------------------------------------- locals and scopes

    def temp(self, ty: Ty) -> int:
        return self.body.new_local(Local(None, ty))

    def declare(self, pat: ast.PIdent, kind: str = "var", pattern_bound: bool = True) -> int:
        if pat.id in self.bindings:  # an arm binds again after its guard (see `lower_arm`)
            return self.bindings[pat.id]
        local = self.body.new_local(
            Local(
                pat.name,
                self.need(self.info.binding_types, pat),
                pat.mutable and not pat.by_ref,
                pat.span,
                kind,
                pattern_bound,
            )
        )
        self.bindings[pat.id] = local
        if self.scopes:
            self.scopes[-1].append(local)
        return local

    def ty(self, expr: ast.Node) -> Ty:
        return self.need(self.info.expr_types, expr)

    @staticmethod
    def need(table: dict, node: ast.Node):
        """The type checker's entry for `node`; a missing one means a construct this checker cannot follow."""
        try:
            return table[node.id]
        except KeyError:
            raise Unmodelled(f"{type(node).__name__} without type information") from None

    def local_ty(self, local: int) -> Ty:
        return self.body.locals[local].ty

    def place_ty(self, place: Place) -> Ty:
        return self.body.place_ty(place)

    def is_temp(self, local: int) -> bool:
        return self.body.locals[local].kind == "temp"

    def flow(self, src: int | None, dst: int) -> None:
        """Loans held by `src` may now be held by `dst` (rustc's `'src: 'dst` constraint)."""
        if src is not None and src != dst and self.carries_loans(self.local_ty(dst)):
            self.body.flows.append((src, dst))

    def carries_loans(self, ty: Ty) -> bool:
        """Whether a value of this type can hold a borrow NLL tracks. The program's own types cannot: without
        lifetime parameters their references are all `'static`."""
        if isinstance(ty, Ref):
            return True
        if isinstance(ty, (Array, Slice)):
            return self.carries_loans(ty.elem)
        if isinstance(ty, Tuple):
            return any(map(self.carries_loans, ty.elems))
        if isinstance(ty, Adt):
            return ty.name in ("Iter", "IterMut") or any(map(self.carries_loans, ty.args))
        return False

    def enter_scope(self) -> None:
        self.scopes.append([])

    def exit_scope(self, span: Span) -> None:
        self.storage_dead(self.scopes.pop(), span)

    def storage_dead(self, locals_: list[int], span: Span) -> None:
        """The end of the locals' scope: their moves and initialisations are forgotten (a `let` in a loop starts
        afresh each iteration)."""
        if locals_ and self.cur is not None:
            self.emit(span).dead.extend(reversed(locals_))

    def leave_scopes(self, depth: int, span: Span) -> None:
        """`break`/`continue`/`return`: end the scopes opened since `depth`, innermost first."""
        for scope in reversed(self.scopes[depth:]):
            self.storage_dead(scope, span)

    # ------------------------------------------------------------------------------------- reads, moves, borrows

    def read(self, place: Place, span: Span, dest: int | None = None, *, move: MoveSite | None = None) -> int:
        """Copy or move the value at `place` into `dest` (a fresh temporary by default), as MIR's
        `_t = copy/move place`."""
        ty = self.place_ty(place)
        dest = self.temp(ty) if dest is None else dest
        point = self.emit(span)
        moves, owned = not self.info.is_copy(ty), self.movable(place)
        point.accesses.append(AccessAt(place, Access.MOVE if moves and owned else Access.COPY, span))
        point.uses.append(Use(place.local, span))
        point.defs.append(dest)
        point.inits.append((Place(dest), span))
        if moves:
            site = move or MoveSite(place, span)
            site.loops = tuple(reversed(self.around))
            if not owned and not site.from_pattern:  # rustc words moves out of a borrow in a pattern differently
                point.illegal_moves.append((site, span))
            elif owned and not self.is_temp(place.local):  # nothing can use a temporary twice
                point.moves.append(site)
        self.flow(place.local, dest)
        return dest

    def movable(self, place: Place) -> bool:
        """Only owned places can be moved out of: a value behind a reference or inside a `Vec` cannot (rustc
        reports E0507 there); a `Box` owns its contents."""
        ty = self.local_ty(place.local)
        for proj in place.proj:
            if proj.kind == "index" or proj.kind == "deref" and not (isinstance(ty, Adt) and ty.name == "Box"):
                return False
            ty = proj.ty
        return True

    def borrow(
        self, place: Place, mutable: bool, span: Span, dest: int | None = None, *, two_phase: bool = False
    ) -> int:
        """`&place` / `&mut place` into `dest`. The loan is tracked unless the place is a temporary or lies behind a
        shared reference (rustc's `ignore_borrow`: nothing can invalidate it)."""
        dest = self.temp(Ref(self.place_ty(place), mutable)) if dest is None else dest
        point = self.emit(span)
        kind = Access.RESERVE if two_phase else Access.MUT if mutable else Access.SHARED
        point.accesses.append(AccessAt(place, kind, span))
        point.uses.append(Use(place.local, span))
        point.defs.append(dest)
        point.inits.append((Place(dest), span))
        if self.tracked(place):
            loan = Loan(len(self.body.loans), place, mutable, span, len(self.body.points) - 1, dest, two_phase)
            self.body.loans.append(loan)
            point.loan = loan
            self.temp_loans[dest] = loan
        self.flow(place.local, dest)
        if mutable and not self.is_temp(place.local) and self.carries_loans(self.place_ty(place)):
            self.mut_targets[dest] = place.local
        return dest

    def tracked(self, place: Place) -> bool:
        if self.is_temp(place.local):
            return False
        ty = self.local_ty(place.local)
        for proj in place.proj:
            if proj.kind == "deref" and isinstance(ty, Ref) and not ty.mutable:
                return False
            ty = proj.ty
        return True

    def assign(self, dest: int, value: int | None, span: Span) -> None:
        """`dest = move value` between temporaries and fresh bindings: no checks, only liveness and loan flow."""
        point = self.emit(span)
        if value is not None:
            point.uses.append(Use(value, span))
            self.flow(value, dest)
        point.defs.append(dest)
        point.inits.append((Place(dest), span))

    def combine(self, span: Span, values: list[int | None], ty: Ty, call_span: Span | None = None) -> int:
        """A point consuming `values` into a new temporary of type `ty` (an aggregate, an operator, a call whose
        result borrows from all its inputs)."""
        result = self.temp(ty)
        point = self.emit(span)
        for value in values:
            if value is not None:
                point.uses.append(Use(value, call_span or span, call_span is not None))
                self.flow(value, result)
        point.defs.append(result)
        point.inits.append((Place(result), span))
        return result

    # ------------------------------------------------------------------------------------------------ functions

    def build(self) -> Body:
        fn = self.fn
        self.enter_scope()
        self.cur = self.new_point(fn.span)
        entry = self.body.points[self.cur]
        for local in self.parameters():
            entry.defs.append(local)
            entry.inits.append((Place(local), self.body.locals[local].span))
        self.ret_local = self.body.new_local(Local(None, self.return_type(), kind="return"))
        for param, local in self.pattern_params:
            self.bind_pattern(param.pattern, Place(local))
        self.body.lifetime_span = self.elided_lifetime()
        value = self.value(fn.body)
        self.give_back(value, fn.body.tail.span if fn.body.tail is not None else fn.body.span)
        self.return_to_exit(closing(fn.body.span))
        return self.body

    def give_back(self, value: int | None, span: Span) -> None:
        """Store the function's result (the body's tail, or a `return`'s value)."""
        if self.cur is not None:
            self.assign(self.ret_local, value, span)
            self.body.returns.append((value, span))

    def elided_lifetime(self) -> Span | None:
        """The `&` whose lifetime an elided result lifetime is (rustc calls it `'1`): `&self`'s, else the one
        reference parameter's."""
        fn = self.fn
        if fn.self_param in ("ref", "mut_ref"):
            line, col = self.self_span()[:2]
            text = self.source_lines[line - 1]
            amp = text.rfind("&", 0, col - 1)
            return (line, amp + 1, line, amp + 2) if amp >= 0 else None
        for param in fn.params:
            if isinstance(self.info.pat_types.get(param.pattern.id), Ref):
                line, col, _, end = param.span
                amp = self.source_lines[line - 1].find("&", param.pattern.span[3] - 1, end - 1)
                return (line, amp + 1, line, amp + 2) if amp >= 0 else None
        return None

    def return_type(self) -> Ty:
        fn = self.fn
        table = self.info.fns if fn.owner is None else self.info.methods_by_type.get(fn.owner, {})
        sig = table.get(fn.name)
        return sig.ret if sig is not None else UNIT

    def parameters(self) -> list[int]:
        """The argument locals: `self`, then each parameter; a destructuring parameter gets an unnamed argument
        that its pattern is bound from after entry."""
        fn, locals_ = self.fn, []
        if fn.self_param is not None:
            self_ty = self.need(self.info.binding_types, fn)
            local = self.body.new_local(Local("self", self_ty, fn.self_param == "mut_value", self.self_span(), "arg"))
            self.bindings[fn.id] = local
            locals_.append(local)
        for param in fn.params:
            pat = param.pattern
            if isinstance(pat, ast.PIdent) and not pat.by_ref and pat.sub is None:
                locals_.append(self.declare(pat, "arg"))
            else:
                local = self.body.new_local(Local(None, self.need(self.info.pat_types, pat), kind="arg"))
                self.pattern_params.append((param, local))
                locals_.append(local)
        return locals_

    def self_span(self) -> Span:
        """The `self` of the receiver parameter (the syntax tree keeps no span for it)."""
        line, col = self.fn.name_span[0], self.fn.name_span[3]
        for number in range(line, len(self.source_lines) + 1):
            text = self.source_lines[number - 1]
            found = re.search(r"\bself\b", text[col - 1 :] if number == line else text)
            if found:
                start = found.start() + (col if number == line else 1)
                return number, start, number, start + 4
        return self.fn.span

    def return_to_exit(self, span: Span) -> None:
        """The function's end: the return value is read there, and the caller holds on to whatever it borrows."""
        self.leave_scopes(0, span)
        if self.cur is not None:
            self.emit(span).uses.append(Use(self.ret_local, span))
        self.cur = None

    # ----------------------------------------------------------------------------------------------- statements

    def v_Block(self, node: ast.Block) -> int | None:
        return self.lower_block(node)

    def lower_block(self, block: ast.Block) -> int | None:
        self.enter_scope()
        for stmt in block.stmts:
            if isinstance(stmt, ast.Let):
                self.lower_let(stmt)
            elif isinstance(stmt, ast.ExprStmt):
                self.value(stmt.expr)
        value = self.value(block.tail) if block.tail is not None else None
        self.exit_scope(closing(block.span))
        return value

    def lower_let(self, let: ast.Let) -> None:
        pat = let.pattern
        if let.init is None:
            for pident in _identifiers(pat):
                self.declare(pident, pattern_bound=False)
            return
        if let.else_block is not None:
            self.lower_let_else(let)
        elif isinstance(pat, ast.PIdent) and self.info.binding_modes.get(pat.id) == "move" and pat.sub is None:
            # `let x = init;`: the initialiser's value goes straight into `x`, so a move happens at `init`; with a
            # type written, `init` is coerced, so a `&mut` variable is reborrowed rather than moved.
            declared = self.info.let_types.get(let.id) if let.ty is not None else None
            self.assign(self.declare(pat), self.coerced(let.init, declared), pat.span)
        elif isinstance(pat, ast.PWild) and self.is_place(let.init):
            self.place(let.init)  # `let _ = s;` neither moves nor reads `s`
        else:
            self.bind_pattern(pat, self.scrutinee(let.init))

    def lower_let_else(self, let: ast.Let) -> None:
        place = self.scrutinee(let.init)
        matched, failed = self.test(let.pattern, place, let.span)
        self.cur = failed
        self.value(let.else_block)  # it diverges, so nothing follows it
        self.cur = matched
        self.bind_pattern(let.pattern, place)


def _identifiers(pattern: ast.Pattern) -> list[ast.PIdent]:
    found, stack = [], [pattern]
    while stack:
        pat = stack.pop()
        if isinstance(pat, ast.PIdent):
            found.append(pat)
            if pat.sub is not None:
                stack.append(pat.sub)
        elif isinstance(pat, (ast.PTuple, ast.PTupleStruct)):
            stack.extend(pat.elems)
        elif isinstance(pat, ast.PStruct):
            stack.extend(sub for _, sub in pat.fields)
        elif isinstance(pat, ast.PRef):
            stack.append(pat.pattern)
        elif isinstance(pat, ast.POr):
            stack.append(pat.alts[0])
    return found
