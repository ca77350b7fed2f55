"""The shipped-library cache: read when its key matches, rebuilt when anything it depends on changes,
passed over when it is damaged or cannot be written, and equal in use to a full load."""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path
from types import MappingProxyType

import pytest
from helpers import ROOT

from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.files import library_cache
from pia_wizard.core.files.library_cache import cache_key, cached
from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import check_files

DATA = ROOT / "questionnaires"


class Loader:
    def __init__(self, value: object, cacheable: bool = True) -> None:
        self.value, self.cacheable, self.calls = value, cacheable, 0

    def __call__(self) -> tuple[object, bool]:
        self.calls += 1
        return self.value, self.cacheable


def test_a_cached_value_is_read_back_and_read_only_mappings_survive(tmp_path: Path) -> None:
    value = {"answers": MappingProxyType({"q1": (1, 2)})}
    load = Loader(value)
    assert cached("k" * 64, load, tmp_path) == value
    again = cached("k" * 64, load, tmp_path)
    assert load.calls == 1, "the second call reads the cache"
    assert again == value and isinstance(again["answers"], MappingProxyType)
    assert [p.name for p in tmp_path.iterdir()] == [f"library-{'k' * 32}.pickle"]


def test_a_new_key_loads_again_and_removes_the_old_cache(tmp_path: Path) -> None:
    cached("a" * 64, Loader(1), tmp_path)
    load = Loader(2)
    assert cached("b" * 64, load, tmp_path) == 2 and load.calls == 1
    assert [p.name for p in tmp_path.iterdir()] == [f"library-{'b' * 32}.pickle"]


@pytest.mark.parametrize("damage", [b"", b"\x80\x05garbage", pickle.dumps(object)[:-3]])
def test_a_damaged_cache_means_a_full_load_and_a_new_cache(tmp_path: Path, damage: bytes) -> None:
    (tmp_path / f"library-{'c' * 32}.pickle").write_bytes(damage)
    load = Loader([1, 2, 3])
    assert cached("c" * 64, load, tmp_path) == [1, 2, 3] and load.calls == 1
    assert cached("c" * 64, load, tmp_path) == [1, 2, 3] and load.calls == 1


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    load = Loader("value")
    assert cached("d" * 64, load, blocker / "cache") == "value"
    assert cached("d" * 64, load, blocker / "cache") == "value" and load.calls == 2


def test_nothing_is_written_when_the_load_is_not_cacheable_or_the_cache_is_off(tmp_path: Path) -> None:
    assert cached("e" * 64, Loader(1, cacheable=False), tmp_path) == 1
    assert list(tmp_path.iterdir()) == []
    load = Loader(2)
    assert cached("e" * 64, load, None) == 2 and cached("e" * 64, load, None) == 2 and load.calls == 2


def test_the_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(library_cache.CACHE_DIR_VAR, str(tmp_path))
    assert library_cache.cache_dir() == tmp_path
    monkeypatch.setenv(library_cache.CACHE_DIR_VAR, "")
    assert library_cache.cache_dir() is None


def test_the_key_changes_with_any_data_file(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text("id: x\n")
    files = sorted(tmp_path.glob("*.yaml"))
    before = cache_key(files, tmp_path)
    assert cache_key(files, tmp_path) == before
    (tmp_path / "b.yaml").write_text("id: y\n")
    assert cache_key(files, tmp_path) != before
    (tmp_path / "b.yaml").rename(tmp_path / "c.yaml")
    assert cache_key(sorted(tmp_path.glob("*.yaml")), tmp_path) != before


def test_in_an_installed_build_the_key_covers_the_executable(tmp_path: Path, monkeypatch) -> None:
    """A PyInstaller build has no .py files to hash: its code is in the executable, so a rebuilt bundle
    of the same version gets a new key (the bundle sets `sys.frozen`)."""
    (tmp_path / "a.yaml").write_text("id: x\n")
    files = [tmp_path / "a.yaml"]
    executable = tmp_path / "pia-wizard"
    executable.write_bytes(b"build 1")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    first = cache_key(files, tmp_path)
    assert cache_key(files, tmp_path) == first
    executable.write_bytes(b"build 2")
    assert cache_key(files, tmp_path) != first


def test_the_cached_shipped_library_judges_every_example_as_a_full_load_does(tmp_path: Path) -> None:
    files = sorted(DATA.rglob("*.yaml"))
    fresh, report = check_files(files)
    assert not report.problems
    key = cache_key(files, DATA)
    cached(key, lambda: (fresh, True), tmp_path)
    reread = cached(key, lambda: pytest.fail("the cache was not read"), tmp_path)
    assert reread is not fresh
    assert reread.rulebooks == fresh.rulebooks and reread.sources == fresh.sources
    assert reread.glossary == fresh.glossary and reread.facts == fresh.facts
    for path in sorted((ROOT / "examples").glob("*.pia.json")):
        results = []
        for library in (fresh, reread):
            loaded = load_assessment_file(path, library)
            books = list(library.rulebooks.values())
            results.append(
                evaluate(loaded.questionnaire, books, loaded.assessment, sources=library.sources).model_dump()
            )
        assert results[0] == results[1], path.name


def test_the_test_suite_never_writes_into_the_users_cache() -> None:
    folder = library_cache.cache_dir()
    assert folder is not None and "pia-test-cache-" in str(folder)
    assert not str(folder).startswith(os.path.expanduser("~/.cache"))
