"""Lifetime elision in function signatures: rustc's E0106 for a returned reference with no lifetime to borrow from.

A reference in the return type without a written lifetime takes the lifetime of `&self` / `&mut self`, else of the
only reference among the parameters; with none or several, the signature needs a named lifetime. Written lifetimes
(`&'static str`) are not kept in the syntax tree, so the return type's source text tells which `&` elide theirs.
"""

from __future__ import annotations

import re

from whiteboard.model import syntax as ast
from whiteboard.model.typeck_errors import error
from whiteboard.model.typeck_infer import children
from whiteboard.model.typeck_items import FnSig
from whiteboard.model.types import Ref, Ty

# A `&` not followed by a lifetime; `&&` is two of them.
_ELIDED_REF = re.compile(r"&(?!\s*')")


def check_elision(source: str, sigs: list[FnSig]) -> None:
    lines = source.splitlines(keepends=True)
    for sig in sigs:
        if not _references(sig.ret) or sig.self_param in ("ref", "mut_ref"):
            continue
        if sum(_references(p) for p in sig.params) == 1:
            continue
        elided = _elided_in_return_type(lines, sig.node)
        if elided is not None:
            raise error("E0106", "missing lifetime specifier", elided, "expected named lifetime parameter")


def _references(ty: Ty) -> int:
    return isinstance(ty, Ref) + sum(_references(child) for child in children(ty))


def _elided_in_return_type(lines: list[str], fn: ast.FnDef) -> ast.Span | None:
    """The span of the first `&` without a lifetime in the return type's text, if any."""
    header_line, header_col = fn.span[:2]
    end_line, end_col = fn.body.span[:2]
    start_line = start_col = None
    for line_no in range(header_line, end_line + 1):
        text = lines[line_no - 1]
        first = header_col - 1 if line_no == header_line else 0
        last = end_col - 1 if line_no == end_line else len(text)
        arrow = text.rfind("->", first, last)
        if arrow >= 0:  # the return type starts after the last arrow of the header
            start_line, start_col = line_no, arrow + 3
    if start_line is None:
        return None
    for line_no in range(start_line, end_line + 1):
        text = lines[line_no - 1]
        first = start_col - 1 if line_no == start_line else 0
        last = end_col - 1 if line_no == end_line else len(text)
        found = _ELIDED_REF.search(text, first, last)
        if found:
            return (line_no, found.start() + 1, line_no, found.start() + 2)
    return None
