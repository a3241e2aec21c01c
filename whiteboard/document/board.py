"""A board: the program plus how it is being shown. Plain records, built only from data that has been validated."""

from __future__ import annotations

from dataclasses import dataclass, field

from whiteboard.document.captions import read_captions

MIN_ZOOM, MAX_ZOOM = 0.05, 40.0


@dataclass(frozen=True)
class View:
    """How the board was being shown when saved. `zoom` None means "fit to the window"; `theme` None means "the
    theme the app is using"."""

    step: int = 0
    zoom: float | None = None
    theme: str | None = None
    addresses: bool = False  # the address · size · offset lines: on when a lesson asks (`//! show: addresses`)
    byte_view: bool = False
    allocator: bool = False


@dataclass(frozen=True)
class Board:
    program: str
    view: View = field(default_factory=View)


def board_from_program(program: str) -> Board:
    """A plain `.rs` file as a board: the views its `//! show:` header asks for."""
    captions = read_captions(program)
    return Board(
        program,
        View(
            addresses="addresses" in captions.show,
            byte_view="bytes" in captions.show,
            allocator="allocator" in captions.show,
        ),
    )
