"""`whiteboard run|layout` as a user meets them: output, exit status, and clear messages for every failure."""

import json
from pathlib import Path

import pytest

from whiteboard.cli import main

ORACLE = {e["type"]: e for e in json.loads((Path(__file__).parent / "oracle" / "layout.json").read_text())}


def run(tmp_path, capsys, source: str, *extra: str):
    path = tmp_path / "main.rs"
    path.write_text(source)
    code = main(["run", str(path), *extra])
    out = capsys.readouterr()
    return code, out.out, out.err, str(path)


def test_a_program_prints_and_exits_zero(tmp_path, capsys):
    assert run(tmp_path, capsys, 'fn main() { println!("{} {:?}", 1 + 2, "x"); }')[:3] == (0, '3 "x"\n', "")


def test_a_panic_exits_101_with_stds_message(tmp_path, capsys):
    code, out, err, path = run(tmp_path, capsys, "fn main() {\n    let v: Vec<u8> = Vec::new();\n    v[0];\n}\n")
    assert code == 101
    assert err == (
        f"\nthread 'main' panicked at {path}:3:6:\nindex out of bounds: the len is 0 but the index is 0\n"
        "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n"
    )


def test_stack_overflow_exits_134_with_rustcs_two_lines(tmp_path, capsys):
    code, out, err, _ = run(tmp_path, capsys, "fn foo() {\n    foo();\n}\n\nfn main() {\n    foo();\n}\n")
    assert (code, out) == (134, "")
    assert err == "\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow, aborting\n"


def test_an_infinite_loop_stops_at_the_step_limit_with_a_message(tmp_path, capsys):
    code, _, err, path = run(
        tmp_path,
        capsys,
        "fn main() {\n    let mut i = 0u8;\n    loop {\n        i = i;\n    }\n}\n",
        "--max-steps",
        "10000",
    )
    assert code == 3
    assert f"stopped after 10,000 steps at {path}:" in err and "--max-steps" in err


def test_outside_the_subset_names_the_construct_and_position(tmp_path, capsys):
    code, _, err, path = run(tmp_path, capsys, "fn main() {\n    let f = |x: i32| x + 1;\n}\n")
    assert code == 2
    assert err.startswith(f"whiteboard: {path}:2:13: closures") and "Traceback" not in err


def test_a_missing_file_is_a_message_not_a_traceback(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope.rs")]) == 2
    assert "no such file" in capsys.readouterr().err


@pytest.mark.parametrize(
    "ty", ["Option<Box<i32>>", "Vec<u8>", "(u8, u32, u16)", "&str", "Option<char>", "Rc<String>", "[u16; 3]"]
)
def test_layout_json_matches_rustc(ty, capsys):
    assert main(["layout", ty, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["size"], data["align"]) == (ORACLE[ty]["size"], ORACLE[ty]["align"])


def test_layout_of_a_user_struct_shows_rustcs_order(tmp_path, capsys):
    defs = tmp_path / "defs.rs"
    defs.write_text(ORACLE["Padded"]["definition"] + "\n")
    assert main(["layout", "Padded", "--defs", str(defs), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [f["offset"] for f in data["fields"]] == [f["offset"] for f in ORACLE["Padded"]["fields"]]
    assert data["memory_order"] == ORACLE["Padded"]["memory_order"]
