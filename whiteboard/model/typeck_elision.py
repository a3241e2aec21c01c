"""Lifetime elision in function signatures: rustc's E0106 for a returned reference with no lifetime to borrow from.

A reference in the return type without a written lifetime takes the lifetime of `&self` / `&mut self`, else of the
only reference among the parameters; with none or several, the signature needs a named lifetime. Written lifetimes
(`&'static str`) are not kept in the syntax tree, so the return type's source text tells which `&` elide theirs.
"""

from __future__ import annotations

from whiteboard.model.typeck_errors import error
from whiteboard.model.typeck_infer import children
from whiteboard.model.typeck_items import FnSig
from whiteboard.model.typeck_spans import SourceText
from whiteboard.model.types import Ref, Ty


def check_elision(text: SourceText, sigs: list[FnSig]) -> None:
    for sig in sigs:
        if not _references(sig.ret) or sig.self_param in ("ref", "mut_ref"):
            continue
        if sum(_references(p) for p in sig.params) == 1:
            continue
        ret = text.return_type(sig.node)
        elided = text.find(r"&(?!\s*')", ret[:2], ret[2:]) if ret is not None else None
        if elided is not None:  # `&&` is two references, so the match is the `&` alone
            raise error("E0106", "missing lifetime specifier", elided, "expected named lifetime parameter")


def _references(ty: Ty) -> int:
    return isinstance(ty, Ref) + sum(_references(child) for child in children(ty))
