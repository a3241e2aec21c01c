"""The interpreter: runs a type-checked program step by step and records what happens to memory.

Every evaluation function is a generator. A call to a user function does not recurse in Python: it yields a `Call`
request to the driver loop (`run`), which keeps the frames of the Rust program in a Python list. So a program can
recurse until its modelled 8 MiB stack is full, as the compiled program does, without touching Python's own limits.
Break, continue and return are exceptions that never leave the generator of the frame they belong to.
"""

from __future__ import annotations

import functools

from whiteboard.model import syntax as S
from whiteboard.model import types as T
from whiteboard.sim import events as E
from whiteboard.sim import values as V
from whiteboard.sim.control import Abort, Break, Call, Continue, InternalLimit, Panic, Return, StepLimit
from whiteboard.sim.exprs import ExprMixin
from whiteboard.sim.fast import FastMixin
from whiteboard.sim.frames import Frame, Slot, plan_frame, self_binding_id
from whiteboard.sim.heap_ops import HeapMixin
from whiteboard.sim.memory import Heap, Stack, StackOverflow, StaticData
from whiteboard.sim.patterns import PatternMixin
from whiteboard.sim.std_calls import StdMixin
from whiteboard.sim.view import Viewer

DEFAULT_MAX_STEPS = 2_000_000
# After this many identical calls in a row (same function, same scalar arguments, nothing observable in between),
# the recursion can only repeat until the stack is full: it is fast-forwarded instead of run call by call.
STEADY_RECURSION_CALLS = 64


class Interpreter(ExprMixin, FastMixin, PatternMixin, StdMixin, HeapMixin):
    def __init__(self, program: S.Program, info, layouts, *, recorder=None, max_steps: int = DEFAULT_MAX_STEPS):
        self.program = program
        self.info = info
        self.layouts = layouts
        self.recorder = recorder  # a trace.Recorder, or None when only the output matters (`whiteboard run`)
        self.max_steps = max_steps
        self.steps = 0
        self.last_span = (1, 1, 1, 1)  # of the step running now, for messages about it
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self.heap = Heap()
        self.stack = Stack()
        self.statics = StaticData()
        self.viewer = Viewer(layouts, info.structs)
        self.frames: list[Frame] = []
        self.plans: dict[int, object] = {}
        self.const_values: dict[str, object] = {}
        self.static_slots: dict[str, Slot] = {}
        self.next_id = 1
        self.expr_types = info.expr_types
        self.binding_types = info.binding_types
        self.resolutions = info.resolutions
        self.steady = (None, 0, 0)  # (call key, depth, how many times in a row)
        self.observable_since_call = False
        self.temps: list = []  # places of temporaries awaiting the end of their statement
        self.simple_cache: dict = {}  # node id -> compiled closure for simple expressions, or None

    # ------------------------------------------------------------------------------------------------- recording

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def emit(self, event: E.Event) -> None:
        if self.recorder is not None:
            self.recorder.event(event)

    def step(self, span: tuple, label: str, text_span: tuple | None = None) -> None:
        """Begin a new step; its label is `label` followed by the source text at `text_span` (made only when
        recording, so a plain run does not pay for it)."""
        self.steps += 1
        self.last_span = span
        if self.steps > self.max_steps:
            raise StepLimit(self.max_steps, span)
        if self.recorder is not None:
            if text_span is not None:
                label += _label(self.program.source, text_span)
            self.recorder.step(span, label, len(self.frames))

    def source_text(self, node) -> str:
        """The source a node spans (its first line), for messages such as `assertion failed: …`."""
        return _label(self.program.source, node.span)

    def view(self, value, ty: T.Ty):
        return self.viewer.view(value, ty)

    def write_out(self, stream: str, text: str) -> None:
        (self.stdout if stream == "stdout" else self.stderr).append(text)
        self.observable_since_call = True
        if self.recorder is not None:
            self.emit(E.Output(stream, text))

    def root_changed(self, root: tuple | None) -> None:
        """Tell the view that the value stored at `root` changed (recording only)."""
        if self.recorder is None or root is None:
            return
        if root[0] in ("slot", "static"):
            slot = self.recorder.slots.get(root[1])
            if slot is not None:
                event = E.ValueWritten(root, self.view(slot.cell[0], slot.ty))
                steps = self.recorder.steps
                if not (steps and steps[-1].events and steps[-1].events[-1] == event):  # said once is enough
                    self.emit(event)
        elif root[0] == "heap":
            block = self.recorder.blocks.get(root[1])
            if block is not None and not block.freed and root[2] < len(block.items):
                value = block.items[root[2]]
                self.emit(E.HeapWritten(block.id, root[2], self.view(value, block.elem_ty)))

    # ------------------------------------------------------------------------------------------------ the driver

    def run(self) -> int:
        """Run `main`; returns the process exit status. Output is in `self.stdout` / `self.stderr`."""
        main = self.info.fns.get("main")
        if main is None:
            raise InternalLimit("a program without `fn main`", (1, 1, 1, 1))
        self.define_statics()
        gens = [self.call_frame(main.node, [], None, main.node.span)]
        value = None
        error: BaseException | None = None
        while gens:
            try:
                if error is not None:
                    pending, error = error, None
                    request = gens[-1].throw(pending)
                else:
                    request = gens[-1].send(value)
            except StopIteration as stop:
                gens.pop()
                value = stop.value
                continue
            except Panic as panic:
                gens.pop()
                if not gens:
                    return 101
                error = panic
                continue
            except Abort as abort:
                self.stderr.append(abort.stderr)
                return abort.exit_code
            value = None
            if isinstance(request, Call):
                fast = self.fast_forward(request)
                if fast is not None:
                    self.stderr.append(fast.stderr)
                    return fast.exit_code
                gens.append(self.call_frame(request.fn, request.args, request.self_value, request.span))
        return 0

    # --------------------------------------------------------------------------------------------------- frames

    def plan_for(self, fn: S.FnDef):
        plan = self.plans.get(fn.id)
        if plan is None:
            self_ty = self.self_type(fn)
            plan = plan_frame(fn, self.binding_types, self_ty, self.layouts)
            self.plans[fn.id] = plan
        return plan

    def self_type(self, fn: S.FnDef) -> T.Ty | None:
        if fn.self_param is None:
            return None
        owner = T.Adt(fn.owner or "")
        return {"ref": T.Ref(owner), "mut_ref": T.Ref(owner, True)}.get(fn.self_param, owner)

    def push_frame(self, fn: S.FnDef, span: tuple) -> Frame:
        plan = self.plan_for(fn)
        try:
            addr = self.stack.push(plan.size)
        except StackOverflow:
            raise self.overflow() from None
        frame = Frame(self.new_id(), self.fn_name(fn), addr, plan.size, len(self.frames), plan)
        self.frames.append(frame)
        if self.recorder is not None:  # building events costs time; a plain run skips it
            self.emit(E.FramePushed(frame.id, frame.function, addr, plan.size, frame.depth))
        return frame

    def overflow(self) -> Abort:
        depth = len(self.frames)
        self.emit(E.StackOverflowed(depth, self.stack.used, self.stack.limit))
        return Abort("\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow, aborting\n", 134)

    @staticmethod
    def fn_name(fn: S.FnDef) -> str:
        return f"{fn.owner}::{fn.name}" if fn.owner else fn.name

    def pop_frame(self, frame: Frame) -> None:
        self.frames.pop()
        self.stack.pop(frame.size)
        if self.recorder is not None:
            self.emit(E.FramePopped(frame.id))

    def new_slot(self, frame: Frame, binding_id: int, value=V.UNINIT) -> Slot:
        plan = frame.plan.slots[binding_id]
        slot = Slot(self.new_id(), plan.name, plan.ty, frame.top - plan.offset, plan.size, plan.align, [value])
        frame.slots[binding_id] = slot
        for alias in frame.plan.aliases.get(binding_id, ()):
            frame.slots[alias] = slot
        frame.scopes[-1].append(slot)
        if self.recorder is not None:
            self.recorder.slots[slot.id] = slot
            shown = None if value is V.UNINIT else self.view(value, slot.ty)
            self.emit(E.ValueBound(frame.id, slot.id, slot.name, str(slot.ty), slot.addr, slot.size, slot.align, shown))
        return slot

    def call_frame(self, fn: S.FnDef, args: list, self_value, span: tuple):
        """The generator of one call: binds the arguments, runs the body, drops the locals, returns the value."""
        self.step(fn.name_span if fn.name_span[0] else fn.span, f"call {self.fn_name(fn)}")
        frame = self.push_frame(fn, span)
        frame.temps_mark = len(self.temps)
        self.open_scope(frame)
        try:
            if fn.self_param is not None:
                frame.self_slot = self.new_slot(frame, self_binding_id(fn), self_value)
            for param, arg in zip(fn.params, args):
                if isinstance(param.pattern, S.PIdent):
                    yield from self.bind_pattern(param.pattern, arg, param.ty, frame, fresh=True)
                    continue
                # A destructured argument is held whole first; its bindings, declared after it, drop before
                # whatever parts they left in it.
                hidden = Slot(self.new_id(), "(argument)", param.ty, 0, 0, 1, [arg])
                frame.scopes[-1].append(hidden)
                place = V.Place(hidden.cell, 0, 0, param.ty, None)
                yield from self.bind_pattern(param.pattern, place, param.ty, frame, fresh=True, from_place=True)
            try:
                result = yield from self.eval_block(fn.body, new_scope=True)
            except Return as ret:
                result = ret.value
            self.step(_end_span(fn.body.span), f"return from {frame.function}")
            yield from self.close_scope(frame)
        except Panic:
            yield from self.unwind(frame)
            self.pop_frame(frame)
            raise
        self.pop_frame(frame)
        return result

    def unwind(self, frame: Frame):
        """Drop everything the panicking frame owns, innermost scope first (that is what unwinding does): in each
        scope the temporaries of the statement that was running, then the locals."""
        while frame.scopes:
            yield from self.drop_temps(max(frame.scope_marks[-1], frame.temps_mark))
            yield from self.close_scope(frame)
        yield from self.drop_temps(frame.temps_mark)

    def open_scope(self, frame: Frame) -> None:
        frame.scopes.append([])
        frame.scope_marks.append(len(self.temps))  # temporaries made from here on belong to this scope's statements

    def close_scope(self, frame: Frame, dropping: bool = True):
        """Drop the innermost scope's locals in reverse declaration order, then release their slots."""
        slots = frame.scopes.pop()
        frame.scope_marks.pop()
        for slot in reversed(slots):
            value = slot.cell[0]
            if dropping and value is not V.MOVED and value is not V.UNINIT and self.info.needs_drop(slot.ty):
                yield from self.drop_place(V.Place(slot.cell, 0, slot.addr, slot.ty, ("slot", slot.id)), slot.name)
        for slot in reversed(slots):
            if self.recorder is not None:
                self.emit(E.SlotReleased(slot.id))
            for key, s in list(frame.slots.items()):
                if s is slot:
                    del frame.slots[key]

    # ---------------------------------------------------------------------------------------------- fast-forward

    def fast_forward(self, call: Call) -> Abort | None:
        """Recursion that calls itself with the same scalar arguments, with nothing observable between calls,
        repeats identically until the stack is full; skip to that end instead of running every call. Only a call
        made from a frame of the same function, one level deeper than the last such call, counts."""
        key = None
        depth = len(self.frames)
        recursive = self.frames and self.frames[-1].function == self.fn_name(call.fn)
        if recursive and call.self_value is None and all(isinstance(a, (int, float, bool, str)) for a in call.args):
            key = (call.fn.id, tuple(call.args), call.span)
        previous, previous_depth, count = self.steady
        if key is not None and key == previous and depth == previous_depth + 1 and not self.observable_since_call:
            count += 1
        else:
            count = 0
        self.steady = (key, depth, count)
        self.observable_since_call = False
        if count < STEADY_RECURSION_CALLS:
            return None
        plan = self.plan_for(call.fn)
        remaining = (self.stack.limit - self.stack.used) // plan.size
        self.stack.sp -= remaining * plan.size
        # The step first: the stack fills up in the step that says so, not in the call before it.
        self.step(call.fn.name_span if call.fn.name_span[0] else call.fn.span, f"{remaining:,} more calls")
        self.emit(E.FramesCollapsed(self.fn_name(call.fn), remaining, plan.size, self.stack.sp))
        return self.overflow()  # the next call is the one that does not fit

    # ---------------------------------------------------------------------------------------------------- blocks

    def eval_block(self, block: S.Block, new_scope: bool = True):
        frame = self.frames[-1]
        if new_scope:
            self.open_scope(frame)
        try:
            for stmt in block.stmts:
                fast = self.simple_stmt(stmt)
                if fast is not None:
                    self.step(stmt.span, "", stmt.span)
                    fast()
                else:
                    yield from self.exec_stmt(stmt)
            value = ()
            if block.tail is not None:
                self.step(block.tail.span, "", block.tail.span)
                mark = len(self.temps)
                value = yield from self.eval(block.tail)
                # Edition 2024: a tail expression's temporaries are dropped before the block's locals.
                yield from self.drop_temps(mark)
        except (Break, Continue, Return):
            if new_scope:
                yield from self.close_scope(frame)
            raise
        if new_scope and frame.scopes:
            if frame.scopes[-1]:
                self.step(_end_span(block.span), "end of scope")
            yield from self.close_scope(frame)
        return value

    def exec_stmt(self, stmt):
        mark = len(self.temps)
        if type(stmt) is S.ExprStmt:
            expr = stmt.expr
            if type(expr) not in _BLOCK_LIKE:
                self.step(stmt.span, "", stmt.span)
            value = yield from self.eval(expr)
            if value != () and value is not None:
                yield from self.drop_temporary(value, self.expr_types.get(expr.id, T.UNIT))
        elif type(stmt) is S.Let:
            self.step(stmt.span, "", stmt.span)
            yield from self.exec_let(stmt)
        # Item statements (nested fns) were collected by the type checker; nothing to run.
        if len(self.temps) > mark:
            yield from self.drop_temps(mark)

    def drop_temps(self, mark: int):
        """Temporaries die at the end of their statement, last created first."""
        while len(self.temps) > mark:
            place = self.temps.pop()
            yield from self.drop_place(place, "temporary")

    def exec_let(self, stmt: S.Let):
        frame = self.frames[-1]
        ty = self.info.let_types.get(stmt.id)
        if stmt.init is None:
            self.declare_pattern(stmt.pattern, frame)
            return
        if _is_place_expr(stmt.init) and not isinstance(stmt.pattern, S.PIdent):
            # `let (ref a, b) = pair;` binds from the place: only the parts bound by value move out,
            # and `let _ = x;` neither moves nor drops x.
            place = yield from self.place(stmt.init)
            refutable = stmt.else_block is not None
            matched = yield from self.bind_pattern(
                stmt.pattern, place, place.ty, frame, fresh=True, from_place=True, refutable=refutable
            )
            if not matched:
                yield from self.eval_block(stmt.else_block)  # let-else: the else block diverges
            return
        mark = len(self.temps)
        f = self.simple(stmt.init)
        value = f() if f is not None else (yield from self.eval(stmt.init))
        if isinstance(stmt.init, S.AddrOf):
            self.extend_temporaries(mark, frame, value)
        ty = ty or self.expr_types.get(stmt.init.id)
        matched = yield from self.bind_pattern(
            stmt.pattern, value, ty, frame, fresh=True, refutable=stmt.else_block is not None
        )
        if not matched and stmt.else_block is not None:
            yield from self.eval_block(stmt.else_block)

    def extend_temporaries(self, mark: int, frame: Frame, value) -> None:
        """`let r = &make();` / `let r = &make().field;`: the borrowed temporary lives as long as `r`, until the end
        of the block, as if it were a local declared just before `r`. Only the one `r` points into: temporaries made
        while computing it (`&f(&D(1))`'s `D(1)`) still die at the end of the `let`."""
        if not isinstance(value, V.RefV):
            return
        target = value.place.holder
        for i in range(len(self.temps) - 1, mark - 1, -1):
            place = self.temps[i]
            if place.holder is target or _holds(place.holder[0], target):
                del self.temps[i]
                frame.scopes[-1].append(Slot(self.new_id(), "(temporary)", place.ty, 0, 0, 1, place.holder))
                return

    def drop_temporary(self, value, ty: T.Ty):
        """A value nobody binds is dropped at the end of its statement."""
        if value is V.MOVED or value is V.UNINIT or value is None or not self.info.needs_drop(ty):
            return
        holder = [value]
        yield from self.drop_place(V.Place(holder, 0, 0, ty, None), "temporary")

    # ---------------------------------------------------------------------------------------------------- statics

    def define_statics(self) -> None:
        for item in self.program.items:
            if isinstance(item, S.ConstDef) and item.is_static:
                value = self.const_eval(item.value)
                size, align = self.layouts.size_of(item.ty), self.layouts.align_of(item.ty)
                addr = self.statics.place(size, align)
                slot = Slot(self.new_id(), item.name, item.ty, addr, size, align, [value])
                self.static_slots[item.name] = slot
                if self.recorder is not None:
                    self.recorder.slots[slot.id] = slot
                self.emit(E.StaticDefined(slot.id, item.name, str(item.ty), addr, size, self.view(value, item.ty)))

    def const_eval(self, expr):
        """Evaluate a const/static initialiser: it cannot call user code, so run it to completion here."""
        const_frame = Frame(0, "<const>", 0, 0, 0, plan_frame(_EMPTY_FN, {}, None, self.layouts))
        const_frame.scopes, const_frame.scope_marks = [[]], [len(self.temps)]
        self.frames.append(const_frame)
        try:
            gen = self.eval(expr)
            try:
                while True:
                    next(gen)
            except StopIteration as stop:
                return stop.value
        finally:
            self.frames.pop()


def _holds(value, holder: list, depth: int = 0) -> bool:
    """Whether `holder` (a list of fields) belongs to `value`, e.g. the fields of a struct inside it."""
    if depth > 8 or not isinstance(value, (V.Agg, V.EnumV)):
        return False
    return value.fields is holder or any(_holds(v, holder, depth + 1) for v in value.fields)


_BLOCK_LIKE = (S.Block, S.If, S.While, S.Loop, S.For, S.Match)  # they make their own steps


def _is_place_expr(e) -> bool:
    return isinstance(e, (S.Path, S.FieldAccess, S.Index)) or (isinstance(e, S.Unary) and e.op == "*")


_EMPTY_FN = S.FnDef("<const>", [], T.UNIT, S.Block([]))


def _end_span(span: tuple) -> tuple:
    """The closing brace of a block."""
    return (span[2], max(span[3] - 1, 1), span[2], span[3])


@functools.lru_cache(maxsize=16)
def _lines(source: str) -> list[str]:
    return source.splitlines()


def _label(source: str, span: tuple) -> str:
    """The source text a step executes (first line only), for step labels and messages."""
    if not source or not span[0]:
        return ""
    lines = _lines(source)
    line = lines[span[0] - 1] if span[0] - 1 < len(lines) else ""
    if span[2] == span[0]:
        return line[span[1] - 1 : span[3] - 1].strip()
    return line[span[1] - 1 :].strip()
