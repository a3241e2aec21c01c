"""When Rust says no: for each error code the simulator reports, why the rule exists and what would go wrong at run
time without it, in a teacher's words, and the usual way out. Shown on the board's error card and in the code
panel's tooltip, under rustc's own headline."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Explanation:
    why: str  # the rule, plainly
    without: str  # what would happen at run time if Rust let it through
    fix: str  # the usual way out


EXPLANATIONS: dict[str, Explanation] = {
    "E0382": Explanation(
        why="A value has exactly one owner. `let b = a;` or passing `a` to a function moves it: the pointer, "
        "capacity and length are copied and `a` stops owning the heap buffer.",
        without="Both names would own the same heap block and both would free it when their scopes end: a double "
        "free, which corrupts the allocator. Reading through the old name could see memory already reused.",
        fix="Borrow it (`&a`) if you only need to read it, or `a.clone()` for a second, independent copy.",
    ),
    "E0384": Explanation(
        why="A `let` binding is immutable unless it says `mut`: the compiler checks that nothing writes to it.",
        without="Code that relies on the value never changing (and the optimiser) would be wrong without warning.",
        fix="Write `let mut` if the variable is meant to change, or make a new binding with `let` (shadowing).",
    ),
    "E0499": Explanation(
        why="Only one `&mut` borrow of a value may be alive at a time: a writer must be alone.",
        without="Two writers could change the same bytes at once; if one pushed to a Vec and moved its buffer, the "
        "other would keep a pointer into the freed old buffer (a dangling pointer).",
        fix="Finish using the first `&mut` before taking the second, e.g. in its own `{ }` block.",
    ),
    "E0502": Explanation(
        why="Many readers (`&`) or one writer (`&mut`), never both: while a `&` borrow is alive the value cannot "
        "be changed.",
        without="A push could outgrow the Vec's capacity and move its elements to a new heap buffer, freeing the old "
        "one; the reader's pointer would still point into the freed buffer (use after free).",
        fix="Use the reference for the last time before changing the value, or copy out what you need first.",
    ),
    "E0505": Explanation(
        why="A value cannot be moved while something borrows it: the borrow must end first.",
        without="The new owner could drop the value and free its heap memory while the borrow still points at it.",
        fix="Finish with the reference before the move, or move a `clone()`.",
    ),
    "E0596": Explanation(
        why="Changing a value through a name needs `mut`: `&mut x`, `x.push(…)` and the like require `let mut x`.",
        without="Values everyone assumes fixed could change behind their back.",
        fix="Declare it `let mut x`, or take `&mut` in the function's parameter.",
    ),
    "E0503": Explanation(
        why="While a `&mut` borrow is alive, the value may be used only through it: the writer must be alone.",
        without="Reading the value directly while another part of the program is changing it through the `&mut` "
        "could see half-written data, or a Vec buffer that has just moved.",
        fix="Use the value after the last use of the `&mut` borrow.",
    ),
    "E0506": Explanation(
        why="A value cannot be assigned a new value while it is borrowed.",
        without="The assignment drops the old value (freeing its heap memory) while the borrow still points at it.",
        fix="Assign after the borrow's last use.",
    ),
    "E0507": Explanation(
        why="You cannot move a value out from behind a reference: a borrow does not own what it points at.",
        without="The value would have two owners, the original and the one it was moved to, and be freed twice.",
        fix="Clone it (`.clone()`), borrow it instead, or take it and leave something behind (`std::mem::take`).",
    ),
    "E0508": Explanation(
        why="You cannot move one element out of an array: the array still owns all its elements.",
        without="The element would be dropped twice: once by its new owner, once with the array.",
        fix="Borrow the element (`&a[i]`), clone it, or copy it if its type is Copy.",
    ),
    "E0515": Explanation(
        why="A function cannot return a reference to its own local: the local lives in the function's stack "
        "frame, which is popped when the function returns.",
        without="The caller would hold a pointer into a popped frame, memory the next call overwrites (dangling).",
        fix="Return the value itself (it is moved out to the caller), not a reference to it.",
    ),
    "E0594": Explanation(
        why="Assigning through a name or a `&` reference needs mutability: `let mut x`, or a `&mut` reference.",
        without="Values everyone assumes fixed could change behind their back.",
        fix="Declare it `let mut`, or borrow with `&mut`.",
    ),
    "E0597": Explanation(
        why="A borrow cannot outlive the value it borrows: when the value's scope ends it is dropped.",
        without="The reference would point at a dropped value, at stack or heap memory that is reused next.",
        fix="Declare the value in an outer scope, so it lives at least as long as the reference.",
    ),
    "E0308": Explanation(
        why="Every value has exactly one type, fixed at compile time, and Rust never converts between types "
        "silently (not even between integer sizes).",
        without="Code would read the bytes of one type as another: a 4-byte `u32` read as an 8-byte `u64` takes "
        "4 bytes that belong to something else.",
        fix="Convert explicitly (`x as u64`, `String::from(s)`, `s.to_string()`) or change the declared type.",
    ),
}


def explain(code: str | None) -> Explanation | None:
    return EXPLANATIONS.get(code or "")


def explanation_lines(code: str | None) -> list[str]:
    """The explanation as lines for a card or a tooltip (empty when there is none for `code`)."""
    found = explain(code)
    if found is None:
        return []
    return [f"Why: {found.why}", f"Without this rule: {found.without}", f"Try: {found.fix}"]
