"""Compile-time diagnostics as data, shared by the type checker and the borrow checker.

Rendering them the way rustc does lives in `diagnostic_render.py`; the canvas draws the same records at the place they
concern.
"""

from __future__ import annotations

from dataclasses import dataclass

from whiteboard.model.syntax import Span


@dataclass(frozen=True, slots=True)
class Label:
    span: Span
    message: str
    primary: bool = False


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str | None  # "E0382", or None for errors without a code
    message: str  # the headline after `error[E0382]: `
    labels: tuple[Label, ...]
    notes: tuple[str, ...] = ()
    help: str | None = None

    @property
    def primary_span(self) -> Span:
        for label in self.labels:
            if label.primary:
                return label.span
        return self.labels[0].span if self.labels else (0, 0, 0, 0)


class CompileError(Exception):
    """The program would not compile; carries rustc-style diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(diagnostics[0].message if diagnostics else "compile error")
        self.diagnostics = diagnostics
