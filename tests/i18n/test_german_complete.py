"""German is complete: every content text has a current German translation (none missing, none stale,
none left over), and every German text — content, window, engine and reports — uses the official legal
terms. English is the source. (The catalogs' own completeness and staleness are tested beside them:
tests/ui/test_window_german.py, tests/test_engine_messages.py, tests/report/test_german_reports.py.)"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from babel.messages.pofile import read_po

from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.load.translations import content_pairs, term_problems
from tests.helpers import ROOT

LANGUAGE = "de"


def catalog_pairs(language: str) -> list[tuple[str, str, str]]:
    """(where, English, translation) for the gettext catalogs and the window's .ts file."""
    pairs = []
    for path in sorted((ROOT / "pia_wizard" / "locale" / language / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for english, german in zip(ids * len(strings), strings, strict=False):
                pairs.append((f"{path.name} {ids[0][:40]!r}", english, german))
    for path in sorted((ROOT / "pia_wizard" / "ui" / "i18n").glob(f"*_{language}.ts")):
        for message in ET.parse(path).getroot().iter("message"):  # noqa: S314 - our own committed file
            source = message.findtext("source") or ""
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] if translation is not None else []
            texts = forms or [translation.text or "" if translation is not None else ""]
            pairs.extend((f"{path.name} {source[:40]!r}", source, text) for text in texts)
    return pairs


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


def test_every_german_window_engine_and_report_string_uses_the_official_legal_terms() -> None:
    pairs = catalog_pairs(LANGUAGE)
    names = {where.split(" ")[0] for where, _e, _t in pairs}
    assert {"engine.po", "reports.po", f"pia_wizard_{LANGUAGE}.ts"} <= names
    assert [where for where, english, text in pairs if english and not text.strip()] == []
    problems = term_problems(pairs, shipped_library().terms[LANGUAGE])
    assert problems == [], "\n".join(f"{p.where}: {p.message}" for p in problems[:40])
