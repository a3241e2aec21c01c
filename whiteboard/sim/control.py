"""Non-local control flow inside one function (break, continue, return) and the ways a run ends early."""

from __future__ import annotations


class Break(Exception):
    def __init__(self, label: str | None, value=None) -> None:
        self.label = label
        self.value = value


class Continue(Exception):
    def __init__(self, label: str | None) -> None:
        self.label = label


class Return(Exception):
    def __init__(self, value) -> None:
        self.value = value


class Panic(Exception):
    """A Rust panic: unwinds frames, dropping their locals, then the process exits with 101."""

    def __init__(self, message: str, span: tuple) -> None:
        super().__init__(message)
        self.message = message
        self.span = span


class Abort(Exception):
    """The process dies at once (stack overflow → SIGABRT, 134). Nothing is dropped."""

    def __init__(self, stderr: str, exit_code: int) -> None:
        super().__init__(stderr)
        self.stderr = stderr
        self.exit_code = exit_code


class StepLimit(Exception):
    def __init__(self, limit: int, span: tuple) -> None:
        super().__init__(limit)
        self.limit = limit
        self.span = span


class InternalLimit(Exception):
    """A construct the interpreter meets at run time that is outside the subset (reported with exit code 2)."""

    def __init__(self, what: str, span: tuple) -> None:
        super().__init__(what)
        self.what = what
        self.span = span


class Call:
    """A request from a frame's generator to the driver: run `fn` with these arguments and send back its value."""

    __slots__ = ("fn", "args", "self_value", "span")

    def __init__(self, fn, args: list, self_value, span: tuple) -> None:
        self.fn = fn
        self.args = args
        self.self_value = self_value
        self.span = span
