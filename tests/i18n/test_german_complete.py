"""German is complete: every content text has a current German translation (none missing, none stale,
none left over), and every German text uses the official legal terms. English is the source."""

from __future__ import annotations

from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.load.translations import content_pairs, term_problems

LANGUAGE = "de"


def test_every_content_text_has_a_current_german_translation() -> None:
    status = shipped_library().translations[LANGUAGE]
    assert status.total > 1900
    gaps = [f"{'stale' if g.stale else 'missing'}: {g.file} {g.address}" for g in status.gaps]
    assert gaps == [], "\n".join(gaps[:30])
    assert [str(p) for p in status.unused] == []


def test_every_german_content_text_uses_the_official_legal_terms() -> None:
    library = shipped_library()
    problems = term_problems(content_pairs(library.content(), LANGUAGE), library.terms[LANGUAGE])
    assert problems == [], "\n".join(f"{p.where}: {p.message}" for p in problems[:40])
