"""Lowering of expressions and patterns.

Blocks (which hold statements and items) are lowered by the subclass in `parser.py`; macros by `parse_macros`.
"""

from __future__ import annotations

from tree_sitter import Node

from whiteboard.model import parse_literals, parse_macros
from whiteboard.model import syntax as ast
from whiteboard.model.parse_tree import ParseError, Placement, Source
from whiteboard.model.parse_types import TypeLowerer, has_mut, has_token, kids
from whiteboard.model.syntax import Unsupported

_UNSUPPORTED_EXPRS = {
    "closure_expression": "closures",
    "try_expression": "the `?` operator",
    "await_expression": "`.await`",
    "async_block": "`async` blocks",
    "const_block": "`const` blocks",
    "gen_block": "`gen` blocks",
    "try_block": "`try` blocks",
    "yield_expression": "`yield`",
    "let_chain": "let chains",
    "let_condition": "`let` outside `if` and `while` conditions",
    "metavariable": "macro metavariables",
}

_LITERALS = {
    "integer_literal": parse_literals.integer,
    "float_literal": parse_literals.floating,
    "char_literal": parse_literals.char,
    "string_literal": parse_literals.string,
    "raw_string_literal": parse_literals.string,
    "boolean_literal": parse_literals.boolean,
}
_PATH_KINDS = frozenset({"identifier", "self", "scoped_identifier", "generic_function", "crate", "super"})


class ExprLowerer(TypeLowerer):
    def block(self, node: Node, unsafe: bool = False, span_node: Node | None = None) -> ast.Block:
        raise NotImplementedError  # statements and items are lowered by parser.Lowerer

    def embedded(self, prefix: str, first: Node, last: Node, suffix: str) -> tuple[ExprLowerer, Node]:
        """Parse the source from the start of `first` to the end of `last` between `prefix` (a single line) and
        `suffix`, for macro arguments. Returns a lowerer whose spans point into the user's file, and the wrapper's
        root node."""
        snippet = self.src.data[first.start_byte : last.end_byte].decode()
        line, col = self.src.position(*first.start_point)
        sub = Source(prefix + snippet + suffix, Placement(line, col, len(prefix)))
        sub.check_syntax()
        return type(self)(sub, self.consts), sub.root

    # --------------------------------------------------------------------------------------------- expressions

    def expr(self, node: Node) -> ast.Expr:
        kind = node.type
        if kind in _PATH_KINDS:
            return self.path(node)
        if kind in _LITERALS:
            return self.literal(node)
        method = getattr(self, "_e_" + kind, None)  # the lowering of each supported kind is named after it
        if method is None:
            raise Unsupported(_UNSUPPORTED_EXPRS.get(kind, f"`{kind}` expressions"), self.src.span(node))
        return method(node)

    def literal(self, node: Node) -> ast.Lit:
        text, span = self.src.text(node), self.src.span(node)
        if text.startswith("c"):
            raise Unsupported("C string literals", span)
        try:
            kind, value, suffix = _LITERALS[node.type](text)
        except parse_literals.LiteralError as error:
            raise ParseError(
                str(error), span if error.offset is None else _char_span(text, span, error.offset)
            ) from None
        return ast.Lit(kind, value, suffix, span=span)

    def _e_parenthesized_expression(self, node: Node) -> ast.Expr:
        return self.expr(kids(node)[0])

    def _e_unary_expression(self, node: Node) -> ast.Unary:
        return ast.Unary(node.children[0].type, self.expr(kids(node)[0]), span=self.src.span(node))

    def _e_reference_expression(self, node: Node) -> ast.AddrOf:
        if has_token(node, "raw"):
            raise Unsupported("raw borrows (`&raw`)", self.src.span(node))
        return ast.AddrOf(self.expr(node.child_by_field_name("value")), has_mut(node), span=self.src.span(node))

    def _e_binary_expression(self, node: Node) -> ast.Binary | ast.Break:
        operator = node.child_by_field_name("operator")
        left = node.child_by_field_name("left")
        if left.type == "break_expression" and len(left.children) == 1 and operator.type in ("-", "*", "&"):
            return self._break_with_prefixed_value(node, left, operator)
        return ast.Binary(
            operator.type,
            self.expr(node.child_by_field_name("left")),
            self.expr(node.child_by_field_name("right")),
            op_span=self.src.span(operator),
            span=self.src.span(node),
        )

    def _break_with_prefixed_value(self, node: Node, brk: Node, operator: Node) -> ast.Break:
        """tree-sitter-rust reads `break -1` / `break *x` / `break &x` as `(break) - 1`; rustc reads a break with
        the value `-1`. Rebuild what rustc sees."""
        right = self.expr(node.child_by_field_name("right"))
        value_span = (*self.src.span(operator)[:2], *right.span[2:])
        if operator.type == "&":
            value = ast.AddrOf(right, span=value_span)
        else:
            value = ast.Unary(operator.type, right, span=value_span)
        return ast.Break(None, value, span=self.src.span(node))

    def _e_assignment_expression(self, node: Node) -> ast.Assign | ast.Range:
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        # tree-sitter-rust reads `..=b` as the assignment `.. = b`; rustc reads a range to `b` inclusive.
        if left.type == "range_expression" and not kids(left) and left.end_byte == node.children[1].start_byte:
            return ast.Range(None, self.expr(right), inclusive=True, span=self.src.span(node))
        return ast.Assign(self.expr(left), self.expr(right), span=self.src.span(node))

    def _e_compound_assignment_expr(self, node: Node) -> ast.Assign:
        operator = node.child_by_field_name("operator").type  # `+=`, `<<=` …
        return ast.Assign(
            self.expr(node.child_by_field_name("left")),
            self.expr(node.child_by_field_name("right")),
            op=operator[:-1],
            span=self.src.span(node),
        )

    def _e_type_cast_expression(self, node: Node) -> ast.Cast:
        return ast.Cast(
            self.expr(node.child_by_field_name("value")),
            self.ty(node.child_by_field_name("type")),
            span=self.src.span(node),
        )

    def _e_call_expression(self, node: Node) -> ast.Call | ast.MethodCall:
        function = node.child_by_field_name("function")
        args = [self.expr(arg) for arg in kids(node.child_by_field_name("arguments")) if arg.type != "attribute_item"]
        generics: tuple = ()
        if function.type == "generic_function" and function.child_by_field_name("function").type == "field_expression":
            generics = self.type_args(function.child_by_field_name("type_arguments"))
            function = function.child_by_field_name("function")
        if function.type != "field_expression":
            return ast.Call(self.expr(function), args, span=self.src.span(node))
        method = function.child_by_field_name("field")
        return ast.MethodCall(
            self.expr(function.child_by_field_name("value")),
            self.src.text(method),
            args,
            generics=generics,
            method_span=self.src.span(method),
            span=self.src.span(node),
        )

    def _e_field_expression(self, node: Node) -> ast.FieldAccess:
        name = self.src.text(node.child_by_field_name("field"))
        return ast.FieldAccess(self.expr(node.child_by_field_name("value")), name, span=self.src.span(node))

    def _e_index_expression(self, node: Node) -> ast.Index:
        base, index = kids(node)
        return ast.Index(self.expr(base), self.expr(index), span=self.src.span(node))

    def _e_struct_expression(self, node: Node) -> ast.StructLit:
        fields: list[tuple[str, ast.Expr]] = []
        base = None
        for child in kids(node.child_by_field_name("body")):
            if child.type == "field_initializer":
                name = self.src.text(child.child_by_field_name("field"))
                fields.append((name, self.expr(child.child_by_field_name("value"))))
            elif child.type == "shorthand_field_initializer":
                name_node = kids(child)[0]
                fields.append((self.src.text(name_node), self.path(name_node)))
            elif child.type == "base_field_initializer":
                base = self.expr(kids(child)[0])
        return ast.StructLit(self.path(node.child_by_field_name("name")), fields, base, span=self.src.span(node))

    def _e_tuple_expression(self, node: Node) -> ast.TupleLit:
        elems = [self.expr(child) for child in kids(node) if child.type != "attribute_item"]
        return ast.TupleLit(elems, span=self.src.span(node))

    def _e_unit_expression(self, node: Node) -> ast.TupleLit:
        return ast.TupleLit([], span=self.src.span(node))

    def _e_array_expression(self, node: Node) -> ast.ArrayLit | ast.ArrayRepeat:
        length = node.child_by_field_name("length")
        elems = [child for child in kids(node) if child.type != "attribute_item" and child != length]
        if length is not None:
            return ast.ArrayRepeat(self.expr(elems[0]), self.expr(length), span=self.src.span(node))
        return ast.ArrayLit([self.expr(child) for child in elems], span=self.src.span(node))

    def _e_range_expression(self, node: Node) -> ast.Range:
        operator = next(c for c in node.children if c.type in ("..", "..=", "..."))
        start = [c for c in kids(node) if c.end_byte <= operator.start_byte]
        end = [c for c in kids(node) if c.start_byte >= operator.end_byte]
        return ast.Range(
            self.expr(start[0]) if start else None,
            self.expr(end[0]) if end else None,
            inclusive=operator.type != "..",
            span=self.src.span(node),
        )

    def _e_unsafe_block(self, node: Node) -> ast.Block:
        return self.block(kids(node)[0], unsafe=True, span_node=node)

    def _e_if_expression(self, node: Node) -> ast.If:
        alternative = node.child_by_field_name("alternative")
        orelse = None
        if alternative is not None:
            branch = kids(alternative)[0]
            orelse = self._e_if_expression(branch) if branch.type == "if_expression" else self.block(branch)
        return ast.If(
            self._condition(node.child_by_field_name("condition")),
            self.block(node.child_by_field_name("consequence")),
            orelse,
            span=self.src.span(node),
        )

    def _condition(self, node: Node) -> ast.Expr:
        if node.type != "let_condition":
            return self.expr(node)
        return ast.LetCond(
            self.pattern(node.child_by_field_name("pattern")),
            self.expr(node.child_by_field_name("value")),
            span=self.src.span(node),
        )

    def _e_while_expression(self, node: Node) -> ast.While:
        return ast.While(
            self._condition(node.child_by_field_name("condition")),
            self.block(node.child_by_field_name("body")),
            label=self._label(node),
            span=self.src.span(node),
        )

    def _e_loop_expression(self, node: Node) -> ast.Loop:
        return ast.Loop(self.block(node.child_by_field_name("body")), label=self._label(node), span=self.src.span(node))

    def _e_for_expression(self, node: Node) -> ast.For:
        return ast.For(
            self.pattern(node.child_by_field_name("pattern")),
            self.expr(node.child_by_field_name("value")),
            self.block(node.child_by_field_name("body")),
            label=self._label(node),
            span=self.src.span(node),
        )

    def _e_break_expression(self, node: Node) -> ast.Break:
        values = [c for c in kids(node) if c.type != "label"]
        value = self.expr(values[0]) if values else None
        return ast.Break(self._label(node), value, span=self.src.span(node))

    def _e_continue_expression(self, node: Node) -> ast.Continue:
        return ast.Continue(self._label(node), span=self.src.span(node))

    def _e_return_expression(self, node: Node) -> ast.Return:
        values = kids(node)
        return ast.Return(self.expr(values[0]) if values else None, span=self.src.span(node))

    def _label(self, node: Node) -> str | None:
        """A loop's or a `break`'s label as written, quote included: `'outer`."""
        labels = [c for c in kids(node) if c.type == "label"]
        return self.src.text(labels[0]) if labels else None

    def _e_match_expression(self, node: Node) -> ast.Match:
        arms = [self._match_arm(arm) for arm in kids(node.child_by_field_name("body")) if arm.type == "match_arm"]
        return ast.Match(self.expr(node.child_by_field_name("value")), arms, span=self.src.span(node))

    def _match_arm(self, node: Node) -> ast.MatchArm:
        pattern_node, body = node.child_by_field_name("pattern"), node.child_by_field_name("value")
        guard = pattern_node.child_by_field_name("condition")
        pattern = next(c for c in _pattern_children(pattern_node) if c != guard)
        return ast.MatchArm(
            self.pattern(pattern),
            self._condition(guard) if guard is not None else None,
            self.expr(body),
            span=self.src.span_between(node, body),
        )

    def _e_block(self, node: Node) -> ast.Block:
        if kids(node) and kids(node)[0].type == "label":
            raise Unsupported("labelled blocks", self.src.span(node))
        return self.block(node)

    def _e_macro_invocation(self, node: Node) -> ast.Expr:
        return parse_macros.lower_macro(self, node)

    # ------------------------------------------------------------------------------------------------ patterns

    def pattern(self, node: Node) -> ast.Pattern:
        span = self.src.span(node)
        match node.type:
            case "_":
                return ast.PWild(span=span)
            case "identifier":
                name = self.src.text(node)
                # rustc resolves a lone name against unit variants and consts in scope; the subset's rule is that
                # capitalised names (`None`, `Red`, `MAX`) are paths and lowercase ones bind.
                if name[0].isupper():
                    return ast.PPath(self.path(node), span=span)
                return ast.PIdent(name, span=span)
            case "mut_pattern" | "ref_pattern":
                return self._binding(node)
            case "captured_pattern":
                binding, sub = _pattern_children(node)
                ident = self._binding(binding)
                ident.sub, ident.span = self.pattern(sub), span
                return ident
            case "scoped_identifier":
                return ast.PPath(self.path(node), span=span)
            case "remaining_field_pattern":
                return ast.PRest(span=span)
            case "negative_literal":
                return ast.PLit(self.literal(kids(node)[0]), negative=True, span=span)
            case "reference_pattern":
                return ast.PRef(self.pattern(_pattern_children(node)[-1]), has_mut(node), span=span)
            case "or_pattern":
                return ast.POr([alt for c in _pattern_children(node) for alt in self._alternatives(c)], span=span)
        if node.type in _LITERALS:
            return ast.PLit(self.literal(node), span=span)
        method = getattr(self, "_p_" + node.type, None)  # as in `expr`
        if method is None:
            raise Unsupported(_UNSUPPORTED_PATTERNS.get(node.type, f"`{node.type}` patterns"), span)
        return method(node)

    def pattern_field(self, node: Node) -> ast.Pattern:
        """The `pattern` of a `let` or a parameter, where tree-sitter puts `mut` beside it rather than inside."""
        pattern = node.child_by_field_name("pattern")
        mut = next((c for c in kids(node) if c.type == "mutable_specifier"), None)
        if mut is None:
            return self.pattern(pattern)
        binding = self._binding(pattern)
        binding.mutable, binding.span = True, self.src.span_between(mut, pattern)
        return binding

    def _binding(self, node: Node) -> ast.PIdent:
        """`x`, `mut x`, `ref x`, `ref mut x`: always a binding, whatever the case of the name."""
        if node.type == "identifier":
            return ast.PIdent(self.src.text(node), span=self.src.span(node))
        if node.type not in ("mut_pattern", "ref_pattern"):
            raise Unsupported("`mut` or `ref` on a pattern other than a name", self.src.span(node))
        binding = self._binding(kids(node)[-1])
        if node.type == "mut_pattern":
            binding.mutable = True
        else:
            binding.by_ref = True
        binding.span = self.src.span(node)
        return binding

    def _alternatives(self, node: Node) -> list[ast.Pattern]:
        """tree-sitter nests `a | b | c` to the left; the syntax tree keeps one flat list."""
        lowered = self.pattern(node)
        return lowered.alts if node.type == "or_pattern" else [lowered]

    def _p_tuple_pattern(self, node: Node) -> ast.Pattern:
        elems = [self.pattern(c) for c in _pattern_children(node)]
        # `(pat)` only groups; a one-element tuple pattern needs its trailing comma.
        if len(elems) == 1 and not has_token(node, ","):
            return elems[0]
        return ast.PTuple(elems, span=self.src.span(node))

    def _p_tuple_struct_pattern(self, node: Node) -> ast.PTupleStruct:
        path_node = node.child_by_field_name("type")
        elems = [self.pattern(c) for c in _pattern_children(node) if c != path_node]
        return ast.PTupleStruct(self.path(path_node), elems, span=self.src.span(node))

    def _p_struct_pattern(self, node: Node) -> ast.PStruct:
        fields: list[tuple[str, ast.Pattern]] = []
        for child in kids(node):
            if child.type != "field_pattern":
                continue
            name = child.child_by_field_name("name")
            sub = child.child_by_field_name("pattern")
            if sub is None:  # shorthand `{ x }`, `{ ref mut x }`
                binding = ast.PIdent(self.src.text(name), span=self.src.span(child))
                binding.by_ref = has_token(child, "ref")
                binding.mutable = has_mut(child)
                fields.append((binding.name, binding))
            else:
                fields.append((self.src.text(name), self.pattern(sub)))
        rest = any(c.type == "remaining_field_pattern" for c in kids(node))
        return ast.PStruct(self.path(node.child_by_field_name("type")), fields, rest, span=self.src.span(node))

    def _p_range_pattern(self, node: Node) -> ast.PRange:
        lo, hi = node.child_by_field_name("left"), node.child_by_field_name("right")
        return ast.PRange(
            self._range_bound(lo) if lo is not None else None,
            self._range_bound(hi) if hi is not None else None,
            inclusive=not has_token(node, ".."),
            span=self.src.span(node),
        )

    def _range_bound(self, node: Node) -> ast.PLit | ast.Path:
        if node.type in ("identifier", "scoped_identifier"):
            return self.path(node)
        return self.pattern(node)


_UNSUPPORTED_PATTERNS = {
    "slice_pattern": "slice patterns",
    "generic_pattern": "generic arguments in patterns",
    "macro_invocation": "macros in patterns",
    "const_block": "`const` blocks",
}


def _char_span(text: str, span: ast.Span, offset: int) -> ast.Span:
    """The span of the character at `offset` in a token `text` starting at `span`'s start (it may span lines)."""
    before = text[:offset]
    line = span[0] + before.count("\n")
    col = len(before) - before.rfind("\n") if "\n" in before else span[1] + offset
    return line, col, line, col + 1


def _pattern_children(node: Node) -> list[Node]:
    """Named children plus `_`, which tree-sitter keeps as an anonymous token."""
    return [c for c in node.children if (c.is_named and not c.is_extra) or c.type == "_"]
