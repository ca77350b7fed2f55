"""The YAML and JSON readers refuse what a plain safe_load / json.loads would let through."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest

from pia_wizard.core.files.documents import MAX_DEPTH, parse_json, parse_yaml
from pia_wizard.core.files.problems import LoadError


def problems(parse, text: str) -> list[str]:
    with pytest.raises(LoadError) as caught:
        parse(text, "f")
    return [str(p) for p in caught.value.problems]


def test_positions_are_recorded_for_values_and_keys() -> None:
    document = parse_yaml("a:\n  b: [1, 2]\n  c: x\n", "f")
    assert document.position(("a", "b", 1)) == (2, 10)
    assert document.position(("a", "c"), at_key=True) == (3, 3)
    assert document.position(("a", "c")) == (3, 6)
    assert document.position(("a", "zz")) is None


def test_alias_bomb_is_refused_quickly_without_expanding() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    started = time.perf_counter()
    found = problems(parse_yaml, "\n".join(lines))
    assert time.perf_counter() - started < 30  # expanding 10^9 items would never end (was 2 s)
    assert any("aliases" in p and "are not supported" in p for p in found)


def test_alias_bomb_in_a_subprocess_keeps_memory_small(tmp_path) -> None:
    bomb = tmp_path / "bomb.yaml"
    lines = ["kind: questionnaire", "lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    bomb.write_text("\n".join(lines), encoding="utf-8")
    script = textwrap.dedent(f"""
        from pathlib import Path
        from pia_wizard.core.files.documents import read_yaml
        from pia_wizard.core.files.problems import LoadError
        try:
            read_yaml(Path({str(bomb)!r}))
        except LoadError:
            pass
        # VmHWM is this process's own peak; ru_maxrss would carry the forking parent's peak over.
        status = Path("/proc/self/status").read_text()
        print(next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")))
    """)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    peak_kib = int(result.stdout.strip())
    assert peak_kib < 150 * 1024, f"peak RSS {peak_kib} KiB"


def test_deep_nesting_is_refused_in_both_formats() -> None:
    deep_yaml = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)
    assert any("nested more than" in p for p in problems(parse_yaml, deep_yaml))
    deep_json = "[" * 100_000 + "]" * 100_000
    assert any("nested" in p for p in problems(parse_json, deep_json))
    moderately_deep = '{"a":' * (MAX_DEPTH + 2) + "1" + "}" * (MAX_DEPTH + 2)
    assert any("nested more than" in p for p in problems(parse_json, moderately_deep))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": NaN}', "f:/a: NaN is not allowed"),
        ('{"a": [1, Infinity]}', "f:/a/1: Infinity is not allowed"),
        ('{"a": -Infinity}', "f:/a: -Infinity is not allowed"),
        ('{"a": 1e999}', "f:/a: the number 1e999 is too large"),
        ('{"a": 1, "a": 2}', "f:/a: duplicate key 'a'"),
        ('{"a/b": {"x": 1, "x": 1}}', "f:/a~1b/x: duplicate key 'x'"),
        ('{"a": 1', "f:1:8: invalid JSON: Expecting ',' delimiter"),
        ("", "f:1:1: invalid JSON: Expecting value"),
    ],
)
def test_json_problems_have_pointers_or_positions(text: str, expected: str) -> None:
    assert problems(parse_json, text)[0].startswith(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: .nan\n", "f:1:4: NaN and infinity are not allowed"),
        ("a: 1\nb: 2\na: 3\n", "f:3:1: duplicate key 'a' (first defined on line 1)"),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", "f:3:3: YAML merge keys (<<) are not supported"),
        ("? [a, b]\n: c\n", "f:1:3: a mapping key must be a plain value"),
        ("", "f:1:1: the file is empty"),
        ("a: [1, 2\n", "f:2:1: invalid YAML: while parsing a flow sequence"),
        ("a: !!python/object:os.system x\n", "f:1:4: invalid value"),
    ],
)
def test_yaml_problems_have_line_and_column(text: str, expected: str) -> None:
    assert problems(parse_yaml, text)[0].startswith(expected)


def test_non_utf8_file_names_the_byte_position(tmp_path) -> None:
    from pia_wizard.core.files.documents import read_yaml

    path = tmp_path / "latin1.yaml"
    path.write_bytes("a: ok\nb: caf\xe9\n".encode("latin-1"))
    with pytest.raises(LoadError) as caught:
        read_yaml(path)
    assert str(caught.value) == f"{path}:2:7: not UTF-8 text (save the file as UTF-8)"
