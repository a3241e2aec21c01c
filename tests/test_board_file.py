"""The board file: what is saved is what is read back; whatever else is read gives a message, never a crash and
never a half-built board (hypothesis feeds the reader thousands of damaged and random files)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from whiteboard.document.board import Board, View
from whiteboard.document.board_file import (
    FORMAT,
    MAX_FILE_BYTES,
    MAX_PROGRAM_CHARS,
    VERSION,
    BoardFileError,
    dump_board,
    normalise_newlines,
    parse_board,
    read_board,
)

PROGRAM = 'fn main() {\n    let v: Vec<u32> = vec![1, 2, 3];\n    println!("{}", v.len());\n}\n'
SAVED = dump_board(Board(PROGRAM, View(step=4, zoom=1.5, theme="dark", byte_view=True)))

programs = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=400)
views = st.builds(
    View,
    step=st.integers(0, 10**6),
    zoom=st.none() | st.floats(0.05, 40.0),
    theme=st.none() | st.sampled_from(["light", "dark", "projector"]),
    addresses=st.booleans(),
    byte_view=st.booleans(),
    allocator=st.booleans(),
)
any_text = st.text(st.characters(), max_size=20)  # lone surrogates included: JSON can carry them ("\ud800")
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(10**300, 10**400) | st.floats() | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
FUZZ = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(programs, views)
@settings(max_examples=300, deadline=None)
def test_what_is_saved_is_read_back(program, view):
    board = Board(program, view)
    assert parse_board(dump_board(board), "x.whiteboard") == Board(normalise_newlines(program), view)


def test_the_saved_file_is_the_documented_json():
    record = json.loads(SAVED)
    assert record["format"] == FORMAT == "rust-memory-whiteboard"
    assert record["version"] == VERSION == 1
    assert record["program"][1] == "    let v: Vec<u32> = vec![1, 2, 3];"  # one string per line
    assert record["view"] == {
        "step": 4, "zoom": 1.5, "theme": "dark", "addresses": False, "byte_view": True, "allocator": False,
    }  # fmt: skip


def _loads_or_says_why(data: bytes, name: str = "x.whiteboard"):
    """The loader's contract: a whole Board, or a BoardFileError with a one-line message naming the file."""
    try:
        board = parse_board(data, name)
    except BoardFileError as err:
        message = str(err)
        assert message and "\n" not in message and name in message
        assert "Traceback" not in message
        return None
    assert isinstance(board, Board) and isinstance(board.program, str) and isinstance(board.view, View)
    return board


@given(st.binary(max_size=600))
@FUZZ
def test_random_bytes_never_crash(data):
    _loads_or_says_why(data)


@given(st.data())
@FUZZ
def test_damaged_board_files_never_crash(data):
    raw = bytearray(SAVED)
    for _ in range(data.draw(st.integers(1, 4))):
        kind = data.draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        at = data.draw(st.integers(0, max(len(raw) - 1, 0)))
        if kind == "flip" and raw:
            raw[at] = data.draw(st.integers(0, 255))
        elif kind == "delete":
            del raw[at : at + data.draw(st.integers(1, 30))]
        elif kind == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=8))
        else:
            del raw[at:]
    _loads_or_says_why(bytes(raw))


@given(st.sampled_from(["format", "version", "program", "view", "step", "zoom", "theme", "byte_view"]), json_values)
@FUZZ
def test_any_value_in_any_field_is_a_board_or_a_message(key, value):
    record = json.loads(SAVED)
    if key in record:
        record[key] = value
    else:
        record["view"][key] = value
    board = _loads_or_says_why(json.dumps(record).encode())
    if board is not None and key == "step":
        assert board.view.step == value


@given(json_values)
@FUZZ
def test_random_json_documents_are_refused_with_a_message(value):
    _loads_or_says_why(json.dumps(value).encode())


def test_every_truncation_of_a_board_is_refused():
    for end in range(len(SAVED.rstrip())):
        with pytest.raises(BoardFileError) as caught:
            parse_board(SAVED[:end], "cut.whiteboard")
        assert "cut.whiteboard" in str(caught.value)
    assert "truncated" in str(pytest.raises(BoardFileError, parse_board, SAVED[: len(SAVED) // 2], "a").value)


def _record(program=("fn main() {}",), view=None) -> bytes:
    record = {"format": FORMAT, "version": VERSION, "program": list(program), "view": view or {}}
    return json.dumps(record).replace("\\\\u", "\\u").encode()  # keep "\\ud800" an escape JSON decodes


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (json.dumps({"format": FORMAT, "version": VERSION + 1, "program": []}).encode(), "newer"),
        (json.dumps({"format": "excalidraw", "version": 2}).encode(), "not a Rust Memory Whiteboard board"),
        (json.dumps({"format": FORMAT, "version": "1", "program": []}).encode(), "version"),
        (json.dumps({"format": FORMAT, "version": 1}).encode(), "no program"),
        (json.dumps({"format": FORMAT, "version": 1, "program": [], "view": {"step": -1}}).encode(), "view.step"),
        (json.dumps({"format": FORMAT, "version": 1, "program": [], "view": {"zoom": 1e9}}).encode(), "view.zoom"),
        (b"fn main() {}\n", "save it with the .rs extension"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b'{"format": \xff}', "not UTF-8"),
        (b"[1, 2, 3]", "not a board file"),
        (b'{"format": NaN}', "damaged"),
        (_record(view={"zoom": 10**400}), "view.zoom"),
        (_record(program=["fn main() {}", "// \\ud800"]), "broken character"),
        (_record(view={"theme": "\\udfff"}), "view.theme"),
        (_record(view={"step": True}), "view.step"),
    ],
)
def test_messages_say_what_is_wrong(data, says):
    with pytest.raises(BoardFileError) as caught:
        parse_board(data, "lesson.whiteboard")
    assert says in str(caught.value)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.whiteboard"
    with huge.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(BoardFileError) as caught:
        read_board(huge)
    assert "at most 16 MB" in str(caught.value)


def test_a_plain_rust_file_opens_with_the_views_its_header_asks_for(tmp_path):
    lesson = tmp_path / "alloc.rs"
    lesson.write_text("//! The allocator\n//! Summary.\n//! show: allocator, bytes\n" + PROGRAM)
    board = read_board(lesson)
    assert board.program.endswith(PROGRAM)
    assert board.view == View(step=0, addresses=False, byte_view=True, allocator=True)


@pytest.mark.parametrize("make", ["missing", "folder"])
def test_unreadable_paths_are_messages(tmp_path, make):
    path = tmp_path / "x.whiteboard"
    if make == "folder":
        path.mkdir()
    with pytest.raises(BoardFileError) as caught:
        read_board(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("line", ["", "\x01"])
def test_the_largest_program_the_app_saves_can_be_read_back(line):
    """Escapes and one JSON string per line make a file several times the program's size: the reader allows it."""
    program = (line + "\n") * (MAX_PROGRAM_CHARS // (len(line) + 1))
    assert len(program) <= MAX_PROGRAM_CHARS
    data = dump_board(Board(program))
    assert len(data) > 4 * 1024 * 1024  # more than the program's million characters, by far
    assert parse_board(data, "big.whiteboard").program == program
    with pytest.raises(ValueError):
        dump_board(Board(program + "x" * 1000))  # over the limit: refused when saving, not when reopening
