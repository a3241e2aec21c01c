"""Lowering of macro calls.

tree-sitter leaves a macro's arguments as an unparsed token tree. The arguments of the macros the subset knows are
Rust expressions (or a type, for `offset_of!`), so they are re-parsed inside a one-line wrapper program, e.g.
`fn __w() { __f(ARGS); }`, whose positions map back to the user's file; tree-sitter then splits the arguments at the
right commas even around generics or nested macros.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tree_sitter import Node

from whiteboard.model import syntax as ast
from whiteboard.model.parse_tree import ParseError
from whiteboard.model.parse_types import kids
from whiteboard.model.syntax import Unsupported

if TYPE_CHECKING:
    from whiteboard.model.parse_exprs import ExprLowerer

FORMAT_MACROS = frozenset(
    {"println", "print", "eprintln", "eprint", "format", "panic", "unreachable", "todo", "unimplemented"}
)
# Number of compared expressions before the optional message.
ASSERT_MACROS = {
    "assert": 1,
    "debug_assert": 1,
    "assert_eq": 2,
    "assert_ne": 2,
    "debug_assert_eq": 2,
    "debug_assert_ne": 2,
}

# The closing part starts a new line so that a `// comment` ending the arguments cannot swallow it.
_CALL_WRAPPER = ("fn __w() { __f(", "\n); }")
_ARRAY_WRAPPER = ("fn __w() { [", "\n]; }")
_TYPE_WRAPPER = ("type __W = ", "\n;")


def lower_macro(lw: ExprLowerer, node: Node) -> ast.Expr:
    name_node = node.child_by_field_name("macro")
    name_node = name_node.child_by_field_name("name") or name_node  # `std::println!` is `println!`
    name = lw.src.text(name_node)
    tree = next(c for c in kids(node) if c.type == "token_tree")
    span = lw.src.span(node)
    if name in FORMAT_MACROS:
        return _format_macro(name, _arguments(lw, tree), span)
    if name in ASSERT_MACROS:
        return _assert_macro(name, _arguments(lw, tree), span)
    if name == "vec":
        return _vec_macro(lw, tree, span)
    if name == "offset_of":
        return _offset_of(lw, tree, span)
    return ast.MacroCall(name, span=span)


def _inner(tree: Node) -> tuple[Node, Node] | None:
    """The first and last token inside the delimiters of a token tree, or None when it is empty."""
    tokens = tree.children[1:-1]
    return (tokens[0], tokens[-1]) if tokens else None


def _arguments(lw: ExprLowerer, tree: Node) -> list[ast.Expr]:
    inner = _inner(tree)
    if inner is None:
        return []
    sub, root = lw.embedded(_CALL_WRAPPER[0], *inner, _CALL_WRAPPER[1])
    arguments = _first_of_kind(root, "arguments")
    return [sub.expr(arg) for arg in kids(arguments)]


def _format_macro(macro: str, args: list[ast.Expr], span: ast.Span) -> ast.FormatMacro:
    if not args:
        return ast.FormatMacro(macro, None, [], span=span)
    template, *rest = args
    if not (isinstance(template, ast.Lit) and template.kind == "str"):
        raise ParseError("format argument must be a string literal", template.span)
    return ast.FormatMacro(
        macro, template.value, [_format_arg(arg) for arg in rest], template_span=template.span, span=span
    )


def _format_arg(arg: ast.Expr) -> ast.FormatArg:
    """`name = expr` parses as an assignment to a plain name; anything else is positional."""
    if isinstance(arg, ast.Assign) and arg.op is None and isinstance(arg.target, ast.Path):
        if len(arg.target.segments) == 1 and not arg.target.generics:
            return ast.FormatArg(arg.value, arg.target.segments[0], span=arg.span)
    return ast.FormatArg(arg, span=arg.span)


def _assert_macro(macro: str, args: list[ast.Expr], span: ast.Span) -> ast.AssertMacro:
    count = ASSERT_MACROS[macro]
    if len(args) < count:
        raise ParseError(f"`{macro}!` needs {count} argument{'s' if count > 1 else ''}", span)
    checked, message_args = args[:count], args[count:]
    message = None
    if message_args:
        message_span = message_args[0].span[:2] + message_args[-1].span[2:]
        message = _format_macro("format", message_args, message_span)
    return ast.AssertMacro(macro, checked, message, span=span)


def _vec_macro(lw: ExprLowerer, tree: Node, span: ast.Span) -> ast.VecMacro:
    inner = _inner(tree)
    if inner is None:
        return ast.VecMacro(elems=[], span=span)
    sub, root = lw.embedded(_ARRAY_WRAPPER[0], *inner, _ARRAY_WRAPPER[1])
    array = sub.expr(_first_of_kind(root, "array_expression"))
    if isinstance(array, ast.ArrayRepeat):
        return ast.VecMacro(repeat=(array.value, array.count), span=span)
    return ast.VecMacro(elems=array.elems, span=span)


def _offset_of(lw: ExprLowerer, tree: Node, span: ast.Span) -> ast.OffsetOf:
    """`offset_of!(Type, field)`: the type may contain commas (`Pair<u8, u16>`), the field never does."""
    tokens = tree.children[1:-1]
    if tokens and tokens[-1].type == ",":
        tokens = tokens[:-1]
    commas = [i for i, token in enumerate(tokens) if token.type == ","]
    if not commas or commas[-1] == 0:
        raise ParseError("expected `offset_of!(Type, field)`", span)
    type_tokens, field_tokens = tokens[: commas[-1]], tokens[commas[-1] + 1 :]
    if len(field_tokens) != 1 or field_tokens[0].type not in ("identifier", "integer_literal"):
        raise Unsupported("`offset_of!` with a nested field", span)
    sub, root = lw.embedded(_TYPE_WRAPPER[0], type_tokens[0], type_tokens[-1], _TYPE_WRAPPER[1])
    ty = sub.ty(_first_of_kind(root, "type_item").child_by_field_name("type"))
    return ast.OffsetOf(ty, lw.src.text(field_tokens[0]), span=span)


def _first_of_kind(node: Node, kind: str) -> Node:
    """The first node of `kind` in the wrapper, in source order (the wrapper's own, outermost one)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == kind:
            return current
        stack.extend(reversed(current.children))
    raise AssertionError(f"wrapper without {kind}")
