"""Stack frames as a debug build lays them out: every local of a function gets its own slot for the whole call.

rustc at opt-level 0 gives each binding (and each shadowing binding) a distinct stack slot and does not overlap them,
so a frame's size is known before the call: the return address and saved frame pointer (16 bytes), then every local,
each at its alignment, the total rounded up to 16 as the x86-64 ABI keeps the stack pointer aligned.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from whiteboard.model import syntax as S
from whiteboard.model import types as T
from whiteboard.sim.memory import align_up

RETURN_AND_FP = 16  # return address + saved rbp


@dataclass(slots=True)
class SlotPlan:
    binding_id: int
    name: str
    ty: T.Ty
    offset: int  # below the frame's top
    size: int
    align: int


@dataclass(slots=True)
class FramePlan:
    size: int
    slots: dict[int, SlotPlan]  # binding (PIdent id, or -FnDef id for `self`) -> slot
    # The bindings of one name across an or-pattern's alternatives share a slot; any of their ids finds it.
    aliases: dict[int, tuple[int, ...]] = field(default_factory=dict)


@dataclass(slots=True, eq=False)
class Slot:
    id: int
    name: str
    ty: T.Ty
    addr: int
    size: int
    align: int
    cell: list  # [value]: the holder every Place of this slot indexes


@dataclass(slots=True, eq=False)
class Frame:
    id: int
    function: str
    addr: int  # lowest address
    size: int
    depth: int
    plan: FramePlan
    slots: dict[int, Slot] = field(default_factory=dict)
    scopes: list[list[Slot]] = field(default_factory=list)
    scope_marks: list[int] = field(default_factory=list)  # len(temporaries) when each scope opened
    temps_mark: int = 0  # len(temporaries) when the call began
    self_slot: Slot | None = None

    @property
    def top(self) -> int:
        return self.addr + self.size


def self_binding_id(fn: S.FnDef) -> int:
    return -fn.id


def plan_frame(fn: S.FnDef, binding_types: dict[int, T.Ty], self_ty: T.Ty | None, layouts) -> FramePlan:
    bindings: list[tuple[int, str, T.Ty]] = []
    if self_ty is not None:
        bindings.append((self_binding_id(fn), "self", self_ty))
    for param in fn.params:
        _collect_pattern(param.pattern, binding_types, bindings)
    _collect_block(fn.body, binding_types, bindings)
    cursor = RETURN_AND_FP
    slots: dict[int, SlotPlan] = {}
    for binding_id, name, ty in bindings:
        if isinstance(ty, tuple):  # ("alias", first binding id): an or-pattern's later alternative
            if ty[1] in slots:
                slots[binding_id] = slots[ty[1]]
            continue
        size, align = layouts.size_of(ty), layouts.align_of(ty)
        cursor = align_up(cursor + size, max(align, 1))
        slots[binding_id] = SlotPlan(binding_id, name, ty, cursor, size, align)
    groups: dict[int, list[int]] = {}
    for binding_id, plan in slots.items():
        groups.setdefault(id(plan), []).append(binding_id)
    aliases = {b: tuple(ids) for ids in groups.values() if len(ids) > 1 for b in ids}
    return FramePlan(align_up(cursor, 16), slots, aliases)


def _collect_pattern(pat, types: dict[int, T.Ty], out: list) -> None:
    if isinstance(pat, S.PIdent):
        if pat.id in types:
            out.append((pat.id, pat.name, types[pat.id]))
        if pat.sub is not None:
            _collect_pattern(pat.sub, types, out)
    elif isinstance(pat, (S.PTuple, S.PTupleStruct)):
        for p in pat.elems:
            _collect_pattern(p, types, out)
    elif isinstance(pat, S.PStruct):
        for _, p in pat.fields:
            _collect_pattern(p, types, out)
    elif isinstance(pat, S.POr):
        # Every alternative binds the same names to one slot each: later alternatives alias the first one's.
        _collect_pattern(pat.alts[0], types, out)
        first = {name: binding_id for binding_id, name, _ in _bindings(pat.alts[0], types)}
        for alt in pat.alts[1:]:
            for binding_id, name, _ in _bindings(alt, types):
                out.append((binding_id, name, ("alias", first.get(name))))
    elif isinstance(pat, S.PRef):
        _collect_pattern(pat.pattern, types, out)


def _bindings(pat, types: dict[int, T.Ty]) -> list:
    found: list = []
    _collect_pattern(pat, types, found)
    return found


def _collect_block(node, types: dict[int, T.Ty], out: list) -> None:
    """Every binding in a function body, in source order, not descending into nested fn items."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, (S.FnDef, S.ItemStmt, S.StructDef, S.EnumDef, S.ImplBlock)):
            continue
        if isinstance(n, S.Let):
            _collect_pattern(n.pattern, types, out)
        elif isinstance(n, (S.LetCond, S.For)):
            _collect_pattern(n.pattern, types, out)
        elif isinstance(n, S.MatchArm):
            _collect_pattern(n.pattern, types, out)
        children = _children(n)
        stack.extend(reversed(children))


def _children(n) -> list:
    out = []
    for name in getattr(n, "__slots__", ()):
        if name in ("span", "id", "pattern"):
            continue
        value = getattr(n, name, None)
        if isinstance(value, S.Node):
            out.append(value)
        elif isinstance(value, list):
            for v in value:
                if isinstance(v, S.Node):
                    out.append(v)
                elif isinstance(v, tuple):
                    out.extend(x for x in v if isinstance(x, S.Node))
        elif isinstance(value, tuple):
            out.extend(x for x in value if isinstance(x, S.Node))
    return out
