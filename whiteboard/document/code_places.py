"""Where an edit goes in the program text: the statement a step executed, the `let` that bound a name, the literal
that gave a local its value, the structs the program defines. tree-sitter reads the text, so comments, strings and
captions are never mistaken for code, and every position is an exact byte range of the user's own text.

Lines and columns are rustc's (1-based, columns in characters); offsets into the text are in characters too, since
the edits splice Python strings.
"""

from __future__ import annotations

from dataclasses import dataclass

import tree_sitter_rust
from tree_sitter import Language, Parser

_PARSER = Parser(Language(tree_sitter_rust.language()))
INDENT = "    "  # rustfmt's default
# Statements of a block, as tree-sitter-rust names them (a block's tail expression is any other named child).
STATEMENTS = {"let_declaration", "expression_statement", "empty_statement", "macro_invocation"}


class PlaceError(Exception):
    """The program has no place for this edit (e.g. the name is not bound by a `let`); the message says why."""


@dataclass(frozen=True, slots=True)
class Insertion:
    offset: int  # character offset where the new line(s) go: always the start of a line
    indent: str
    wrap: tuple | None = None  # (start, end, indent): a one-line `{ … }` body to open up before inserting


class Tree:
    """A parsed program with conversions between tree-sitter's byte positions and character offsets."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.data = source.encode("utf-8")
        self.root = _PARSER.parse(self.data).root_node
        self._line_starts = [0]
        for i, ch in enumerate(source):
            if ch == "\n":
                self._line_starts.append(i + 1)

    def text(self, node) -> str:
        return self.data[node.start_byte : node.end_byte].decode("utf-8")

    def offset(self, byte: int) -> int:
        """Character offset of a byte offset."""
        return len(self.data[:byte].decode("utf-8", errors="ignore"))

    def start(self, node) -> int:
        return self.offset(node.start_byte)

    def end(self, node) -> int:
        return self.offset(node.end_byte)

    def line_start(self, offset: int) -> int:
        return self.source.rfind("\n", 0, offset) + 1

    def next_line(self, offset: int) -> int:
        """Offset of the line after the one holding `offset` (the text's end if there is none)."""
        nl = self.source.find("\n", offset)
        return len(self.source) if nl < 0 else nl + 1

    def line_of(self, offset: int) -> int:
        lo, hi = 0, len(self._line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    def indent_of(self, offset: int) -> str:
        start = self.line_start(offset)
        line = self.source[start:]
        return line[: len(line) - len(line.lstrip(" \t"))]

    def node_at(self, line: int, col: int):
        """The smallest node starting at or covering rustc position (line, col)."""
        if not 1 <= line <= len(self._line_starts):
            return None
        start = self._line_starts[line - 1]
        char = start + max(col - 1, 0)
        byte = len(self.source[:char].encode("utf-8"))
        row_byte = byte - len(self.source[:start].encode("utf-8"))
        return self.root.descendant_for_point_range((line - 1, row_byte), (line - 1, row_byte))

    def functions(self) -> dict:
        """Free functions by name (methods in `impl` blocks are named `Type::name`)."""
        out = {}
        for node in self.root.named_children:
            if node.type == "function_item":
                out[self.text(node.child_by_field_name("name"))] = node
            elif node.type == "impl_item":
                owner = self.text(node.child_by_field_name("type"))
                body = node.child_by_field_name("body")
                for item in body.named_children if body else ():
                    if item.type == "function_item":
                        out[f"{owner}::{self.text(item.child_by_field_name('name'))}"] = item
        return out

    def function(self, name: str):
        fn = self.functions().get(name) or next(
            (n for k, n in self.functions().items() if k.endswith("::" + name)), None
        )
        if fn is None:
            raise PlaceError(f"the program has no function `{name}`")
        return fn


def enclosing_function(node):
    while node is not None and node.type != "function_item":
        node = node.parent
    return node


def statement_of(node):
    """The statement (or tail expression) of a block that holds `node`, or None."""
    while node is not None and node.parent is not None:
        if node.parent.type == "block" and node.is_named:
            return node
        node = node.parent
    return None


def body_start(tree: Tree, fn) -> Insertion:
    """Just inside a function's (or block's) opening brace."""
    body = fn.child_by_field_name("body") if fn.type == "function_item" else fn
    return _inside(tree, body, first=True)


ONE_LINE = "is written on one line: put its statements on lines of their own (as rustfmt does), then try again"
DIVERGING = {"return_expression", "break_expression", "continue_expression"}
COMMENTS = ("line_comment", "block_comment")


def _code_children(block) -> list:
    return [k for k in block.named_children if k.type not in COMMENTS]


def _inside(tree: Tree, block, first: bool) -> Insertion:
    open_end = tree.offset(block.children[0].end_byte)
    close = tree.start(block.children[-1])
    indent = tree.indent_of(tree.start(block)) + indent_unit(tree)
    if tree.line_of(open_end) == tree.line_of(close):
        if _code_children(block):  # opening it up would mean reformatting the user's statements: refuse
            raise PlaceError(f"the block on line {tree.line_of(open_end)} {ONE_LINE}")
        return Insertion(close, indent, (open_end, close, tree.indent_of(tree.start(block))))  # `fn main() {}`
    if first:
        return Insertion(tree.next_line(open_end), indent)
    kids = _code_children(block)
    if kids and is_tail(tree, kids[-1]):  # the block's value: new statements go before it
        return Insertion(tree.line_start(tree.start(kids[-1])), indent)
    return Insertion(tree.line_start(close), indent)


def is_tail(tree: Tree, stmt) -> bool:
    """Whether `stmt` is its block's value: an expression without `;` at the end of a block whose value is used (a
    function returning something, a block in an expression). tree-sitter wraps a tail `match`/`if` in an
    expression_statement, so the `;` decides."""
    block = stmt.parent
    if block is None or block.type != "block" or stmt.type in ("let_declaration", "empty_statement"):
        return False
    kids = _code_children(block)
    if not kids or kids[-1] != stmt or tree.text(stmt).rstrip().endswith(";") or stmt.type.endswith("_item"):
        return False
    if stmt.type not in STATEMENTS:
        return True
    holder = block.parent
    if holder is not None and holder.type == "function_item":
        return holder.child_by_field_name("return_type") is not None
    return holder is not None and holder.type not in (
        "expression_statement",
        "for_expression",
        "while_expression",
        "loop_expression",
        "block",
    )


def _own_line(tree: Tree, stmt) -> bool:
    """Whether nothing but blanks and a comment follows `stmt` on its last line, and nothing but blanks precedes it."""
    end = tree.end(stmt)
    rest = tree.source[end : tree.next_line(end - 1)].strip()
    before = tree.source[tree.line_start(tree.start(stmt)) : tree.start(stmt)].strip()
    return (not rest or rest.startswith("//")) and not before


def _block_statement(tree: Tree, stmt):
    """`stmt`, or the statement holding it while it sits in a block written on one line (`if t > 1 { t } else
    { 0 }`): a new line can only go between statements of a block that spans lines."""
    while stmt is not None and stmt.parent is not None:
        block = stmt.parent
        if tree.line_of(tree.start(block)) != tree.line_of(tree.end(block) - 1):
            return stmt
        stmt = statement_of(block.parent)
    return stmt


def _diverges(tree: Tree, stmt) -> bool:
    first = stmt.named_children[0] if stmt.type == "expression_statement" and stmt.named_children else stmt
    if first.type in DIVERGING:
        return True
    return first.type == "macro_invocation" and tree.text(first).split("!")[0] in ("panic", "unreachable", "todo")


def before_step(tree: Tree, line: int, col: int, label: str) -> Insertion | None:
    """Where a statement goes so that it runs right before the step at (line, col): before that statement, or
    before the `}` of an "end of scope" / "return from" step; None where that is not a place for a new line."""
    node = tree.node_at(line, col)
    if node is None or label.startswith("call "):
        return None
    if node.type == "}" and node.parent is not None and node.parent.type == "block":
        try:
            return _inside(tree, node.parent, first=False)
        except PlaceError:
            return None
    stmt = _block_statement(tree, statement_of(node))
    if stmt is None or stmt.parent is None or not _own_line(tree, stmt):
        return None
    return Insertion(tree.line_start(tree.start(stmt)), tree.indent_of(tree.start(stmt)))


def after_step(tree: Tree, line: int, col: int, label: str) -> Insertion:
    """Where a statement goes so that it runs right after the step at (line, col) with `label`."""
    node = tree.node_at(line, col)
    if node is None:
        raise PlaceError(f"line {line} is not in the program")
    if label.startswith("call "):  # the step that pushed the frame points at the function's name
        fn = enclosing_function(node)
        if fn is None:
            raise PlaceError(f"no function starts on line {line}")
        return body_start(tree, fn)
    if node.type == "}" and node.parent is not None and node.parent.type == "block":
        block = node.parent
        holder = block.parent
        if holder is not None and holder.type in ("expression_statement", "block"):
            stmt = _block_statement(tree, holder if holder.type == "expression_statement" else block)
            if not _own_line(tree, stmt):
                raise PlaceError(f"line {tree.line_of(tree.start(stmt))} {ONE_LINE}")
            return Insertion(tree.next_line(tree.end(stmt) - 1), tree.indent_of(tree.start(stmt)))
        return _inside(tree, block, first=False)  # the end of a function or loop body: before its `}`
    stmt = _block_statement(tree, statement_of(node))
    if stmt is None:
        raise PlaceError(f"no statement at line {line}, column {col}")
    if not _own_line(tree, stmt):
        raise PlaceError(f"line {tree.line_of(tree.start(stmt))} {ONE_LINE}")
    if is_tail(tree, stmt) or _diverges(tree, stmt):  # a value or a `return`: what comes after never runs
        return Insertion(tree.line_start(tree.start(stmt)), tree.indent_of(tree.start(stmt)))
    return Insertion(tree.next_line(tree.end(stmt) - 1), tree.indent_of(tree.start(stmt)))


def insertion(tree: Tree, current: tuple, following: tuple | None) -> Insertion:
    """Where a statement runs right after the step `current` (line, col, label): before the statement that runs
    next in the same frame (`following`) when that comes later in the text — the first line of a loop or `if`
    body, the statement after a `break` — else right after the current statement."""
    before = before_step(tree, *following) if following is not None and following[:2] > current[:2] else None
    here = tree.node_at(current[0], current[1])
    if before is not None and here is not None and before.offset <= tree.line_start(tree.start(here)):
        before = None  # that would run before the current step, not after it
    try:
        after = after_step(tree, *current)
    except PlaceError:
        if before is None:
            raise
        return before
    if before is None or (before.offset >= after.offset and _only_comments(tree.source[after.offset : before.offset])):
        return after  # the next statement simply follows (keep a caption comment above its own line)
    return before  # inside a loop or `if` body that runs next, or past a `break`


def _only_comments(text: str) -> bool:
    return all(not ln.strip() or ln.strip().startswith("//") for ln in text.splitlines())


# Bodies whose first line inside shows the program's indentation step (a fn body, an impl, a struct's fields …).
BODIES = ("block", "declaration_list", "field_declaration_list", "enum_variant_list", "match_block")


def indent_unit(program: str | Tree) -> str:
    """The program's own indentation step, read off the first body whose first statement (item, field) starts a
    line of its own: that line's indent minus the body's. Only code counts, never the inside of a string or a
    comment. rustfmt's four spaces when nothing is indented yet. New code follows it, so it never looks pasted in."""
    tree = program if isinstance(program, Tree) else Tree(program)
    for node in walk(tree.root):
        if node.type not in BODIES:
            continue
        kids = _code_children(node)
        if not kids:
            continue
        first = tree.start(kids[0])
        line = tree.line_start(first)
        if line <= tree.start(node) or tree.source[line:first].strip():
            continue  # on the body's own line, or after other code on its line
        outer, inner = tree.indent_of(tree.start(node)), tree.source[line:first]
        if inner.startswith(outer) and len(inner) > len(outer):
            return inner[len(outer) :]
    return INDENT


def reindent(line: str, unit: str) -> str:
    """`line`, written with rustfmt's four-space steps, with each leading step replaced by `unit`."""
    if unit == INDENT:
        return line
    code = line.lstrip(" ")
    steps, extra = divmod(len(line) - len(code), len(INDENT))
    return unit * steps + " " * extra + code


def insert_lines(source: str, at: Insertion, lines: list[str]) -> tuple[str, int]:
    """Insert `lines` (written with four-space steps, relative to the block) at `at`, in the program's own
    indentation; returns (new text, line of the first)."""
    unit = indent_unit(source)
    body = "".join(at.indent + reindent(ln, unit) + "\n" if ln else "\n" for ln in lines)
    if at.wrap is not None:
        start, end, outer = at.wrap
        new = source[:start] + "\n" + body + outer + source[end:]
        return new, source[:start].count("\n") + 2
    offset = at.offset
    if offset == len(source) and source and not source.endswith("\n"):
        source += "\n"
        offset += 1
    return source[:offset] + body + source[offset:], source[:offset].count("\n") + 1


def let_binding(tree: Tree, function: str, name: str, before_line: int | None = None):
    """The `let` declaration (node) in `function` that binds `name`, the last one before `before_line` when the name
    is shadowed; None for a parameter."""
    fn = tree.function(function)
    found = None
    for node in walk(fn):
        if node.type == "let_declaration":
            pattern = node.child_by_field_name("pattern")
            if pattern is not None and name in bound_names(tree, pattern):
                block = node.parent
                in_scope = block is None or block.end_point[0] + 1 >= before_line if before_line else True
                if before_line is None or (node.start_point[0] + 1 <= before_line and in_scope):
                    found = node
    return found


def bound_names(tree: Tree, pattern) -> list[str]:
    if pattern.type == "identifier":
        return [tree.text(pattern)]
    out = []
    for kid in pattern.named_children:
        if kid.type == "identifier" and pattern.type in ("mut_pattern", "ref_pattern", "tuple_pattern"):
            out.append(tree.text(kid))
        elif kid.type.endswith("pattern"):
            out.extend(bound_names(tree, kid))
    return out


def walk(node):
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(n.children))


def names_in(tree: Tree, function: str | None) -> set[str]:
    """Every identifier used in `function` (the whole program when None), so a new name never clashes."""
    root = tree.root if function is None else tree.function(function)
    return {tree.text(n) for n in walk(root) if n.type == "identifier"}


def fresh_name(taken: set[str], stem: str) -> str:
    if stem not in taken:
        return stem
    k = 2
    while f"{stem}{k}" in taken:
        k += 1
    return f"{stem}{k}"


def structs(tree: Tree) -> dict[str, list[tuple[str, str]]]:
    """User structs with named fields: name -> [(field, type text)] in declaration order."""
    out = {}
    for node in tree.root.named_children:
        if node.type != "struct_item" or node.child_by_field_name("type_parameters") is not None:
            continue
        body = node.child_by_field_name("body")
        fields = []
        if body is not None and body.type == "field_declaration_list":
            for f in body.named_children:
                if f.type == "field_declaration":
                    fields.append((tree.text(f.child_by_field_name("name")), tree.text(f.child_by_field_name("type"))))
        elif body is not None:
            continue  # tuple structs are left to the code
        out[tree.text(node.child_by_field_name("name"))] = fields
    return out


STRINGS = ("string_literal", "raw_string_literal")


def in_string(tree: Tree, offset: int) -> bool:
    """Whether character `offset` lies inside a string literal (after its opening quote)."""
    byte = len(tree.source[:offset].encode("utf-8"))
    node = tree.root.descendant_for_byte_range(byte, byte)
    while node is not None:
        if node.type in STRINGS:
            return node.start_byte < byte < node.end_byte
        node = node.parent
    return False


def items_insertion(tree: Tree, kind: str) -> int:
    """Offset of a new top-level item: structs after the last struct (or before the first function), functions at
    the end of the file."""
    attributes = [n for n in tree.root.named_children if n.type == "inner_attribute_item"]
    items = [n for n in tree.root.named_children if n.type.endswith("_item") and n.type != "inner_attribute_item"]
    if kind == "function" or not items:
        return (
            len(tree.source) if kind == "function" or not attributes else tree.next_line(tree.end(attributes[-1]) - 1)
        )
    last_struct = [n for n in items if n.type in ("struct_item", "enum_item")]
    if last_struct:
        return tree.next_line(tree.end(last_struct[-1]) - 1)
    first = items[0]
    start = tree.start(first)
    # keep a doc comment or caption block above the first item attached to it
    prev = first.prev_sibling
    while prev is not None and prev.type in COMMENTS and not tree.text(prev).startswith(("//!", "/*!")):
        start = tree.start(prev)
        prev = prev.prev_sibling
    return tree.line_start(start)
