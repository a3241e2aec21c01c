"""The borrow checker: rustc's errors for the ownership and borrowing mistakes students make first.

`borrow_check` lowers each function body to a small MIR-like graph (`borrowck_build`), computes the dataflow facts
non-lexical lifetimes are made of (`borrowck_flow`), and checks every access against them (`borrowck_check`),
raising `CompileError` with rustc's diagnostics: E0382 (use after move), E0384 (assign twice), E0596/E0594
(mutating what is not `mut`), E0499/E0502/E0503/E0505/E0506 (conflicts with a live borrow), E0507/E0508 (moving out
of a borrow or an array), E0597/E0515 (a borrow outliving its variable).

It errs on the side of silence: a construct it does not model leaves its function unchecked, and whatever it cannot
word as rustc does it leaves unsaid, so a program rustc accepts always passes.
"""

from __future__ import annotations

from whiteboard.model import syntax as ast
from whiteboard.model.diagnostics import CompileError, Diagnostic
from whiteboard.model.typeck_items import iter_nodes
from whiteboard.sim.borrowck_build import Builder
from whiteboard.sim.borrowck_check import Checker
from whiteboard.sim.borrowck_flow import compute
from whiteboard.sim.borrowck_mir import Unmodelled


def borrow_check(program: ast.Program, info) -> None:
    diagnostics: list[Diagnostic] = []
    for fn in _functions(program.items):
        diagnostics += check_function(fn, info, program.source)
    if diagnostics:
        raise CompileError(diagnostics)


def check_function(fn: ast.FnDef, info, source: str) -> list[Diagnostic]:
    try:
        body = Builder(info, source, fn).build()
    except Unmodelled:
        return []
    return Checker(body, compute(body)).run()


def _functions(items: list[ast.Item]) -> list[ast.FnDef]:
    """Every function body in source order, methods and functions nested in bodies included (rustc checks each
    body on its own and reports them in this order)."""
    found: list[ast.FnDef] = []
    for item in items:
        fns = item.fns if isinstance(item, ast.ImplBlock) else [item] if isinstance(item, ast.FnDef) else []
        for fn in fns:
            found.append(fn)
            nested = [node.item for node in iter_nodes(fn.body) if isinstance(node, ast.ItemStmt)]
            found += _functions(nested)
    return sorted(found, key=lambda fn: fn.span)
