"""Lowering of type annotations and paths, shared by items, expressions and patterns.

Types become `whiteboard.model.types` values: named types keep only their last path segment (`std::rc::Rc<u8>` is
`Adt("Rc", (u8,))`) and lifetimes are dropped, since the subset never checks them.
"""

from __future__ import annotations

from tree_sitter import Node

from whiteboard.model import parse_literals
from whiteboard.model import types as t
from whiteboard.model.parse_tree import Source
from whiteboard.model.syntax import Path, Unsupported

_UNSUPPORTED_TYPES = {
    "abstract_type": "`impl Trait` types",
    "bounded_type": "types with bounds",
    "qualified_type": "qualified paths",
    "bracketed_type": "qualified paths",
    "macro_invocation": "macros in types",
    "type_identifier": "the `_` placeholder type",  # the only type_identifier not lowered
}


def kids(node: Node) -> list[Node]:
    """Named children without comments (tree-sitter puts comments anywhere as "extra" nodes)."""
    return [child for child in node.named_children if not child.is_extra]


def has_token(node: Node, token: str) -> bool:
    """Whether `node` has the anonymous token `token` (`&`, `mut`, `..=` …) as a direct child."""
    return any(child.type == token for child in node.children if not child.is_named)


def has_mut(node: Node) -> bool:
    """Whether `node` carries a `mut` of its own (`&mut T`, `let mut x`, `&mut self`)."""
    return any(child.type == "mutable_specifier" for child in kids(node))


class TypeLowerer:
    def __init__(self, src: Source, consts: dict[str, int]):
        self.src = src
        self.consts = consts  # integer `const`s of the file, for array lengths like `[u8; N]`

    def ty(self, node: Node) -> t.Ty:
        match node.type:
            case "primitive_type":
                return t.PRIMITIVES[self.src.text(node)]
            case "type_identifier" if self.src.text(node) != "_":
                return t.Adt(self.src.text(node))
            case "scoped_type_identifier":
                return t.Adt(self.src.text(node.child_by_field_name("name")))
            case "generic_type":
                name, _ = self._segments(node.child_by_field_name("type"))[-1]
                return t.Adt(name, self.type_args(node.child_by_field_name("type_arguments")))
            case "reference_type" | "pointer_type":
                inner = self.ty(node.child_by_field_name("type"))
                return t.Ref(inner, has_mut(node)) if node.type == "reference_type" else t.RawPtr(inner, has_mut(node))
            case "array_type":
                elem, length = self.ty(node.child_by_field_name("element")), node.child_by_field_name("length")
                return t.Slice(elem) if length is None else t.Array(elem, self._array_length(length))
            case "tuple_type":
                return self._tuple_type(node)
            case "unit_type":
                return t.UNIT
            case "never_type":
                return t.NEVER
            case "function_type":
                return self._fn_pointer(node)
            case "dynamic_type":
                return t.Dyn(self.src.text(node.child_by_field_name("trait")))
        raise Unsupported(_UNSUPPORTED_TYPES.get(node.type, f"`{node.type}` types"), self.src.span(node))

    def type_args(self, node: Node) -> tuple[t.Ty, ...]:
        """The types in `<…>`, without lifetimes."""
        args = []
        for child in kids(node):
            if child.type == "type_binding":
                raise Unsupported("associated type bindings", self.src.span(child))
            if child.type != "lifetime":
                args.append(self.ty(child))
        return tuple(args)

    def _tuple_type(self, node: Node) -> t.Ty:
        elems = [self.ty(child) for child in kids(node)]
        # `(u8)` is just `u8`; only a trailing comma makes a one-element tuple.
        if len(elems) == 1 and not has_token(node, ","):
            return elems[0]
        return t.Tuple(tuple(elems))

    def _fn_pointer(self, node: Node) -> t.FnPtr:
        if not has_token(node, "fn"):
            raise Unsupported("closure traits", self.src.span(node))
        params = []
        for child in kids(node.child_by_field_name("parameters")):
            typed = child.child_by_field_name("type") if child.type == "parameter" else child
            params.append(self.ty(typed))
        ret = node.child_by_field_name("return_type")
        return t.FnPtr(tuple(params), self.ty(ret) if ret is not None else t.UNIT)

    def _array_length(self, node: Node) -> int:
        if node.type == "integer_literal":
            kind, value, _ = parse_literals.integer(self.src.text(node))
            if kind == "int":
                return value
        elif node.type == "identifier" and self.src.text(node) in self.consts:
            return self.consts[self.src.text(node)]
        raise Unsupported("array lengths other than an integer literal or an integer `const`", self.src.span(node))

    # ------------------------------------------------------------------------------------------------- paths

    def path(self, node: Node) -> Path:
        """`x`, `Vec::new`, `Vec::<u8>::with_capacity`, `size_of::<u64>`, `Shape::Circle`, `Self`, `self`."""
        segments = self._segments(node)
        names = tuple(name for name, _ in segments)
        generics = tuple(args for _, args in segments)
        return Path(names, generics if any(generics) else (), span=self.src.span(node))

    def _segments(self, node: Node) -> list[tuple[str, tuple[t.Ty, ...]]]:
        match node.type:
            case "identifier" | "type_identifier" | "self" | "crate" | "super":
                return [(self.src.text(node), ())]
            case "scoped_identifier" | "scoped_type_identifier":
                prefix = node.child_by_field_name("path")
                head = self._segments(prefix) if prefix is not None else []
                return head + [(self.src.text(node.child_by_field_name("name")), ())]
            case "generic_type" | "generic_function" | "generic_type_with_turbofish":
                base = node.child_by_field_name("type") or node.child_by_field_name("function")
                *head, (name, _) = self._segments(base)
                return head + [(name, self.type_args(node.child_by_field_name("type_arguments")))]
        raise Unsupported(_UNSUPPORTED_TYPES.get(node.type, f"`{node.type}` paths"), self.src.span(node))
