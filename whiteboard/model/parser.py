"""Lower tree-sitter-rust's concrete syntax tree into the project's syntax tree (`whiteboard.model.syntax`).

`parse_program` is the entry point. Valid Rust outside the subset raises `syntax.Unsupported` naming the construct;
text that is not Rust raises `ParseError`. Items and statements live here, expressions, patterns and types in
`parse_exprs`, macros in `parse_macros`.
"""

from __future__ import annotations

from tree_sitter import Node

from whiteboard.model import parse_literals
from whiteboard.model import syntax as ast
from whiteboard.model.parse_exprs import ExprLowerer
from whiteboard.model.parse_tree import ParseError, Source
from whiteboard.model.parse_types import has_mut, has_token, kids
from whiteboard.model.syntax import Unsupported
from whiteboard.model.types import UNIT

__all__ = ["ParseError", "parse_program"]


def parse_program(source: str, path: str = "main.rs") -> ast.Program:
    """Parse a whole Rust file into a `Program`, whose `source` is the text the spans index."""
    # rustc drops a byte-order mark and reads CRLF line ends as LF before it counts positions or reads literals.
    text = source.removeprefix("\ufeff").replace("\r\n", "\n")
    src = Source(text)
    src.check_syntax()
    lowerer = Lowerer(src, _integer_consts(src))
    items = lowerer.items(src.root.children)
    return ast.Program(items, source=text, path=path, span=src.span(src.root))


def _integer_consts(src: Source) -> dict[str, int]:
    """`const N: usize = 4;` anywhere in the file, so array types like `[u8; N]` get a length."""
    consts: dict[str, int] = {}
    stack = [src.root]
    while stack:
        node = stack.pop()
        if node.type == "const_item":
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if value is not None and value.type == "integer_literal":
                kind, number, _ = parse_literals.integer(src.text(value))
                if kind == "int":
                    consts.setdefault(src.text(name), number)
        stack.extend(reversed(node.named_children))
    return consts


# Items that are valid Rust but outside the subset, by tree-sitter kind.
_UNSUPPORTED_ITEMS = {
    "trait_item": "trait definitions",
    "mod_item": "modules",
    "type_item": "type aliases",
    "union_item": "unions",
    "macro_definition": "`macro_rules!` definitions",
    "macro_invocation": "macro calls outside functions",
    "extern_crate_declaration": "`extern crate`",
    "foreign_mod_item": "`extern` blocks",
}

# Item kinds, as opposed to statements and expressions, inside a block. A macro call there is an expression.
_ITEM_KINDS = frozenset(
    {"function_item", "struct_item", "enum_item", "impl_item", "const_item", "static_item", "use_declaration"}
    | (_UNSUPPORTED_ITEMS.keys() - {"macro_invocation"})
    | {"function_signature_item"}
)

# `self`, `mut self`, `&self`, `&mut self` by (has `&`, has `mut`).
_SELF_KINDS = {(False, False): "value", (False, True): "mut_value", (True, False): "ref", (True, True): "mut_ref"}
_ENUM_REPRS = frozenset({"C", "Rust", "i8", "i16", "i32", "i64", "isize", "u8", "u16", "u32", "u64", "usize"})


class _Attributes:
    """The outer attributes in front of an item; only `derive`, `repr` and test-only markers matter."""

    def __init__(self) -> None:
        self.derives: set[str] = set()
        self.reprs: list[tuple[list[str], Node]] = []  # the words inside each `#[repr(…)]`, and the attribute
        self.test_only = False


class Lowerer(ExprLowerer):
    """Lowers items and statements; expressions, patterns and types come from `ExprLowerer`."""

    # ------------------------------------------------------------------------------------------------- items

    def items(self, nodes: list[Node]) -> list[ast.Item]:
        items: list[ast.Item] = []
        attributes: list[Node] = []
        for node in nodes:
            if node.type == "attribute_item":
                attributes.append(node)
            elif node.type not in ("inner_attribute_item", "empty_statement") and not node.is_extra:
                item = self.item(node, self._attributes(attributes))
                attributes = []
                if item is not None:
                    items.append(item)
        return items

    def item(self, node: Node, attrs: _Attributes) -> ast.Item | None:
        # `#[cfg(test)]` and `#[test]` items are not compiled into the program being run.
        if attrs.test_only:
            return None
        match node.type:
            case "function_item":
                return self.fn(node)
            case "struct_item":
                return self.struct(node, attrs)
            case "enum_item":
                return self.enum(node, attrs)
            case "impl_item":
                return self.impl(node)
            case "const_item" | "static_item":
                return self.const(node)
            case "use_declaration":
                return self.use(node)
            case "function_signature_item":
                raise ParseError("free function without a body", self.src.span(node))
        raise Unsupported(_UNSUPPORTED_ITEMS.get(node.type, f"`{node.type}` items"), self.src.span(node))

    def _attributes(self, nodes: list[Node]) -> _Attributes:
        attrs = _Attributes()
        for node in nodes:
            attribute = next(c for c in kids(node) if c.type == "attribute")
            name = self.src.text(kids(attribute)[0])
            args = attribute.child_by_field_name("arguments")
            words = [self.src.text(c) for c in kids(args)] if args is not None else []  # `u8` is a primitive_type
            if name == "derive":
                # `derive(std::fmt::Debug)` yields identifiers std, fmt, Debug: only a group's last one is a trait.
                attrs.derives.update(self._last_words_of_groups(args))
            elif name == "repr":
                attrs.reprs.append((words, node))
            elif name == "test" or (name == "cfg" and words == ["test"]):
                attrs.test_only = True
        return attrs

    def _last_words_of_groups(self, token_tree: Node) -> list[str]:
        names, last = [], None
        for token in token_tree.children[1:]:
            if token.type == "identifier":
                last = self.src.text(token)
            elif token.type in (",", ")", "]", "}") and last is not None:
                names.append(last)
                last = None
        return names

    def _repr(self, attrs: _Attributes, allowed: frozenset[str]) -> str:
        if not attrs.reprs:
            return "Rust"
        (words, node), *others = attrs.reprs
        if others or len(words) != 1 or words[0] not in allowed:
            raise Unsupported(f"`{self.src.text(node)}`", self.src.span(node))
        return words[0]

    # ---------------------------------------------------------------------------------------------- functions

    def fn(self, node: Node, owner: str | None = None, trait: str | None = None) -> ast.FnDef:
        self._reject_generics(node, "functions")
        for child in kids(node):
            if child.type == "function_modifiers":
                raise Unsupported(f"`{self.src.text(child)} fn`", self.src.span(child))
        self_param, params = self._params(node.child_by_field_name("parameters"), owner)
        ret = node.child_by_field_name("return_type")
        name = node.child_by_field_name("name")
        return ast.FnDef(
            self.src.text(name),
            params,
            self.ty(ret) if ret is not None else UNIT,
            self.block(node.child_by_field_name("body")),
            self_param=self_param,
            owner=owner,
            trait=trait,
            name_span=self.src.span(name),
            span=self.src.span(node),
        )

    def _params(self, node: Node, owner: str | None) -> tuple[str | None, list[ast.Param]]:
        self_param, params = None, []
        for child in kids(node):
            if child.type == "self_parameter":
                if owner is None:
                    raise ParseError("`self` parameter is only allowed in associated functions", self.src.span(child))
                self_param = _SELF_KINDS[(has_token(child, "&"), has_mut(child))]
            elif child.type == "parameter":
                params.append(self._param(child))
            elif child.type == "variadic_parameter":
                raise Unsupported("variadic parameters", self.src.span(child))
            elif child.type != "attribute_item":  # a parameter without a type, which tree-sitter accepts
                after = child.next_sibling
                message = f"expected one of `:`, `@`, or `|`, found `{self.src.text(after)}`"
                raise ParseError(message, self.src.span(after))
        return self_param, params

    def _param(self, node: Node) -> ast.Param:
        if node.child_by_field_name("pattern").type == "self":
            raise Unsupported("typed `self` parameters", self.src.span(node))
        ty = self.ty(node.child_by_field_name("type"))
        return ast.Param(self.pattern_field(node), ty, span=self.src.span(node))

    def _reject_generics(self, node: Node, things: str) -> None:
        """Generic parameters (and lifetime parameters, which the subset does not check) are outside the subset;
        `things` names what carries them ("functions", "structs" …)."""
        params = node.child_by_field_name("type_parameters")
        if params is not None:
            lifetimes_only = all(c.type == "lifetime_parameter" for c in kids(params))
            what = f"{things} with lifetime parameters" if lifetimes_only else f"generic {things}"
            raise Unsupported(what, self.src.span(params))
        for child in kids(node):
            if child.type == "where_clause":
                raise Unsupported("`where` clauses", self.src.span(child))

    # ------------------------------------------------------------------------------------------ data types

    def struct(self, node: Node, attrs: _Attributes) -> ast.StructDef:
        self._reject_generics(node, "structs")
        kind, fields = self._fields(node.child_by_field_name("body"))
        return ast.StructDef(
            self.src.text(node.child_by_field_name("name")),
            kind,
            fields,
            derives=frozenset(attrs.derives),
            repr=self._repr(attrs, frozenset({"C", "Rust"})),
            span=self.src.span(node),
        )

    def enum(self, node: Node, attrs: _Attributes) -> ast.EnumDef:
        self._reject_generics(node, "enums")
        variants = []
        for variant in kids(node.child_by_field_name("body")):
            if variant.type != "enum_variant":
                continue
            kind, fields = self._fields(variant.child_by_field_name("body"))
            value = variant.child_by_field_name("value")
            variants.append(
                ast.VariantDef(
                    self.src.text(variant.child_by_field_name("name")),
                    kind,
                    fields,
                    discriminant=self.expr(value) if value is not None else None,
                    span=self.src.span(variant),
                )
            )
        return ast.EnumDef(
            self.src.text(node.child_by_field_name("name")),
            variants,
            derives=frozenset(attrs.derives),
            repr=self._repr(attrs, _ENUM_REPRS),
            span=self.src.span(node),
        )

    def _fields(self, body: Node | None) -> tuple[str, list[ast.FieldDef]]:
        """The kind ("unit", "tuple" or "named") and fields of a struct or enum variant body."""
        if body is None:
            return "unit", []
        if body.type == "ordered_field_declaration_list":
            types = body.children_by_field_name("type")
            return "tuple", [ast.FieldDef(str(i), self.ty(t), span=self.src.span(t)) for i, t in enumerate(types)]
        fields = [
            ast.FieldDef(
                self.src.text(f.child_by_field_name("name")),
                self.ty(f.child_by_field_name("type")),
                span=self.src.span(f),
            )
            for f in kids(body)
            if f.type == "field_declaration"
        ]
        return "named", fields

    # ------------------------------------------------------------------------------------------------- impls

    def impl(self, node: Node) -> ast.ImplBlock:
        self._reject_generics(node, "impl blocks")
        if has_token(node, "unsafe") or has_token(node, "!"):
            raise Unsupported("`unsafe` and negative impls", self.src.span(node))
        type_name = self._impl_name(node.child_by_field_name("type"), "impl blocks for generic or foreign types")
        trait_node = node.child_by_field_name("trait")
        trait = self._impl_name(trait_node, "generic traits") if trait_node is not None else None
        fns, attributes = [], []
        for child in kids(node.child_by_field_name("body")):
            if child.type == "attribute_item":
                attributes.append(child)
            elif child.type == "function_item":
                if not self._attributes(attributes).test_only:
                    fns.append(self.fn(child, owner=type_name, trait=trait))
                attributes = []
            elif child.type == "function_signature_item":
                raise ParseError("associated function in `impl` without body", self.src.span(child))
            else:
                what = {"const_item": "associated constants", "type_item": "associated types"}.get(child.type)
                raise Unsupported(what or f"`{child.type}` in impl blocks", self.src.span(child))
        return ast.ImplBlock(type_name, trait, fns, span=self.src.span(node))

    def _impl_name(self, node: Node, what: str) -> str:
        """`Point`, or the last segment of a path like `fmt::Display`."""
        if node.type == "type_identifier":
            return self.src.text(node)
        if node.type == "scoped_type_identifier":
            return self.src.text(node.child_by_field_name("name"))
        raise Unsupported(what, self.src.span(node))

    # -------------------------------------------------------------------------------------- consts and uses

    def const(self, node: Node) -> ast.ConstDef:
        ty, value = node.child_by_field_name("type"), node.child_by_field_name("value")
        if value is None:  # tree-sitter requires the type but not the value
            what = "static" if node.type == "static_item" else "constant"
            raise ParseError(f"free {what} item without body", self.src.span(node))
        return ast.ConstDef(
            self.src.text(node.child_by_field_name("name")),
            self.ty(ty),
            self.expr(value),
            is_static=node.type == "static_item",
            mutable=has_mut(node),
            span=self.src.span(node),
        )

    def use(self, node: Node) -> ast.UseDecl:
        return ast.UseDecl(self._use_paths(node.child_by_field_name("argument"), ()), span=self.src.span(node))

    def _use_paths(self, node: Node, prefix: tuple[str, ...]) -> list[tuple[str, ...]]:
        """Flatten a use tree; `self` inside a group stands for the group's own path, `*` stays a segment."""
        match node.type:
            case "self" if prefix:
                return [prefix]
            case "identifier" | "self" | "crate" | "super" | "scoped_identifier":
                return [prefix + self._use_segments(node)]
            case "scoped_use_list":
                path = node.child_by_field_name("path")
                inner = prefix + (self._use_segments(path) if path is not None else ())
                return self._use_paths(node.child_by_field_name("list"), inner)
            case "use_list":
                return [path for child in kids(node) for path in self._use_paths(child, prefix)]
            case "use_wildcard":
                paths = kids(node)  # `use *;` has no path
                return [prefix + (self._use_segments(paths[0]) if paths else ()) + ("*",)]
        raise Unsupported("`use … as …` renames", self.src.span(node))

    def _use_segments(self, node: Node) -> tuple[str, ...]:
        if node.type == "scoped_identifier":
            path = node.child_by_field_name("path")
            head = self._use_segments(path) if path is not None else ()
            return head + (self.src.text(node.child_by_field_name("name")),)
        return (self.src.text(node),)

    # ---------------------------------------------------------------------------------------------- blocks

    def block(self, node: Node, unsafe: bool = False, span_node: Node | None = None) -> ast.Block:
        stmts: list[ast.Stmt] = []
        attributes: list[Node] = []
        for child in kids(node):
            if child.type == "attribute_item":
                attributes.append(child)
                continue
            if child.type in _ITEM_KINDS:
                item = self.item(child, self._attributes(attributes))
                if item is not None:
                    stmts.append(ast.ItemStmt(item, span=self.src.span(child)))
            elif child.type == "let_declaration":
                stmts.append(self.let(child))
            elif child.type == "expression_statement":
                semi = child.children[-1].type == ";"
                stmts.append(ast.ExprStmt(self.expr(kids(child)[0]), semi, span=self.src.span(child)))
            elif child.type not in ("empty_statement", "inner_attribute_item"):
                # the block's final expression, which tree-sitter leaves bare
                stmts.append(ast.ExprStmt(self.expr(child), False, span=self.src.span(child)))
            attributes = []
        # The last expression without `;` is the block's value; for block-like ones (`if`, `match`, `loop` …)
        # tree-sitter still wraps them in a statement, rustc does not.
        tail = None
        if stmts and isinstance(stmts[-1], ast.ExprStmt) and not stmts[-1].semi:
            tail = stmts.pop().expr
        return ast.Block(stmts, tail, unsafe=unsafe, span=self.src.span(span_node or node))

    def let(self, node: Node) -> ast.Let:
        ty, value, alternative = (node.child_by_field_name(f) for f in ("type", "value", "alternative"))
        return ast.Let(
            self.pattern_field(node),
            self.ty(ty) if ty is not None else None,
            self.expr(value) if value is not None else None,
            else_block=self.block(alternative) if alternative is not None else None,
            span=self.src.span(node),
        )
