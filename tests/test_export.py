"""`whiteboard export` as a user meets it: the files it writes (size, format, pages, one per step) and a clear
one-line message with exit status 2 for every mistake."""

import argparse
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from whiteboard.export.command import add_export_parser, run_export
from whiteboard.export.registry import formats

VEC = "fn main() {\n    let mut v: Vec<u32> = Vec::new();\n    v.push(1);\n    v.push(2);\n}\n"
MOVED = 'fn main() {\n    let s = String::from("hi");\n    let t = s;\n    println!("{}", s);\n}\n'
ROOT = Path(__file__).resolve().parents[1]
SVG = "{http://www.w3.org/2000/svg}"


def export(tmp_path, capsys, *argv, source=VEC):
    """Run `whiteboard export main.rs …` in-process: (exit status, stdout lines, stderr)."""
    program = tmp_path / "main.rs"
    if not program.exists():
        program.write_text(source)
    parser = argparse.ArgumentParser(prog="whiteboard")
    add_export_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["export", str(program), *argv])
    code = run_export(args)
    out = capsys.readouterr()
    return code, out.out.splitlines(), out.err


def trace_of(source: str):
    from whiteboard.sim.run import run_source

    return run_source(source, "main.rs", record=True).trace


def expected_size(source: str, scale: float, step: int = -1) -> tuple[int, int]:
    from whiteboard.canvas.render import MARGIN
    from whiteboard.diagram.build import build_diagram

    trace = trace_of(source)
    _, _, w, h = build_diagram(trace, step % len(trace)).bounds
    return round((w + 2 * MARGIN) * scale), round((h + 2 * MARGIN) * scale)


def colours(image) -> list[int]:
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format_ARGB32)
    return list(memoryview(bytes(image.constBits())).cast("I"))


def read_png(path: Path):
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a readable PNG"
    return image


def test_every_format_is_registered():
    assert formats() == ("png", "svg", "pdf")


def test_png_has_the_size_scale_implies_and_is_not_blank(tmp_path, capsys):
    out = tmp_path / "board.png"
    code, lines, err = export(tmp_path, capsys, "-o", str(out), "--scale", "1.5")
    assert (code, lines, err) == (0, [str(out)], "")
    image = read_png(out)
    assert (image.width(), image.height()) == expected_size(VEC, 1.5)
    pixels = colours(image)
    background = pixels[0]
    assert len(set(pixels)) > 20  # text antialiasing, regions, cells, arrows
    assert sum(p != background for p in pixels) > len(pixels) // 20


def test_scale_two_doubles_the_pixels(tmp_path, capsys):
    export(tmp_path, capsys, "-o", str(tmp_path / "one.png"))
    export(tmp_path, capsys, "-o", str(tmp_path / "two.png"), "--scale", "2")
    one, two = read_png(tmp_path / "one.png"), read_png(tmp_path / "two.png")
    assert abs(two.width() - 2 * one.width()) <= 1 and abs(two.height() - 2 * one.height()) <= 1


def test_svg_parses_with_the_right_view_box_and_real_text(tmp_path, capsys):
    out = tmp_path / "board.svg"
    code, lines, _ = export(tmp_path, capsys, "-o", str(out), "--step", "2")
    assert (code, lines) == (0, [str(out)])
    root = ET.parse(out).getroot()
    assert root.tag == SVG + "svg"
    w, h = expected_size(VEC, 1.0, step=2)
    assert [float(n) for n in root.get("viewBox").split()] == [0, 0, w, h]
    texts = [t for t in root.iter(SVG + "text")]
    assert texts and any("".join(t.itertext()).strip() for t in texts)


def test_pdf_has_one_page(tmp_path, capsys):
    out = tmp_path / "board.pdf"
    code, lines, _ = export(tmp_path, capsys, "-o", str(out), "--theme", "projector")
    assert (code, lines) == (0, [str(out)])
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 1


def test_step_all_writes_one_file_per_step_numbered_from_zero(tmp_path, capsys):
    folder = tmp_path / "frames"  # created by the export
    code, lines, _ = export(tmp_path, capsys, "--step", "all", "--format", "svg", "-o", str(folder))
    count = len(trace_of(VEC))
    width = len(str(count))
    names = [f"step-{i:0{width}d}.svg" for i in range(count)]
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == names
    assert lines == [str(folder / n) for n in names]


def test_step_all_defaults_to_png(tmp_path, capsys):
    code, lines, _ = export(tmp_path, capsys, "--step", "all", "-o", str(tmp_path))
    assert code == 0 and lines and all(line.endswith(".png") for line in lines)
    assert len(lines) == len(trace_of(VEC))


def test_step_all_keeps_one_application_and_loads_the_fonts_once(tmp_path, capsys, monkeypatch):
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from whiteboard.canvas.fonts import ensure_app

    app = ensure_app()
    monkeypatch.setattr(QFontDatabase, "addApplicationFont", lambda *a: pytest.fail("fonts loaded again"))
    code, lines, _ = export(tmp_path, capsys, "--step", "all", "-o", str(tmp_path / "frames"))
    assert code == 0 and len(lines) == len(trace_of(VEC))
    assert QApplication.instance() is app


def test_themes_change_the_background(tmp_path, capsys):
    export(tmp_path, capsys, "-o", str(tmp_path / "light.png"))
    export(tmp_path, capsys, "-o", str(tmp_path / "dark.png"), "--theme", "dark")
    light, dark = read_png(tmp_path / "light.png"), read_png(tmp_path / "dark.png")
    assert light.pixelColor(0, 0) != dark.pixelColor(0, 0)
    assert dark.pixelColor(0, 0).lightness() < light.pixelColor(0, 0).lightness()


def test_a_program_that_does_not_compile_exports_its_error_with_a_note(tmp_path, capsys):
    out = tmp_path / "error.png"
    code, lines, err = export(tmp_path, capsys, "-o", str(out), source=MOVED)
    assert (code, lines) == (0, [str(out)])
    assert err.count("\n") == 1 and "note:" in err and "does not compile" in err and "E0382" in err
    assert len(set(colours(read_png(out)))) > 20


def test_a_panic_exports_the_run_with_a_note_naming_the_reason(tmp_path, capsys):
    source = "fn main() {\n    let v: Vec<u8> = vec![1, 2];\n    v[5];\n}\n"
    code, lines, err = export(tmp_path, capsys, "-o", str(tmp_path / "panic.svg"), source=source)
    assert (code, len(lines)) == (0, 1)
    assert err.count("\n") == 1 and "status 101" in err and "index out of bounds" in err


def test_a_step_out_of_range_names_the_valid_range(tmp_path, capsys):
    count = len(trace_of(VEC))
    code, lines, err = export(tmp_path, capsys, "-o", str(tmp_path / "x.png"), "--step", str(count))
    assert (code, lines) == (2, [])
    assert err == (
        f"whiteboard: --step {count} is out of range: this run has {count} steps, numbered 0 to {count - 1}. "
        "Use a number in that range, 'last' or 'all'.\n"
    )
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize(
    "argv, words",
    [
        (["--step", "-1"], ["--step -1", "negative"]),
        (["--step", "first"], ["--step 'first'", "'last' or 'all'"]),
        (["--theme", "neon"], ["unknown theme 'neon'", "light, dark, projector"]),
        (["--format", "gif"], ["unknown format 'gif'", "png, svg, pdf"]),
        (["--format", "svg"], ["ends in .png but --format is svg", "x.svg"]),
        (["--scale", "0"], ["--scale '0'", "positive"]),
        (["--scale", "1000"], ["too large", "smaller --scale"]),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(tmp_path, capsys, argv, words):
    code, lines, err = export(tmp_path, capsys, "-o", str(tmp_path / "x.png"), *argv)
    assert (code, lines) == (2, [])
    assert err.startswith("whiteboard: ") and err.count("\n") == 1
    assert all(w in err for w in words), err


def test_an_output_without_a_known_suffix_asks_for_format(tmp_path, capsys):
    code, _, err = export(tmp_path, capsys, "-o", str(tmp_path / "board"))
    assert code == 2 and "cannot tell the format" in err and "--format" in err
    code, lines, _ = export(tmp_path, capsys, "-o", str(tmp_path / "board"), "--format", "pdf")
    assert (code, lines) == (0, [str(tmp_path / "board")])
    assert (tmp_path / "board").read_bytes().startswith(b"%PDF")


def test_a_missing_input_file(tmp_path, capsys):
    parser = argparse.ArgumentParser(prog="whiteboard")
    add_export_parser(parser.add_subparsers(dest="command"))
    missing = tmp_path / "nope.rs"
    code = run_export(parser.parse_args(["export", str(missing), "-o", str(tmp_path / "x.png")]))
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"whiteboard: {missing}: no such file. Check the path and try again.\n"


def test_a_missing_output_folder(tmp_path, capsys):
    out = tmp_path / "no" / "such" / "x.png"
    code, lines, err = export(tmp_path, capsys, "-o", str(out))
    assert (code, lines) == (2, [])
    assert err == (
        f"whiteboard: cannot write {out}: the folder {out.parent} does not exist. Create it or choose another -o.\n"
    )
    code, _, err = export(tmp_path, capsys, "--step", "all", "-o", str(out.parent))
    assert code == 2 and "does not exist" in err and not out.parent.exists()


def test_an_output_that_is_a_folder_or_a_file_in_the_way(tmp_path, capsys):
    code, _, err = export(tmp_path, capsys, "-o", str(tmp_path), "--format", "png")
    assert code == 2 and "is a folder" in err
    code, _, err = export(tmp_path, capsys, "--step", "all", "-o", str(tmp_path / "main.rs"))
    assert code == 2 and "is a file" in err


def test_a_read_only_output_folder(tmp_path, capsys):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: a read-only folder is still writable")
        for argv in (["-o", str(folder / "x.png")], ["--step", "all", "-o", str(folder)]):
            code, lines, err = export(tmp_path, capsys, *argv)
            assert (code, lines) == (2, [])
            assert err.startswith("whiteboard: cannot write") and "permission" in err and err.count("\n") == 1
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_a_folder_the_user_may_not_write_in_is_refused_before_the_run(tmp_path, capsys, monkeypatch):
    """The same check as above on a machine whose tests run as root: the folder is reported as not writable."""
    import whiteboard.export.plan as plan

    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(plan.os, "access", lambda p, mode: Path(p) != locked and real_access(p, mode))
    code, lines, err = export(tmp_path, capsys, "-o", str(locked / "x.svg"))
    assert (code, lines) == (2, [])
    assert (
        err == f"whiteboard: cannot write {locked / 'x.svg'}: no permission to write in {locked}. Choose another -o.\n"
    )


def test_an_unwritable_place_the_checks_cannot_foresee_is_one_line(tmp_path, capsys):
    """/proc refuses new files even to root; the operating system's reason is reported, not Qt's warnings."""
    if not Path("/proc/self").exists():
        pytest.skip("no /proc here")
    code, lines, err = export(tmp_path, capsys, "-o", "/proc/whiteboard-export-test.png")
    assert (code, lines) == (2, [])
    assert err.startswith("whiteboard: cannot write /proc/whiteboard-export-test.png: ") and err.count("\n") == 1


def _cli_has_export() -> bool:
    try:
        done = subprocess.run(
            [sys.executable, "-m", "whiteboard", "export", "--help"], cwd=ROOT, capture_output=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


@pytest.mark.skipif(not _cli_has_export(), reason="`whiteboard export` is not wired into the command line yet")
def test_the_command_line_exports_headless(tmp_path):
    """A real process with no display and no QT_QPA_PLATFORM: the command picks the offscreen platform itself."""
    program = tmp_path / "main.rs"
    program.write_text(VEC)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "board.png"
    done = subprocess.run(
        [sys.executable, "-m", "whiteboard", "export", str(program), "-o", str(out), "--scale", "2"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{out}\n", "")
    assert (read_png(out).width(), read_png(out).height()) == expected_size(VEC, 2.0)
    done = subprocess.run(
        [sys.executable, "-m", "whiteboard", "export", str(tmp_path / "nope.rs"), "-o", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
