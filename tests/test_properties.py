"""Property-based tests: generated programs of Vec / String / Box operations in nested scopes.

For every generated program: the run ends normally; replaying its trace, heap blocks never overlap and every block
allocated is freed exactly once by the end; every value with a Drop impl is dropped exactly once; and a scope drops
its locals in reverse declaration order. Where rustc is installed, a sample is also compiled and compared output
for output.
"""

from __future__ import annotations

import re
import shutil
import subprocess

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from whiteboard.sim.run import run_source

PRELUDE = """struct Droppy(u32);

impl Drop for Droppy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

"""


@st.composite
def programs(draw) -> str:
    """A `main` that declares a few Vecs, Strings and Boxes and operates on them, with nested blocks."""
    counter = iter(range(1, 10_000))
    lines: list[str] = []

    def block(depth: int, indent: str) -> None:
        vecs: list[str] = []
        strings: list[str] = []
        for _ in range(draw(st.integers(2, 14))):
            choice = draw(st.sampled_from(["vec", "string", "box", "droppy", "block"] + ["op"] * 6))
            if choice == "vec" or (choice == "op" and not vecs and not strings):
                name = f"v{next(counter)}"
                cap = draw(st.sampled_from(["Vec::new()", "Vec::with_capacity(2)", "vec![Droppy(0)]"]))
                if cap.startswith("vec!"):
                    cap = f"vec![Droppy({next(counter)})]"
                lines.append(f"{indent}let mut {name}: Vec<Droppy> = {cap};")
                vecs.append(name)
            elif choice == "string":
                name = f"s{next(counter)}"
                lines.append(f'{indent}let mut {name} = String::from("{draw(st.text("abé", max_size=5))}");')
                strings.append(name)
            elif choice == "box":
                lines.append(f"{indent}let _b{next(counter)} = Box::new(Droppy({next(counter)}));")
            elif choice == "droppy":
                lines.append(f"{indent}let _d{next(counter)} = Droppy({next(counter)});")
            elif choice == "block" and depth < 3:
                lines.append(f"{indent}{{")
                block(depth + 1, indent + "    ")
                lines.append(f"{indent}}}")
            elif choice == "op" and vecs and (not strings or draw(st.booleans())):
                v = draw(st.sampled_from(vecs))
                op = draw(
                    st.sampled_from(
                        [
                            "push",
                            "push",
                            "pop",
                            "truncate",
                            "clear",
                            "insert",
                            "remove",
                            "reserve",
                            "reserve_exact",
                            "shrink_to_fit",
                            "swap",
                        ]
                    )
                )
                n = next(counter)
                lines.append(
                    indent
                    + {
                        "push": f"{v}.push(Droppy({n}));",
                        "pop": f"{v}.pop();",
                        "truncate": f"{v}.truncate({draw(st.integers(0, 4))});",
                        "clear": f"{v}.clear();",
                        "insert": f"{v}.insert({v}.len() / 2, Droppy({n}));",
                        "remove": f"if !{v}.is_empty() {{ {v}.remove(0); }}",
                        "reserve": f"{v}.reserve({draw(st.integers(0, 9))});",
                        "reserve_exact": f"{v}.reserve_exact({draw(st.integers(0, 9))});",
                        "shrink_to_fit": f"{v}.shrink_to_fit();",
                        "swap": f"if {v}.len() > 1 {{ {v}.swap(0, 1); }}",
                    }[op]
                )
                lines.append(f'{indent}println!("{v}: {{}} {{}}", {v}.len(), {v}.capacity());')
            elif choice == "op" and strings:
                s = draw(st.sampled_from(strings))
                lines.append(f'{indent}{s}.push_str("{draw(st.text("xyz€", min_size=1, max_size=9))}");')
                lines.append(f'{indent}println!("{s}: {{}} {{}} {{}}", {s}, {s}.len(), {s}.capacity());')

    block(0, "    ")
    return PRELUDE + "fn main() {\n" + "\n".join(lines) + "\n}\n"


def replay_heap(trace) -> None:
    """Replay allocations and frees: live blocks never overlap, each is freed once, none is left at the end."""
    live: dict[int, tuple[int, int]] = {}
    freed: set[int] = set()
    for step in trace.steps:
        for ev in step.events:
            if ev.kind == "heap_allocated":
                start, end = ev.addr, ev.addr + ev.size
                for other_start, other_end in live.values():
                    assert end <= other_start or start >= other_end, "two live heap blocks overlap"
                live[ev.block_id] = (start, end)
            elif ev.kind == "heap_reallocated":
                assert ev.old_block_id in live and ev.old_block_id not in freed
                del live[ev.old_block_id]
                freed.add(ev.old_block_id)
                start, end = ev.new_addr, ev.new_addr + ev.new_size
                for other_start, other_end in live.values():
                    assert end <= other_start or start >= other_end, "a reallocated block overlaps a live one"
                live[ev.new_block_id] = (start, end)
            elif ev.kind == "heap_freed":
                assert ev.block_id in live, "a block was freed twice, or never allocated"
                del live[ev.block_id]
                freed.add(ev.block_id)
    assert live == {}, f"{len(live)} heap blocks were never freed"


def check_drops(source: str, stdout: str) -> None:
    created = {int(n) for n in re.findall(r"Droppy\((\d+)\)", source)}
    dropped = [int(n) for n in re.findall(r"^drop (\d+)$", stdout, re.M)]
    assert sorted(dropped) == sorted(created), "every Droppy is dropped exactly once"


def check_scope_order(source: str, stdout: str) -> None:
    """Plain `let _dN = Droppy(M);` locals of one block drop in reverse order of declaration."""
    order = [int(n) for n in re.findall(r"^drop (\d+)$", stdout, re.M)]
    position = {n: i for i, n in enumerate(order)}
    body = source[source.index("fn main() {") :]
    open_blocks: list[list[int]] = []
    for line in body.splitlines():
        stripped = line.strip()
        if stripped.endswith("{") and (stripped == "{" or stripped.startswith("fn main")):
            open_blocks.append([])
        elif stripped == "}":
            names = open_blocks.pop()
            dropped = [position[n] for n in names]
            assert dropped == sorted(dropped, reverse=True), f"block with {names} dropped out of order"
        else:
            match = re.match(r"let _d\d+ = Droppy\((\d+)\);", stripped)
            if match:
                open_blocks[-1].append(int(match.group(1)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_generated_programs_keep_every_invariant(source):
    result = run_source(source, "gen.rs", record=True)
    assert result.exit_code == 0, result.stderr + "\n" + source
    replay_heap(result.trace)
    check_drops(source, result.stdout)
    check_scope_order(source, result.stdout)
    last = result.trace.state_at(len(result.trace) - 1)
    assert last.heap_bytes == 0


RUSTC = shutil.which("rustc")


@settings(max_examples=12 if RUSTC else 1, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_generated_programs_print_what_rustc_prints(tmp_path_factory, source):
    if RUSTC is None:
        return
    work = tmp_path_factory.mktemp("gen")
    (work / "gen.rs").write_text(source)
    subprocess.run(
        [RUSTC, "--edition", "2024", "-C", "opt-level=0", "-A", "warnings", "gen.rs", "-o", "gen"],
        cwd=work,
        check=True,
        capture_output=True,
    )
    real = subprocess.run([str(work / "gen")], capture_output=True, text=True)
    ours = run_source(source, "gen.rs")
    assert (ours.stdout, ours.exit_code) == (real.stdout, real.returncode), source
