"""Vec and String capacities, as the interpreter runs real programs, against rustc's measured capacities
(tests/oracle/vec_growth.json: every push from Vec::new(), with_capacity then push, reserve/reserve_exact,
extend_from_slice, zero-sized types, String pushes)."""

import json
from pathlib import Path

import pytest

from whiteboard.sim.run import run_source

ORACLE = json.loads((Path(__file__).parent / "oracle" / "vec_growth.json").read_text())

# A value of each element type the oracle measured, written so it can be repeated (`[X; n]`) where it is Copy.
VALUES = {
    "u8": "7u8",
    "u16": "7u16",
    "u32": "7u32",
    "u64": "7u64",
    "()": "()",
    "(u64, u64)": "(1u64, 2u64)",
    "String": "String::new()",
    "Vec<u8>": "Vec::new()",
    "[u8; 100]": "[0u8; 100]",
    "[u8; 1024]": "[0u8; 1024]",
    "[u8; 1025]": "[0u8; 1025]",
    "[u8; 4096]": "[0u8; 4096]",
}


def run_lines(body: str) -> list[int]:
    result = run_source("fn main() {\n" + body + "\n}\n", "growth.rs")
    assert result.exit_code == 0, result.stderr
    return [int(line) for line in result.stdout.split()]


def state_code(elem: str, state: str) -> str:
    """Rust that builds one of the oracle's starting states, e.g. 'Vec::with_capacity(10) + 2 pushes'."""
    start, _, pushes = state.partition(" + ")
    code = f"let mut v: Vec<{elem}> = {start};\n"
    if pushes:
        count = int(pushes.split()[0])
        code += f"for _ in 0..{count} {{ v.push({VALUES[elem]}); }}\n"
    return code


@pytest.mark.parametrize("case", ORACLE["push_from_new"], ids=lambda c: c["element_type"])
def test_capacity_after_every_push_from_new(case):
    elem, trace = case["element_type"], case["trace"]
    body = (
        f"let mut v: Vec<{elem}> = Vec::new();\n"
        f'for _ in 0..{trace["pushes"]} {{ v.push({VALUES[elem]}); println!("{{}}", v.capacity()); }}'
    )
    assert run_lines(body) == trace["capacity_after_each_push"]


@pytest.mark.parametrize(
    "case", ORACLE["with_capacity_then_push"], ids=lambda c: f"{c['element_type']}-cap{c['with_capacity']}"
)
def test_capacity_after_with_capacity_then_push(case):
    elem, trace = case["element_type"], case["trace"]
    body = (
        f"let mut v: Vec<{elem}> = Vec::with_capacity({case['with_capacity']});\n"
        f'println!("{{}}", v.capacity());\n'
        f'for _ in 0..{trace["pushes"]} {{ v.push({VALUES[elem]}); println!("{{}}", v.capacity()); }}'
    )
    capacities = run_lines(body)
    assert capacities[0] == trace["initial_capacity"]
    assert capacities[1:] == trace["capacity_after_each_push"]


def _grouped(section: str) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {}
    for obs in ORACLE[section]:
        groups.setdefault(obs["element_type"], []).append(obs)
    return groups


@pytest.mark.parametrize("section", ["reserve", "extend_from_slice"])
def test_reserve_and_extend_observations(section):
    checked = skipped = 0
    for elem, observations in _grouped(section).items():
        if section == "extend_from_slice" and elem in ("String", "Vec<u8>"):
            skipped += len(observations)  # `[x; n]` needs a Copy element; those two are covered by the push tests
            continue
        body = []
        for obs in observations:
            call = obs["call"].replace("[x;", f"[{VALUES[elem]};")
            body.append("{\n" + state_code(elem, obs["state"]) + f'v.{call};\nprintln!("{{}}", v.capacity());\n}}')
        got = run_lines("\n".join(body))
        assert got == [obs["capacity_after"] for obs in observations], elem
        checked += len(observations)
    assert checked + skipped == len(ORACLE[section]) and checked >= 150


def test_zero_sized_elements_never_allocate():
    result = run_source(
        "fn main() { let mut v: Vec<()> = Vec::new(); v.push(()); v.push(());\n"
        'println!("{} {}", v.len(), v.capacity()); }',
        "zst.rs",
        record=True,
    )
    assert result.stdout == f"2 {(1 << 64) - 1}\n"
    kinds = {ev.kind for step in result.trace.steps for ev in step.events}
    assert "heap_allocated" not in kinds


STRING = ORACLE["string"]


@pytest.mark.parametrize(
    "case", STRING["push_char_from_new"] + STRING["with_capacity_then_push"], ids=lambda c: c["start"]
)
def test_string_capacity_after_every_push(case):
    body = (
        f"let mut s = {case['start']};\n"
        f'for _ in 0..{case["pushes"]} {{ s.{case["call"]}; println!("{{}}", s.capacity()); }}'
    )
    assert run_lines(body) == case["capacity_after_each_push"]


def test_string_push_of_multibyte_chars():
    steps = STRING["push_alternating_a_and_emoji"]
    body = "let mut s = String::new();\n" + "\n".join(
        f"s.push('{step['char']}'); println!(\"{{}} {{}}\", s.len(), s.capacity());" for step in steps
    )
    got = run_lines(body)
    assert got == [n for step in steps for n in (step["len_bytes_after"], step["capacity_after"])]


STRING_FACTS_IN_SUBSET = [
    f
    for f in STRING["facts"]
    if not any(
        word in f["expr"]
        for word in (
            "from_utf8",
            "concat",
            "join",
            "repeat",
            "to_uppercase",
            "chars",
            "iter()",
            "insert",
            "truncate",
            "String::from('",
        )
    )
]


@pytest.mark.parametrize("fact", STRING_FACTS_IN_SUBSET, ids=lambda f: f["expr"][:60])
def test_string_capacity_facts(fact):
    expr = fact["expr"].split("  //")[0]
    got = run_lines(f'let s: String = {expr};\nprintln!("{{}}", s.len());\nprintln!("{{}}", s.capacity());')
    assert got == [fact["len"], fact["capacity"]]
