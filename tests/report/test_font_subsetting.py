"""The same report gives the same bytes on both of WeasyPrint's font-subsetting paths: the native one
(HarfBuzz, Debian's libharfbuzz-subset0, which `make test` installs when run as root) and the fontTools
fallback used when that library is missing. Each path is tested in a fresh interpreter
(tests/report/print_twice.py), because WeasyPrint settles on a path when it is first imported; the
interpreter prints the report twice, the second time in a later second of the clock than the first
ended in, and says which path WeasyPrint took (its own warning "Using fontTools instead of
HarfBuzz-Subset" marks the fallback).

How the native subsetter is hidden for the fontTools test, without privileges and without touching
WeasyPrint: the interpreter runs with LD_LIBRARY_PATH naming a folder of this test that holds an empty
file called libharfbuzz-subset.so.0. The dynamic loader searches LD_LIBRARY_PATH before its cache and
the system folders, finds that file first and refuses it ("file too short"), so every name WeasyPrint
tries for the library fails and it falls back to fontTools. The test checks WeasyPrint's warning, so a
loader that kept searching would fail the test rather than test the wrong path.
"""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT

from pia_wizard.report.samples import FONTTOOLS, NATIVE

SCRIPT = Path(__file__).with_name("print_twice.py")
EXAMPLE = ROOT / "examples" / "journalist-first-look.pia.json"
TEMPLATE = "information-request"  # the shortest print that embeds fonts (two pages, no annex)
NATIVE_LIBRARY = "libharfbuzz-subset.so.0"


def _print_twice(env: dict[str, str]) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(EXAMPLE), TEMPLATE],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _native_subsetter_loads() -> bool:
    try:
        ctypes.CDLL(NATIVE_LIBRARY)
    except OSError:
        return False
    return True


def _environment_without_native_subsetter(folder: Path) -> dict[str, str]:
    """This process's environment, with the loader made to find an empty libharfbuzz-subset.so.0 first."""
    folder.mkdir()
    (folder / NATIVE_LIBRARY).write_bytes(b"")
    earlier = os.environ.get("LD_LIBRARY_PATH")
    return {**os.environ, "LD_LIBRARY_PATH": str(folder) + (f":{earlier}" if earlier else "")}


def _assert_two_prints_in_different_seconds(run: dict[str, Any]) -> None:
    (_, first_ended), (second_started, _) = run["seconds"]
    assert second_started > first_ended, run["seconds"]


@pytest.mark.skipif(sys.platform != "linux", reason="hides the library through the Linux dynamic loader")
def test_fonttools_path_gives_the_same_bytes_in_different_seconds(tmp_path: Path) -> None:
    run = _print_twice(_environment_without_native_subsetter(tmp_path / "hidden"))
    assert run["subsetter"] == FONTTOOLS, run["warnings"]
    _assert_two_prints_in_different_seconds(run)
    first, second = run["sha256"]
    assert first == second
    # fontTools stamps each subset font's `head.modified`: the report's date, not the clock's.
    assert run["font_dates"][0] and set(run["font_dates"][0] + run["font_dates"][1]) == {run["report_date"]}


@pytest.mark.skipif(
    not _native_subsetter_loads(),
    reason=f"{NATIVE_LIBRARY} is not installed (Debian: libharfbuzz-subset0; `make test` installs it "
    "when run as root)",
)
def test_native_path_gives_the_same_bytes_in_different_seconds() -> None:
    run = _print_twice(dict(os.environ))
    assert run["subsetter"] == NATIVE, run["warnings"]
    _assert_two_prints_in_different_seconds(run)
    first, second = run["sha256"]
    assert first == second
    # HarfBuzz keeps the font files' own dates (DejaVu 2.37's: 2023), from before either print began.
    began = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(run["seconds"][0][0]))
    dates = set(run["font_dates"][0] + run["font_dates"][1])
    assert dates and all(date < began for date in dates), (dates, began)
