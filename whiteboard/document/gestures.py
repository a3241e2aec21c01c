"""Gestures as edits of the program: a drop, a menu action or a double-click becomes new Rust text, written as a
student would write it and laid out as rustfmt would, inserted so that it runs right after the step the board
shows. The window runs the new program and lands on the new statement; undo is putting the old text back.

A gesture Rust forbids (a push to a Vec that is borrowed, a use after a move) is still made: rustc's verdict, with
its explanation and a one-click undo, is the lesson. Only a gesture that has no Rust at all (a reference dropped on
empty space) is refused, with a message saying what to do instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whiteboard.document import code_places as C
from whiteboard.document import palette as P
from whiteboard.document.targets import Target

RUST_KEYWORDS = set(
    "as break const continue crate else enum extern false fn for if impl in let loop match mod move mut pub ref "
    "return self Self static struct super trait true type unsafe use where while async await dyn abstract become box "
    "do final macro override priv typeof unsized virtual yield try".split()
)
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class GestureError(Exception):
    """A gesture with no Rust meaning; the message says what to do instead."""


@dataclass(frozen=True, slots=True)
class Edit:
    program: str
    label: str  # what the Edit menu says: "Undo Push 1 onto `h.items`"
    line: int  # the line of the new statement, where the board lands (0: stay on the step)


@dataclass(frozen=True, slots=True)
class Anchor:
    line: int
    col: int
    label: str  # the step's label ("call main", "end of scope", a statement)
    next: tuple | None = None  # (line, col, label) of the step that runs next in the same frame, if any

    @property
    def current(self) -> tuple:
        return self.line, self.col, self.label


def _insert(source: str, anchor: Anchor, lines: list[str], label: str) -> Edit:
    tree = C.Tree(source)
    try:
        at = C.insertion(tree, anchor.current, anchor.next)
    except C.PlaceError as err:
        raise GestureError(f"Cannot add code here: {err}.") from None
    program, line = C.insert_lines(source, at, lines)
    return Edit(program, label, line)


def _taken(source: str, function: str) -> set[str]:
    tree = C.Tree(source)
    try:
        return C.names_in(tree, function) | set(C.structs(tree))
    except C.PlaceError:
        return set()


def _stem(place: str) -> str:
    """A name for a copy of `place`: its last part (`h.items` -> items); `self` is a keyword, so `this`."""
    stem = place.split(".")[-1].split("[")[0]
    return "this" if stem in ("self", "") or stem.isdigit() else stem


def _statement_lines(text: str) -> list[str]:
    return text.split("\n")


# ---------------------------------------------------------------------------------------------------- palette drops


def new_local(source: str, item: P.PaletteItem, function: str, anchor: Anchor) -> Edit:
    """`let [mut] name[: T] = default;` in `function`."""
    structs = C.structs(C.Tree(source))
    if item.type_text is None:
        raise GestureError(f"`{item.label}` is not a value on its own.")
    ty = item.type_text
    name = C.fresh_name(_taken(source, function), item.stem)
    try:
        value = P.default_expr(ty, structs)
    except ValueError as err:
        raise GestureError(f"Cannot make a default value: {err}.") from None
    mut = "mut " if P.mutable(ty, structs) else ""
    annotation = f": {ty}" if P.annotate(ty) else ""
    text = f"let {mut}{name}{annotation} = {value};"
    return _insert(source, anchor, _statement_lines(text), f"Add `{name}: {ty}`")


def new_block(source: str, function: str, anchor: Anchor) -> Edit:
    name = C.fresh_name(_taken(source, function), "inner")
    lines = ["{", f"{C.INDENT}let {name}: i32 = 0;", "}"]
    edit = _insert(source, anchor, lines, "Add a block scope")
    return Edit(edit.program, edit.label, edit.line + 1)  # land on the block's first statement


def new_call(source: str, anchor: Anchor, target: Target | None = None) -> Edit:
    """A call of a new function: `helper();`, or `take_v(v);` that moves `v` into the callee's frame."""
    tree = C.Tree(source)
    taken = C.names_in(tree, None) | set(tree.functions())
    if target is None or target.kind == "frame":
        fname, params, args = C.fresh_name(taken, "helper"), "", ""
    else:
        fname = C.fresh_name(taken, "take_" + re.sub(r"\W+", "_", target.place.replace("self", "this")).strip("_"))
        pname = _stem(target.place)
        params, args = f"{pname}: {target.ty}", target.place
    call = _insert(source, anchor, [f"{fname}({args});"], f"Call `{fname}`")
    body = call.program
    if not body.endswith("\n"):
        body += "\n"
    body += f"\nfn {fname}({params}) {{}}\n"
    return Edit(body, call.label, call.line)


def nameable(target: Target) -> None:
    """GestureError unless code written at the step shown can name `target` (a shadowed local cannot be named)."""
    if target.kind == "value" and target.shadowed:
        raise GestureError(
            f"This `{target.root}` is shadowed: a later `let {target.root}` took its name, so no line written here "
            f"can reach it (it still lives until its scope ends). Use the newer `{target.root}`, or rename one of "
            "them in the code."
        )


def drop_item(source: str, item: P.PaletteItem, target: Target, anchor: Anchor) -> Edit:
    """What dropping a palette item on `target` means (see the module doc and the README)."""
    nameable(target)
    if target.kind == "frame":
        if item.key in ("ref", "refmut"):
            raise GestureError(
                f"A reference needs something to point at: drop `{item.label}` on a value, not on fn "
                f"{target.function}'s frame."
            )
        if item.key == "call":
            return new_call(source, anchor)
        if item.key == "block":
            return new_block(source, target.function, anchor)
        return new_local(source, item, target.function, anchor)
    if item.key in ("ref", "refmut"):
        return borrow(source, target, anchor, item.key == "refmut")
    if item.key == "call":
        return new_call(source, anchor, target)
    if item.key == "block":
        return new_block(source, target.function, anchor)
    structs = C.structs(C.Tree(source))
    return put_value(source, target, anchor, item.type_text or "", structs)


def put_value(source: str, target: Target, anchor: Anchor, item_ty: str, structs: dict) -> Edit:
    """A value of type `item_ty` dropped on a place: a push onto a Vec or String, `= Some(..)` on an Option,
    `= Box::new(..)` on a Box, an assignment anywhere else."""
    if target.ty.startswith("&mut "):  # a drop on a `&mut T` writes through it
        deref = Target(
            target.kind, target.frame_id, target.function, f"*{target.place}", target.root, target.ty[5:].strip(), None
        )
        return put_value(source, deref, anchor, item_ty, structs)
    name, args = P.split_generic(target.ty)
    view = target.view
    place = target.place
    try:
        if name == "Vec" and args:
            length = view[3] if view and view[0] == "vec" else 0
            value = P.literal_for(item_ty, args[0], structs, length + 1)
            return _insert(source, anchor, [f"{place}.push({value});"], f"Push {_short(value)} onto `{place}`")
        if target.ty == "String":
            if item_ty == "char":
                return _insert(source, anchor, [f"{place}.push('a');"], f"Push 'a' onto `{place}`")
            value = P.GREETING if item_ty in ("&str", "String") else P.literal_for(item_ty, "&str", structs)
            return _insert(source, anchor, [f"{place}.push_str({value});"], f"Append to `{place}`")
        if name == "Option" and args:
            value = P.literal_for(item_ty, args[0], structs, _next_int(None))
            return _assign(source, anchor, place, f"Some({value})")
        if name == "Box" and args:
            value = P.literal_for(item_ty, args[0], structs, _next_int(None))
            return _assign(source, anchor, place, f"Box::new({value})")
        value = P.literal_for(item_ty, target.ty, structs, _next_int(view))
    except ValueError as err:
        raise GestureError(f"Cannot make a value of `{item_ty}`: {err}.") from None
    return _assign(source, anchor, place, value)


def _next_int(view) -> int:
    """An integer dropped on an integer shows a change: the old value plus one."""
    if view and view[0] == "scalar":
        try:
            return int(view[1]) + 1
        except ValueError:
            return 1
    return 1


def _short(text: str) -> str:
    return text if len(text) <= 24 else text[:21] + "…"


def _assign(source: str, anchor: Anchor, place: str, value: str) -> Edit:
    lines = f"{place} = {value};".split("\n")
    return _insert(source, anchor, lines, f"Assign `{place} = {_short(value)}`")


# ------------------------------------------------------------------------------------------- moving values around


def move_value(source: str, src: Target, dst: Target, anchor: Anchor, clone: bool) -> Edit:
    """`let v2 = v;` (onto a frame), `dst = v;` (onto a place); `.clone()` with Ctrl held."""
    nameable(src)
    nameable(dst)
    if src.kind != "value":
        raise GestureError("Only a value can be moved: drag a local or a field.")
    if dst.kind == "value" and dst.place == src.place:
        raise GestureError(f"`{src.place}` is already there.")
    if src.function != dst.function or src.frame_id != dst.frame_id:
        raise GestureError(
            f"`{src.place}` belongs to fn {src.function}; it can move to a place in the same function, or into a "
            "call: drop the palette's `fn call` on it."
        )
    value = f"{src.place}.clone()" if clone else src.place
    verb = "Clone" if clone else "Move"
    if dst.kind == "frame":
        name = C.fresh_name(_taken(source, dst.function), _stem(src.place))
        return _insert(source, anchor, [f"let {name} = {value};"], f"{verb} `{src.place}` into `{name}`")
    edit = _assign(source, anchor, dst.place, value)
    return Edit(edit.program, f"{verb} `{src.place}` into `{dst.place}`", edit.line)


def drop_value(source: str, target: Target, anchor: Anchor) -> Edit:
    nameable(target)
    if target.kind != "value":
        raise GestureError("Drag a value to the bin to drop it; a frame ends when its function returns.")
    return _insert(source, anchor, [f"drop({target.place});"], f"Drop `{target.place}`")


def borrow(source: str, target: Target, anchor: Anchor, mutable: bool) -> Edit:
    nameable(target)
    name = C.fresh_name(_taken(source, target.function), "r")
    amp = "&mut " if mutable else "&"
    return _insert(source, anchor, [f"let {name} = {amp}{target.place};"], f"Borrow `{amp}{target.place}`")


# ---------------------------------------------------------------------------------------------- context actions


def actions_for(target: Target) -> list[tuple[str, str]]:
    """(action id, menu text) for what the target's type can do, most specific first."""
    out: list[tuple[str, str]] = []
    if target.kind == "frame":
        return [("return", f"Return from fn {target.function}")]
    name, args = P.split_generic(target.ty)
    p = target.place
    if name == "Vec":
        out += [
            ("push", f"{p}.push(…)"),
            ("pop", f"{p}.pop()"),
            ("insert", f"{p}.insert(0, …)"),
            ("remove", f"{p}.remove(0)"),
            ("clear", f"{p}.clear()"),
            ("reserve", f"{p}.reserve(8)"),
            ("shrink_to_fit", f"{p}.shrink_to_fit()"),
        ]
    elif target.ty == "String":
        out += [
            ("push_str", f'{p}.push_str("hello")'),
            ("push_char", f"{p}.push('a')"),
            ("pop", f"{p}.pop()"),
            ("clear", f"{p}.clear()"),
            ("reserve", f"{p}.reserve(8)"),
            ("shrink_to_fit", f"{p}.shrink_to_fit()"),
        ]
    elif name == "Option":
        out += [("some", f"{p} = Some(…)"), ("none", f"{p} = None"), ("take", f"{p}.take()")]
    elif name == "Box":
        out += [("new_box", f"{p} = Box::new(…)")]
    out += [
        ("borrow", f"Borrow &{p}"),
        ("borrow_mut", f"Borrow &mut {p}"),
        ("clone", f"Clone {p}"),
        ("drop", f"drop({p})"),
    ]
    if target.is_local:
        out.append(("end_scope", f"End the scope of {p} here"))
    out.append(("return", f"Return from fn {target.function}"))
    return out


def apply_action(source: str, target: Target, action: str, anchor: Anchor) -> Edit:
    nameable(target)
    p = target.place
    structs = C.structs(C.Tree(source))
    name, args = P.split_generic(target.ty)
    elem = args[0] if args else "i32"

    def call(stmt: str, label: str) -> Edit:
        return _insert(source, anchor, [stmt], label)

    try:
        if action == "push":
            return put_value(source, target, anchor, elem, structs)
        if action == "insert":
            return call(f"{p}.insert(0, {P.default_expr(elem, structs)});", f"Insert at the front of `{p}`")
        if action == "remove":
            return call(f"{p}.remove(0);", f"Remove `{p}[0]`")
        if action in ("pop", "clear", "shrink_to_fit"):
            return call(f"{p}.{action}();", f"`{p}.{action}()`")
        if action == "reserve":
            return call(f"{p}.reserve(8);", f"`{p}.reserve(8)`")
        if action == "push_str":
            return call(f"{p}.push_str({P.GREETING});", f"Append to `{p}`")
        if action == "push_char":
            return call(f"{p}.push('a');", f"Push 'a' onto `{p}`")
        if action == "some":
            return _assign(source, anchor, p, f"Some({P.default_expr(elem, structs)})")
        if action == "none":
            return _assign(source, anchor, p, "None")
        if action == "take":
            taken = C.fresh_name(_taken(source, target.function), "taken")
            return call(f"let {taken} = {p}.take();", f"Take the value out of `{p}`")
        if action == "new_box":
            return _assign(source, anchor, p, f"Box::new({P.default_expr(elem, structs)})")
    except ValueError as err:
        raise GestureError(f"Cannot make a value of `{elem}`: {err}.") from None
    if action in ("borrow", "borrow_mut"):
        return borrow(source, target, anchor, action == "borrow_mut")
    if action == "clone":
        copy = C.fresh_name(_taken(source, target.function), _stem(p))
        return call(f"let {copy} = {p}.clone();", f"Clone `{p}` into `{copy}`")
    if action == "drop":
        return drop_value(source, target, anchor)
    if action == "end_scope":
        return end_scope(source, target, anchor)
    if action == "return":
        return return_here(source, target.function, anchor)
    raise GestureError(f"Unknown action `{action}`.")


def return_here(source: str, function: str, anchor: Anchor) -> Edit:
    tree = C.Tree(source)
    fn = tree.function(function)
    ret = fn.child_by_field_name("return_type")
    if ret is None:
        return _insert(source, anchor, ["return;"], f"Return from fn {function}")
    structs = C.structs(tree)
    try:
        value = P.default_expr(tree.text(ret), structs)
    except ValueError:
        raise GestureError(
            f"fn {function} returns `{tree.text(ret)}`; write the `return` in the code, with the value to return."
        ) from None
    return _insert(source, anchor, [f"return {value};"], f"Return from fn {function}")


def end_scope(source: str, target: Target, anchor: Anchor) -> Edit:
    """Put the local's `let` and everything after it up to the current statement in a block of their own, so its
    scope (and its life) ends here."""
    nameable(target)
    tree = C.Tree(source)
    let = C.let_binding(tree, target.function, target.root, anchor.line)
    if let is None:
        raise GestureError(
            f"`{target.root}` is a parameter: its scope is the whole function (use drop({target.root}))."
        )
    try:
        at = C.after_step(tree, anchor.line, anchor.col, anchor.label)
    except C.PlaceError as err:
        raise GestureError(f"Cannot end the scope here: {err}.") from None
    start = tree.line_start(tree.start(let))
    block = let.parent
    end = at.offset
    # From inside a loop or `if` body, the new block closes after the whole statement of `let`'s block.
    holder = next((k for k in block.named_children if tree.start(k) < end <= tree.end(k)), None)
    if holder is not None and holder.start_byte > let.start_byte:
        end = tree.next_line(tree.end(holder) - 1)
    if at.wrap is not None or end <= start or let.parent is None:
        raise GestureError(f"Step to a statement after `{target.root}` is declared, then end its scope.")
    if tree.line_of(end - 1) > tree.line_of(tree.end(block)) or end > tree.line_start(tree.end(block) - 1):
        raise GestureError(f"The scope of `{target.root}` ends at a `}}` already reached; nothing to end here.")
    _refuse_if_others_escape(tree, let, block, end, target.root)
    indent = tree.indent_of(tree.start(let))
    body = tree.source[start:end]
    unit = C.indent_unit(tree)
    inner, offset = [], start
    for ln in body.splitlines(keepends=True):
        # a line that continues a string literal is the string's own text: indenting it would change the value
        inner.append(unit + ln if ln.strip() and not C.in_string(tree, offset) else ln)
        offset += len(ln)
    inner = "".join(inner)
    new = tree.source[:start] + indent + "{\n" + inner + indent + "}\n" + tree.source[end:]
    close_line = new[: start + len(indent) + 2 + len(inner)].count("\n") + 1
    return Edit(new, f"End the scope of `{target.root}`", close_line)


def _refuse_if_others_escape(tree, let, block, end: int, name: str) -> None:
    """The new block would also end the locals declared between `let` and `end`; refuse if later code uses them."""
    inside = set()
    for stmt in block.named_children:
        if stmt.start_byte >= let.start_byte and tree.start(stmt) < end and stmt.type == "let_declaration":
            pattern = stmt.child_by_field_name("pattern")
            inside.update(C.bound_names(tree, pattern))
    inside.discard(name)
    later = {
        tree.text(n)
        for stmt in block.named_children
        if tree.start(stmt) >= end
        for n in C.walk(stmt)
        if n.type == "identifier"
    }
    escaping = sorted(inside & later)
    if escaping:
        names = ", ".join(f"`{n}`" for n in escaping)
        raise GestureError(
            f"Ending the scope of `{name}` here would end {names} too, and later lines use them: step to just after "
            f"`{name}` is declared, or drag `{name}` to the bin (drop({name}))."
        )


# ------------------------------------------------------------------------------------------------ in-place edits


def make_mutable(source: str, function: str, name: str, before_line: int | None = None) -> Edit:
    tree = C.Tree(source)
    let = C.let_binding(tree, function, name, before_line)
    if let is None:
        raise GestureError(f"`{name}` is not declared with `let` in fn {function}.")
    pattern = let.child_by_field_name("pattern")
    ident = next((n for n in C.walk(pattern) if n.type == "identifier" and tree.text(n) == name), None)
    if ident is None or (ident.parent is not None and ident.parent.type == "mut_pattern"):
        raise GestureError(f"`{name}` is already mutable.")
    if pattern.type == "mut_pattern" or tree.text(let).startswith("let mut "):
        raise GestureError(f"`{name}` is already mutable.")
    at = tree.start(ident)  # `let (a, mut b)` for a pattern, `let mut b` for a name
    return Edit(source[:at] + "mut " + source[at:], f"Make `{name}` mutable", 0)


LITERALS = ("integer_literal", "float_literal", "boolean_literal", "char_literal", "string_literal")


def literal_of(source: str, target: Target, before_line: int | None = None):
    """(start, end, text) of the literal in the code that gave `target` its value: `let n = 5`, a field in
    `let h = Holder { n: 5 }`, an element of `let a = [1, 2]` or `vec![1, 2]`; None when a computation did."""
    tree = C.Tree(source)
    try:
        let = C.let_binding(tree, target.function, target.root, before_line)
    except C.PlaceError:
        return None
    if let is None:
        return None
    node = let.child_by_field_name("value")
    path = re.findall(r"\.(\w+)|\[(\d+)\]", target.place[len(target.root) :])
    for field, index in path:
        node = _child_value(tree, node, field, index)
        if node is None:
            return None
    if node is not None and node.type == "unary_expression":  # -5
        inner = node.named_children[0] if node.named_children else None
        if inner is None or inner.type not in ("integer_literal", "float_literal"):
            return None
    elif node is None or node.type not in LITERALS:
        return None
    return tree.start(node), tree.end(node), tree.text(node)


def literal_shows(literal: str, view) -> bool:
    """Whether the board's value `view` is what `literal` wrote (False once a later line changed it)."""
    if view is None or view[0] != "scalar":
        return True  # nothing to compare with: trust the code
    shown = view[1]
    text = re.sub(r"(?<=\d)_|(?:[iu](?:8|16|32|64|128|size)|f32|f64)$", "", literal.strip())
    try:
        return float(text) == float(shown)
    except ValueError:
        return text == shown


def _child_value(tree, node, field: str, index: str):
    if node is None:
        return None
    if field and node.type == "struct_expression":
        body = node.child_by_field_name("body")
        for init in body.named_children if body else ():
            if init.type == "field_initializer" and tree.text(init.child_by_field_name("field")) == field:
                return init.child_by_field_name("value")
        return None
    if index and node.type == "array_expression":
        kids = [k for k in node.named_children if not k.type.endswith("comment")]
        i = int(index)
        return kids[i] if i < len(kids) and node.child_by_field_name("length") is None else None
    if index and node.type == "macro_invocation" and tree.text(node.child_by_field_name("macro")) == "vec":
        tokens = next((k for k in node.named_children if k.type == "token_tree"), None)
        if tokens is None:
            return None
        items, cur = [], []
        for kid in tokens.children[1:-1]:
            if kid.type == ",":
                items.append(cur)
                cur = []
            else:
                cur.append(kid)
        items.append(cur)
        i = int(index)
        if i < len(items) and len(items[i]) == 1 and items[i][0].type in LITERALS:
            return items[i][0]
    return None


def set_literal(source: str, target: Target, text: str, before_line: int | None = None) -> Edit:
    """Replace the literal that gave `target` its value with `text`, which must be a literal of the same kind."""
    nameable(target)
    found = literal_of(source, target, before_line)
    if found is None:
        raise GestureError(f"`{target.place}` gets its value from a computation: edit it in the code.")
    start, end, old = found
    new = text.strip()
    if _literal_kind(new) != _literal_kind(old):
        raise GestureError(f"`{new}` is not {_KIND_NAMES[_literal_kind(old)]}: type one like `{old}`.")
    # the board stays on the step shown: the student is watching that value change
    return Edit(source[:start] + new + source[end:], f"Change `{target.place}` to {_short(new)}", 0)


_KIND_NAMES = {
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "char": "a character in quotes",
    "str": "a string in double quotes",
    None: "a literal",
}


def _literal_kind(text: str) -> str | None:
    tree = C.Tree(f"fn main() {{ let _x = {text}; }}\n")
    if tree.root.has_error:
        return None
    let = next((n for n in C.walk(tree.root) if n.type == "let_declaration"), None)
    node = let.child_by_field_name("value") if let is not None else None
    if node is not None and node.type == "unary_expression" and tree.text(node).startswith("-"):
        node = node.named_children[0]
    kinds = {
        "integer_literal": "int",
        "float_literal": "float",
        "boolean_literal": "bool",
        "char_literal": "char",
        "string_literal": "str",
    }
    kind = kinds.get(node.type) if node is not None else None
    return kind


def rename(source: str, target: Target, new: str, before_line: int | None = None) -> Edit:
    """Rename a local from its `let` to the end of its block (stopping where a later `let` shadows it); the `let`
    is the last one of that name before `before_line` (the step shown)."""
    nameable(target)
    new = new.strip()
    if not IDENT.fullmatch(new) or new in RUST_KEYWORDS:
        raise GestureError(f"`{new}` is not a Rust name: use letters, digits and _, not starting with a digit.")
    tree = C.Tree(source)
    if new in C.names_in(tree, target.function):
        raise GestureError(f"fn {target.function} already uses the name `{new}`: choose another.")
    let = C.let_binding(tree, target.function, target.root, before_line)
    if let is None:
        raise GestureError(f"`{target.root}` is not declared with `let` in fn {target.function}.")
    block = let.parent
    spans = []  # (start, end, replacement)
    old = target.root
    inline = re.compile(r"(?<!\{)\{" + re.escape(old) + r"(?=[}:])")  # println!("{v}"): an inline format argument
    for node in C.walk(block):
        if node.start_byte < let.start_byte:
            continue
        if node.type == "identifier" and tree.text(node) == old and not _field_in_tokens(node):
            shorthand = node.parent is not None and node.parent.type == "shorthand_field_initializer"
            spans.append((tree.start(node), tree.end(node), f"{old}: {new}" if shorthand else new))
        elif node.type == "string_literal" and _in_macro(node):
            start = tree.start(node)
            for m in inline.finditer(tree.text(node)):
                spans.append((start + m.start() + 1, start + m.end(), new))
    shadow = next(
        (
            n
            for n in block.named_children
            if n.type == "let_declaration"
            and n.start_byte > let.start_byte
            and target.root in C.bound_names(tree, n.child_by_field_name("pattern"))
        ),
        None,
    )
    if shadow is not None:
        limit = tree.start(shadow.child_by_field_name("pattern"))
        value = shadow.child_by_field_name("value")
        vs, ve = (tree.start(value), tree.end(value)) if value is not None else (0, 0)
        spans = [s for s in spans if s[0] < limit or vs <= s[0] < ve]
    out = source
    for start, end, text in sorted(spans, reverse=True):
        out = out[:start] + text + out[end:]
    return Edit(out, f"Rename `{target.root}` to `{new}`", 0)


def _field_in_tokens(node) -> bool:
    """In a macro's tokens tree-sitter does not know `h.items` from a variable `items`: a name after `.` or `::`,
    or before a single `:` (a struct literal's field), is not the variable."""
    if node.parent is None or node.parent.type != "token_tree":
        return False
    before, after = node.prev_sibling, node.next_sibling
    return (before is not None and before.type in (".", "::")) or (after is not None and after.type == ":")


def _in_macro(node) -> bool:
    while node is not None:
        if node.type == "macro_invocation":
            return True
        node = node.parent
    return False


def add_struct(source: str, name: str, fields: list[tuple[str, str]]) -> Edit:
    """`struct Name { field: Type, … }` above the functions; the palette then offers it."""
    name = name.strip()
    if not IDENT.fullmatch(name) or not name[0].isupper() or name in RUST_KEYWORDS:
        raise GestureError(f"`{name}` is not a struct name: start with a capital letter, e.g. `Holder`.")
    tree = C.Tree(source)
    if name in C.structs(tree) or name in ("Vec", "String", "Option", "Box"):
        raise GestureError(f"A type named `{name}` already exists: choose another name.")
    seen = set()
    for fname, fty in fields:
        if not IDENT.fullmatch(fname) or fname in RUST_KEYWORDS:
            raise GestureError(f"`{fname}` is not a field name: use letters, digits and _.")
        if fname in seen:
            raise GestureError(f"The field `{fname}` is there twice.")
        seen.add(fname)
        if not fty.strip():
            raise GestureError(f"The field `{fname}` needs a type, e.g. `Vec<i32>`.")
    unit = C.indent_unit(tree)
    body = "".join(f"{unit}{f}: {t.strip()},\n" for f, t in fields)
    text = f"struct {name} {{\n{body}}}\n" if fields else f"struct {name};\n"
    at = C.items_insertion(tree, "struct")
    before, after = source[:at], source[at:]
    if before and not before.endswith("\n\n") and before.strip():
        text = "\n" + text
    if after.strip():
        text += "\n"
    new = before + text + after
    return Edit(new, f"Define struct `{name}`", 0)
