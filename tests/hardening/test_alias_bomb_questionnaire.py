"""A YAML alias bomb inside the shipped questionnaire, otherwise valid (the bomb sits in a choice of its
first choice list), is refused at once with a message that names the file and the line and column,
before any alias is expanded: peak memory measured in a subprocess, and `pia-wizard validate` exits 2.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hardening_support import run_script
from helpers import ROOT, run_cli

QUESTIONNAIRE = ROOT / "questionnaires" / "biometric-deployment.yaml"
LEVELS = 10  # 9 ** 10 ≈ 3.5 billion "lol"s once expanded


def with_bomb(text: str) -> tuple[str, int]:
    """The questionnaire with a bomb in the first choice of its first choice list, and the bomb's line."""
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip() == "choices:")
    choice = lines[first + 1]
    assert choice.lstrip().startswith("- {") and choice.rstrip().endswith("}"), choice
    levels = ["&l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"&l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, LEVELS)]
    lines[first + 1] = choice.rstrip()[:-1] + ", bomb: [" + ", ".join(levels) + "]}"
    return "\n".join(lines) + "\n", first + 2


@pytest.fixture(scope="module")
def bombed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    text, line = with_bomb(QUESTIONNAIRE.read_text(encoding="utf-8"))
    path = tmp_path_factory.mktemp("bomb") / "biometric-deployment.yaml"
    path.write_text(text, encoding="utf-8")
    return path, line


def test_without_the_bomb_the_same_edit_is_a_valid_questionnaire(tmp_path: Path) -> None:
    """The bomb is the only fault: the same place with a plain list passes the loader's YAML reading
    and fails only the schema (an unknown key), so the refusal below is the aliases'."""
    text = QUESTIONNAIRE.read_text(encoding="utf-8")
    assert run_cli("validate", str(QUESTIONNAIRE)).returncode == 0
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip() == "choices:")
    lines[first + 1] = lines[first + 1].rstrip()[:-1] + ", bomb: [lol]}"
    plain = tmp_path / "biometric-deployment.yaml"
    plain.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = run_cli("validate", str(plain))
    assert output.returncode == 2 and "bomb" in output.stdout + output.stderr
    assert "alias" not in (output.stdout + output.stderr).lower()


def test_validate_exits_2_naming_the_file_line_and_column(bombed: tuple[Path, int]) -> None:
    path, line = bombed
    result = run_cli("validate", str(path))
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert f"{path}:{line}:" in output and "alias" in output.lower()
    assert "Traceback" not in output


MEASURE = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from pia_wizard.core.load.library import check_files

    def peak_kib():
        status = Path("/proc/self/status").read_text()
        return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))

    before = peak_kib()
    started = time.perf_counter()
    library, report = check_files([Path(sys.argv[1])])
    print(json.dumps({"seconds": time.perf_counter() - started, "grew_kib": peak_kib() - before,
                      "problems": [str(p) for p in report.problems]}))
""")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc (VmHWM)")
def test_refused_quickly_before_memory_grows(bombed: tuple[Path, int]) -> None:
    path, line = bombed
    found = run_script(MEASURE, str(path))
    assert any(f"{path}:{line}:" in p and "alias" in p.lower() for p in found["problems"]), found["problems"]
    # Generous (it was 2 s): expanding the bomb would take far longer; the memory bound is the real guard.
    assert found["seconds"] < 30, f"refusing took {found['seconds']:.2f} s"
    assert found["grew_kib"] < 20 * 1024, f"memory grew by {found['grew_kib']} KiB while refusing"
