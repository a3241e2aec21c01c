"""Lowering of control flow: conditions (`if let` chains included), `if`, `match`, the three loops, `break`,
`continue` and `return`.

Part of `Builder` (`borrowck_build`). Branches list their successors in the order rustc's MIR does, since that order
decides the order rustc visits the graph in (which a few "report once" rules depend on).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whiteboard.model import syntax as ast
from whiteboard.model.syntax import Span
from whiteboard.sim.borrowck_mir import Place, Use

# The statements MIR spends leaving a loop (see `loop_exit`).
_LOOP_EXIT_STATEMENTS = 4


@dataclass
class LoopFrame:
    label: str | None
    header: int  # where `continue` goes
    exit: int  # where `break` goes
    result: int | None  # the temporary a `break value` writes
    depth: int  # how many scopes were open when the loop started


class ControlLowering:
    # --------------------------------------------------------------------------------------------- conditions

    def switch(self, span: Span, value: int | None, arms: int) -> list[int]:
        """A branch on `value` to `arms` new points, successors in the given order."""
        point = self.emit(span)
        if value is not None:
            point.uses.append(Use(value, span))
        self.end_block()
        source = self.cur
        targets = [self.new_point(span) for _ in range(arms)]
        for target in targets:
            self.edge(source, target)
        self.cur = None
        return targets

    def condition(self, cond: ast.Node) -> tuple[int, int]:
        """Lower an `if`/`while` condition; return the points reached when it holds and when it does not. MIR
        switches on a `bool` to the `false` target first; `if let` tests its pattern with the match first."""
        if isinstance(cond, ast.LetCond):
            place = self.scrutinee(cond.expr)
            holds, fails = self.test(cond.pattern, place, cond.span)
            self.cur = holds
            self.bind_pattern(cond.pattern, place)
            return self.cur, fails
        if isinstance(cond, ast.Binary) and cond.op == "&&" and _has_let(cond):
            holds, fails = self.condition(cond.lhs)
            self.cur = holds
            holds, fails_rhs = self.condition(cond.rhs)
            return holds, self.join([fails, fails_rhs], cond.span)
        fails, holds = self.switch(cond.span, self.value(cond), 2)
        return holds, fails

    def test(self, pattern: ast.Pattern, place: Place, span: Span) -> tuple[int, int]:
        """Whether `place` matches the pattern: the points for "matched" and "did not match" (never reached when
        the pattern cannot fail)."""
        if self.refutable(pattern):
            matched, failed = self.switch(span, None, 2)
            return matched, failed
        self.emit(span)
        matched, self.cur = self.cur, None
        return matched, self.new_point(span)

    def join(self, sources: list[int | None], span: Span) -> int:
        target = self.new_point(span)
        for source in sources:
            self.edge(source, target)
        return target

    # -------------------------------------------------------------------------------------------- control flow

    def v_If(self, node: ast.If) -> int | None:
        result = self.temp(self.ty(node))
        self.enter_scope()  # `if let` bindings
        holds, fails = self.condition(node.cond)
        self.cur = holds
        self.assign_result(result, self.value(node.then), node.then.span)
        self.exit_scope(closing(node.then.span))
        after_then = self.cur
        self.cur = fails
        if node.orelse is not None:
            self.assign_result(result, self.value(node.orelse), node.orelse.span)
        self.cur = self.join([after_then, self.cur], node.span)
        return result

    def assign_result(self, result: int, value: int | None, span: Span) -> None:
        if self.cur is not None:
            self.assign(result, value, span)

    def v_Match(self, node: ast.Match) -> int | None:
        result = self.temp(self.ty(node))
        place = self.scrutinee(node.scrutinee, inspect=True)
        entries = self.switch(node.scrutinee.span, None, len(node.arms))
        ends, fallthrough = [], None
        for arm, entry in zip(node.arms, entries, strict=True):
            self.cur = self.join([entry, fallthrough], arm.span)
            fallthrough = self.lower_arm(arm, place, result)
            ends.append(self.cur)
        self.cur = self.join(ends, node.span)
        return result

    def lower_arm(self, arm: ast.MatchArm, place: Place, result: int) -> int | None:
        """One arm; returns the point a failed guard continues from. By-value bindings only move once the guard
        has passed (rustc binds them by reference for the guard), so a failed guard leaves the scrutinee whole."""
        self.enter_scope()
        failed = None
        if arm.guard is not None:
            self.bind_pattern(arm.pattern, place, moving=False)
            fails, holds = self.switch(arm.guard.span, self.value(arm.guard), 2)
            failed, self.cur = fails, holds
        self.bind_pattern(arm.pattern, place)
        self.assign_result(result, self.value(arm.body), arm.body.span)
        self.exit_scope(arm.span)
        return failed

    def v_Loop(self, node: ast.Loop) -> int | None:
        result = self.temp(self.ty(node))
        header = self.loop_header(node.span)
        exit_ = self.loop_exit(node.span)
        self.loop_body(
            node,
            LoopFrame(node.label, header, exit_, result, len(self.scopes)),
            _keyword_span(self.source_lines, node.span, node.body.span, "loop"),
            node.body,
        )
        self.cur = exit_
        return result

    def v_While(self, node: ast.While) -> int | None:
        header = self.loop_header(node.span)
        exit_ = self.loop_exit(node.span)
        frame = LoopFrame(node.label, header, exit_, None, len(self.scopes))
        head = _keyword_span(self.source_lines, node.span, node.body.span, "while")
        head = (*head[:2], *node.cond.span[2:])
        self.around.append((head, node.span))
        self.enter_scope()  # `while let` bindings
        holds, fails = self.condition(node.cond)
        self.edge(fails, exit_)
        self.cur = holds
        self.around.pop()
        self.loop_body(node, frame, head, node.body)
        self.scopes.pop()  # its locals' scope ends on the paths that left through `fails` or `break`
        self.cur = exit_
        return None

    def v_For(self, node: ast.For) -> int | None:
        iterator = self.value(node.iter, into_iter=True)
        header = self.loop_header(node.iter.span)
        item = self.temp(self.need(self.info.pat_types, node.pattern))
        next_point = self.emit(node.iter.span)  # `Iterator::next(&mut iter)`
        if iterator is not None:
            next_point.uses.append(Use(iterator, node.iter.span))
            self.flow(iterator, item)
        next_point.defs.append(item)
        done, body = self.switch(node.iter.span, None, 2)
        exit_ = self.loop_exit(node.span)
        self.edge(done, exit_)
        frame = LoopFrame(node.label, header, exit_, None, len(self.scopes))
        head = _keyword_span(self.source_lines, node.span, node.body.span, "for")
        head = (*head[:2], *node.iter.span[2:])
        self.cur = body
        self.enter_scope()
        self.bind_pattern(node.pattern, Place(item))
        self.loop_body(node, frame, head, node.body)
        self.scopes.pop()
        self.cur = exit_
        return None

    def loop_exit(self, span: Span) -> int:
        """Where a loop ends. MIR leaves a loop through the `StorageDead`s of its temporaries (the iterator, the
        condition), which rustc counts when it looks for the nearest later use of a borrow."""
        exit_ = self.new_point(span)
        self.body.points[exit_].weight = _LOOP_EXIT_STATEMENTS
        return exit_

    def loop_header(self, span: Span) -> int:
        header = self.new_point(span)
        self.goto(header)
        self.cur = header
        return header

    def loop_body(self, node: ast.Node, frame: LoopFrame, head: Span, body: ast.Block) -> None:
        self.loops.append(frame)
        self.around.append((head, node.span))
        self.value(body)
        self.leave_scopes(frame.depth, closing(body.span))
        self.goto(frame.header)
        self.around.pop()
        self.loops.pop()

    def v_Break(self, node: ast.Break) -> int | None:
        frame = self.loop_frame(node.label)
        value = self.value(node.value) if node.value is not None else None
        if frame.result is not None and self.cur is not None:
            self.assign(frame.result, value, node.span)
        self.leave_scopes(frame.depth, node.span)
        self.goto(frame.exit)
        return None

    def v_Continue(self, node: ast.Continue) -> int | None:
        frame = self.loop_frame(node.label)
        self.leave_scopes(frame.depth, node.span)
        self.goto(frame.header)
        return None

    def loop_frame(self, label: str | None) -> LoopFrame:
        return next(f for f in reversed(self.loops) if label is None or f.label == label)

    def v_Return(self, node: ast.Return) -> int | None:
        value = self.value(node.value) if node.value is not None else None
        self.give_back(value, node.value.span if node.value is not None else node.span)
        self.return_to_exit(node.span)
        return None


def _has_let(cond: ast.Node) -> bool:
    return (
        isinstance(cond, ast.LetCond)
        or isinstance(cond, ast.Binary)
        and cond.op == "&&"
        and (_has_let(cond.lhs) or _has_let(cond.rhs))
    )


def closing(span: Span) -> Span:
    """The closing brace of a block, where its locals' scope ends."""
    return span[2], max(span[3] - 1, 1), span[2], span[3]


def _keyword_span(lines: list[str], span: Span, body: Span, keyword: str) -> Span:
    """Where `loop`/`while`/`for` is written: after any label, before the body."""
    line, col = span[0], span[1]
    while (line, col) < body[:2]:
        text = lines[line - 1]
        found = re.search(rf"\b{keyword}\b", text[col - 1 :])
        if found:
            start = col + found.start()
            return line, start, line, start + len(keyword)
        line, col = line + 1, 1
    return span
