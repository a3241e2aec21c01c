"""What a diagram is made of: rectangles, labels and arrows with stable keys, in scene units (1 unit = 1 pixel at
zoom 1). Styles are names the theme maps to colours and line styles, so the layout never chooses a colour.

`groups` says which things a primitive belongs to, outermost first, e.g. ("frame:3", "slot:12", "val:slot:12") for
a local's value: the canvas fades, flashes or carries a whole group when an event concerns it. Group names:

- `frame:{frame_id}`, `slot:{slot_id}`, `val:slot:{slot_id}` (the value part of a local, without its name),
- `block:{block_id}`, `cell:{block_id}:{index}` (one element of a heap block), `chunk:{block_id}` (allocator header),
- `static:{static_id}`, `collapsed:{n}`, `free:{addr}`, `region:{stack|heap|static}`, `banner`, `legend`.
"""

from __future__ import annotations

from dataclasses import dataclass

# Arrow kinds, told apart by line style and head as well as colour (see the legend the layout draws):
# "own" — Box, Vec/String buffer: thick solid line, filled head; "shared" — &T: thin solid line, open head;
# "mut" — &mut T: dashed line, filled head with a bar; "dangling" — points at freed or released memory: dotted line,
# cross at the end; "static" — &str into static data: thin solid line, open head.
ARROW_KINDS = ("own", "shared", "mut", "dangling", "static")


@dataclass(frozen=True, slots=True)
class Rect:
    key: str
    x: float
    y: float
    w: float
    h: float
    style: str  # e.g. "frame", "slot", "cell.used", "cell.spare", "block.freed", "byte.pad"
    groups: tuple = ()
    radius: float = 0.0
    tooltip: str = ""  # what the inspector / tooltip says about this thing (address, size, offset, why)


@dataclass(frozen=True, slots=True)
class Label:
    key: str
    x: float  # the box the text is laid out in; text never leaves it (the layout measures with metrics.text_width)
    y: float
    w: float
    h: float
    text: str
    style: str  # e.g. "text", "text.dim", "text.title", "text.addr", "text.moved", "text.error"
    size: float  # font size in scene units (pixel size at zoom 1)
    align: str = "left"  # "left" | "center" | "right"
    bold: bool = False
    groups: tuple = ()
    tooltip: str = ""


@dataclass(frozen=True, slots=True)
class Arrow:
    key: str
    x1: float
    y1: float
    x2: float
    y2: float
    kind: str  # one of ARROW_KINDS
    start_side: str = "right"  # which side of its source it leaves: "right" | "left"
    end_side: str = "left"  # which side of its target it enters: "left" | "right" | "top" | "bottom"
    groups: tuple = ()
    target: str = ""  # the group it points at, e.g. "block:7" or "slot:3" ("" when dangling)
    bend: float = 0.0  # extra horizontal reach of the curve, so parallel arrows do not overlap
    # The x of the arrow's vertical run, its lane in a corridor (the gutter between the columns, the margin left of
    # the stack, right of the heap): drawn as horizontal from the start to the lane, along it, horizontal into the
    # target, with rounded corners, so arrows cross no text and parallel arrows never merge. None: a free curve.
    lane: float | None = None


Primitive = Rect | Label | Arrow


@dataclass(slots=True)
class Diagram:
    """Everything drawn for one step, in paint order (regions first, arrows last)."""

    items: dict  # key -> Primitive, insertion order = paint order
    bounds: tuple  # (x, y, w, h) enclosing everything; y may be negative (columns grow upward from y = 0)
    anchors: dict  # group -> (x, y, w, h): where a slot's value, a cell or a block is, for carrying and focusing

    def add(self, prim) -> None:
        if prim.key in self.items:
            raise ValueError(f"duplicate diagram key {prim.key!r}")
        self.items[prim.key] = prim
