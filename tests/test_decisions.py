"""The corpus of real decisions (tests/decisions/): every file pairs up and cites what was read, every graded
disagreement with today's rules is explained (and the explanation is still true), and docs/decisions.md is
fresh (`make decisions`)."""

from __future__ import annotations

import dataclasses
import functools
import importlib.util
import sys
from types import ModuleType

import yaml
from helpers import ROOT

CORPUS = ROOT / "tests" / "decisions"
VERDICTS = {"not_applicable", "red_line", "fails", "insufficient_information", "conditional", "passes"}


@functools.cache
def table() -> ModuleType:
    spec = importlib.util.spec_from_file_location("decisions_table", ROOT / "tools" / "decisions_table.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@functools.cache
def corpus() -> list:
    return table().score_corpus()


def test_each_decision_is_an_assessment_and_a_file_that_cites_what_was_read() -> None:
    yamls = {p.stem for p in CORPUS.glob("*.yaml")}
    assessments = {p.name.removesuffix(".pia.json") for p in CORPUS.glob("*.pia.json")}
    assert yamls == assessments
    assert len(yamls) >= 25
    for name in sorted(yamls):
        meta = yaml.safe_load((CORPUS / f"{name}.yaml").read_text(encoding="utf-8"))
        addresses = meta["addresses"]
        assert addresses and all(a.startswith(("http://", "https://")) for a in addresses), name
        assert meta["citation"] and meta["pinpoint"] and meta["summary"], name
        assert ("expected" in meta) != ("not_graded" in meta), f"{name}: expected verdicts or not_graded"
        for book, entry in (meta.get("expected") or {}).items():
            verdicts = entry.get("any_of") or [entry["verdict"]]
            assert set(verdicts) <= VERDICTS, (name, book)
            assert entry["reason"] and entry["domain"], (name, book)
        assert meta["civil_society"]["verdict"] in VERDICTS, name
        assert "ban-biometric-surveillance" not in (meta.get("expected") or {}), f"{name}: never graded"


def test_every_disagreement_is_explained_and_still_true() -> None:
    assert table().problems(corpus()) == []


def test_problems_catch_an_unexplained_and_a_stale_disagreement() -> None:
    scored = next(s for s in corpus() if any(not g.agrees for g in s.graded))
    wrong = next(g for g in scored.graded if not g.agrees)
    bare = dataclasses.replace(scored, meta={**scored.meta, "disagreement": {}})
    assert any("explain it" in p for p in table().problems([bare]))
    stale_note = {wrong.rulebook: {"got": "passes" if wrong.got != "passes" else "fails", "why": "limit: x"}}
    stale = dataclasses.replace(scored, meta={**scored.meta, "disagreement": stale_note})
    assert any("the note explains" in p for p in table().problems([stale]))


def test_docs_decisions_is_fresh() -> None:
    text = (ROOT / "docs" / "decisions.md").read_text(encoding="utf-8")
    assert text == table().render(corpus()), "docs/decisions.md is stale: run `make decisions`"
