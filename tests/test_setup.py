"""The two set-up commands: README shows them first, `make venv` refreshes on a changed
pyproject.toml, and Debian packages are installed only if missing and only as root."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def test_readme_starts_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```\w*\n(.*?)```", text, re.S)
    assert first_block is not None
    commands = [line.split("#")[0].strip() for line in first_block.group(1).splitlines() if line.strip()]
    assert commands == ["make run", "make test"]
    assert text.index("make run") < text.index("##", text.index("make test"))


def test_ci_runs_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in script.splitlines()[-1]


def _project_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, copy / name)
    (copy / ".venv" / "bin").mkdir(parents=True)
    return copy


def _make_dry_run(project: Path, target: str) -> str:
    result = subprocess.run(
        ["make", "-n", target], cwd=project, capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout


def test_make_venv_refreshes_only_when_pyproject_changes(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    stamp = project / ".venv" / ".installed-stamp"
    stamp.touch()
    os.utime(project / "pyproject.toml", (1_000_000_000, 1_000_000_000))
    assert "pip install" not in _make_dry_run(project, "venv")  # up to date: nothing to do
    os.utime(project / "pyproject.toml", None)  # pyproject.toml changed after the stamp
    os.utime(stamp, (1_000_000_000, 1_000_000_000))
    planned = _make_dry_run(project, "venv")
    assert "pip install --quiet -e '.[dev]'" in planned
    assert "touch .venv/.installed-stamp" in planned
    assert "pip install --quiet -e '.[dev]'" in _make_dry_run(project, "test")  # test bootstraps too
    stamp.touch()
    planned_test = _make_dry_run(project, "test")
    assert "pip install" not in planned_test and "-m pytest -n auto" in planned_test


def test_make_test_installs_the_test_time_packages_as_make_run_does(tmp_path: Path) -> None:
    """`make test` asks .ci/debian-packages for libharfbuzz-subset0 (so the suite can test the native font
    subsetter); the script installs it only if missing and only as root (the tests below)."""
    project = _project_copy(tmp_path)
    (project / ".venv" / ".installed-stamp").touch()
    planned = _make_dry_run(project, "test").splitlines()
    install = [line for line in planned if ".ci/debian-packages" in line]
    assert install and "libharfbuzz-subset0" in install[0].split()
    assert planned.index(install[0]) < next(i for i, line in enumerate(planned) if "-m pytest" in line)
    assert "libharfbuzz-subset0" in _make_dry_run(project, "run")  # the window's list has it too


def _fake_tools(tmp_path: Path, uid: int, installed: set[str]) -> tuple[dict[str, str], Path]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    listed = " ".join(sorted(installed))
    scripts = {
        "dpkg-query": f'for p in {listed or "NONE"}; do [ "$p" = "$3" ] && echo "install ok installed" '
        f"&& exit 0; done; exit 1",
        "id": f"echo {uid}",
        "apt-get": f'echo "$@" >> {log}',
    }
    for name, body in scripts.items():
        path = bin_dir / name
        path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        path.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    return env, log


def _install(env: dict[str, str], *packages: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", str(ROOT / ".ci" / "debian-packages"), *packages],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_debian_packages_installed_only_if_missing_and_as_root(tmp_path: Path) -> None:
    env, log = _fake_tools(tmp_path, uid=0, installed={"libegl1"})
    result = _install(env, "libegl1", "libxcb-icccm4")
    assert result.returncode == 0
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls[0] == "update -qq"
    assert calls[1].endswith("libxcb-icccm4") and "libegl1" not in calls[1]


def test_debian_packages_all_present_means_no_apt(tmp_path: Path) -> None:
    env, log = _fake_tools(tmp_path, uid=0, installed={"libegl1"})
    assert _install(env, "libegl1").returncode == 0
    assert not log.exists()


def test_debian_packages_without_root_only_says_what_to_install(tmp_path: Path) -> None:
    env, log = _fake_tools(tmp_path, uid=1000, installed=set())
    result = _install(env, "libxcb-keysyms1")
    assert result.returncode == 0
    assert not log.exists()
    assert "sudo apt-get install libxcb-keysyms1" in result.stderr
