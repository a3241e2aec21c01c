"""Rows of cells, as heap blocks and string literals are drawn: a `Grid` knows where cell i is (for arrows into the
middle of a block), and `text_cells` draws UTF-8 text one byte per cell with each character over its bytes, so
"héllo" visibly takes 6 bytes."""

from __future__ import annotations

from dataclasses import dataclass

from whiteboard.diagram import formats as F
from whiteboard.diagram.metrics import SIZE_SMALL, SIZE_VALUE, line_height
from whiteboard.diagram.sink import Sink

BYTE_CELL_W = 28.0
BYTE_CELL_H = 30.0
BYTES_PER_ROW = 16
INDEX_H = line_height(SIZE_SMALL) + 1
_SHOWN = {" ": "␣", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


@dataclass(slots=True)
class Grid:
    x: float  # top-left of cell 0 (its index label, if any, is above)
    y: float
    cw: float
    ch: float
    gap: float  # between two cells of a row
    row_step: float  # from one row of cells to the next
    per_row: int
    n: int  # cells drawn
    key: str = ""  # cells are f"{key}:{i}"

    def cell(self, i: int) -> tuple[float, float, float, float]:
        row, col = divmod(i, self.per_row)
        return self.x + col * (self.cw + self.gap), self.y + row * self.row_step, self.cw, self.ch

    @property
    def rows(self) -> int:
        return max((self.n + self.per_row - 1) // self.per_row, 1)

    @property
    def width(self) -> float:
        cols = min(self.n, self.per_row) or 1
        return cols * self.cw + (cols - 1) * self.gap


def text_grid(capacity: int, max_cells: int, indices: bool, x: float, y: float, key: str) -> Grid:
    n = min(capacity, max_cells)
    top = y + (INDEX_H if indices else 0.0)
    step = BYTE_CELL_H + (INDEX_H if indices else 0.0) + 4
    return Grid(x, top, BYTE_CELL_W, BYTE_CELL_H, 0.0, step, BYTES_PER_ROW, n, key)


def text_cells(
    text: str, grid: Grid, used_style: str, spare_style: str, indices: bool, block_groups, sink: Sink, cells=False
) -> None:
    """Draw `text`'s UTF-8 bytes into `grid` (then spare cells up to grid.n), characters over their bytes. With
    `cells`, each byte is its own group `{grid.key}:{i}` (a heap block's `cell:{id}:{i}`), anchored."""
    data = text.encode("utf-8")
    key = grid.key
    for i in range(grid.n):
        x, y, w, h = grid.cell(i)
        groups = block_groups
        if cells:
            groups = (*block_groups, f"{key}:{i}")
            sink.anchors[f"{key}:{i}"] = (x, y, w, h)
        if i < len(data):
            sink.rect(f"{key}:{i}", x, y, w, h, used_style, groups, 0.0, f"byte {i}: 0x{data[i]:02x}")
        else:
            sink.rect(f"{key}:{i}", x, y, w, h, spare_style, groups, 0.0, f"byte {i}: spare capacity")
        if indices:
            sink.label(
                f"{key}:{i}:idx",
                x,
                y - INDEX_H,
                w,
                INDEX_H - 1,
                str(i),
                "text.dim",
                SIZE_SMALL,
                "center",
                False,
                groups,
            )
    at = 0
    for ch in text:
        size = len(ch.encode("utf-8"))
        if at >= grid.n:
            break
        x, y, w, h = grid.cell(at)
        groups = (*block_groups, f"{key}:{at}") if cells else block_groups
        span = min(size, grid.n - at, grid.per_row - at % grid.per_row)  # a character never leaves its row
        shown = _SHOWN.get(ch, ch if ch.isprintable() else f"\\u{{{ord(ch):x}}}")
        tip = f"{ch!r}: {size} byte{'s' if size > 1 else ''} ({' '.join(f'{b:02x}' for b in ch.encode())})"
        if span > 1:  # one wider cell over the character's bytes; the byte indices above still count them
            sink.rect(f"{key}:{at}:char", x, y, span * w, h, used_style, groups, 0.0, tip)
        lh = line_height(SIZE_VALUE)
        sink.label(
            f"{key}:{at}:text",
            x,
            y + (h - lh) / 2,
            span * w,
            lh,
            shown,
            "text",
            SIZE_VALUE,
            "center",
            False,
            groups,
            tip,
        )
        at += size


def more_label(hidden: int, hidden_used: int, noun: str = "") -> str:
    if hidden_used:
        return f"… {F.count(hidden)} more{noun}: {F.count(hidden_used)} used, {F.count(hidden - hidden_used)} spare"
    return f"… {F.count(hidden)} more{noun} spare"
