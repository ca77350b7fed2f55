"""The engine's and the command line's own sentences in German (issue 19): the catalog is complete and
in step with the code, placeholders survive translation, and `score --language de` speaks German
while English stays as it was."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog
from helpers import fixture_library

from pia_wizard.cli import main
from pia_wizard.core.answers import edits
from pia_wizard.core.evaluation.figures import compute_figures
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.rules.visibility import AnswerView

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "council-cctv-antisocial-behaviour.pia.json"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdr]")


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("messages_tool", ROOT / "tools" / "messages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()


def _catalog(language: str) -> Catalog:
    return TOOL.read(TOOL.catalog_path(language, "engine"), language)


def _template() -> Catalog:
    return TOOL.read(TOOL.template_path("engine"))


def test_the_template_is_in_step_with_the_code() -> None:
    """Re-extracting from the code finds exactly the messages of engine.pot (else: `make messages`)."""
    assert TOOL.message_ids(TOOL.extract("engine")) == TOOL.message_ids(_template())


def test_the_german_catalog_is_complete_and_nothing_is_stale() -> None:
    catalog = _catalog("de")
    assert TOOL.message_ids(_template()) <= TOOL.message_ids(catalog)
    untranslated = [m.id for m in catalog if m.id and not all(m.string if m.pluralizable else [m.string])]
    stale = [m.id for m in catalog if m.id and m.fuzzy]
    assert untranslated == [] and stale == []
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"


def test_every_translation_keeps_the_placeholders_of_its_english() -> None:
    problems = []
    for message in _catalog("de"):
        if not message.id:
            continue
        if message.pluralizable:
            pairs = [(message.id[0], message.string[0]), *((message.id[1], s) for s in message.string[1:])]
        else:
            pairs = [(message.id, message.string)]
        for english, german in pairs:
            if sorted(PLACEHOLDER.findall(english)) != sorted(PLACEHOLDER.findall(german)):
                problems.append((english, german))
            values = {name: 1 for name in PLACEHOLDER.findall(english)}
            try:
                german % values  # a stray % would break the sentence when it is filled in
            except (TypeError, ValueError, KeyError) as exc:
                problems.append((german, str(exc)))
    assert problems == []


def test_the_summary_severity_words_are_in_the_catalog() -> None:
    from pia_wizard.report.wording import SEVERITY

    ids = {message_id for _context, message_id in TOOL.message_ids(_template())}
    assert set(SEVERITY.values()) <= ids


def test_score_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(EXAMPLE), "--language", "de"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Beurteilt am 23. November 2026\n")
    assert ": ROTE LINIE\n" in out and ": ZU WENIG INFORMATIONEN\n" in out
    assert "Die Ausnahme greift nicht:" in out and " — nicht erfüllt" in out
    assert "Ob dies zutrifft, hängt von Antworten ab, die noch nicht bekannt sind." in out
    assert "würde sich dieses Ergebnis von „Rote Linie“ zu „Zu wenig Informationen“ ändern" in out
    for english in ("RED LINE", "Evaluated on", "information gap:", "what would change it:", "Still open:"):
        assert english not in out


def test_score_in_english_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(EXAMPLE)]) == 0
    default = capsys.readouterr().out
    assert main(["score", str(EXAMPLE), "--language", "en"]) == 0
    assert capsys.readouterr().out == default
    assert default.startswith("Evaluated on 2026-11-23\n")
    assert "The exception does not hold:" in default
    assert "this verdict would move from “Red line” to “Insufficient information”" in default
    assert "Beurteilt" not in default and "„" not in default


def test_score_json_keeps_its_keys_and_words_its_texts(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["score", str(EXAMPLE), "--json"]) == 0
    english = json.loads(capsys.readouterr().out)
    assert main(["score", str(EXAMPLE), "--json", "--language", "de"]) == 0
    german = json.loads(capsys.readouterr().out)
    assert german.keys() == english.keys() and german["verdicts"] == english["verdicts"]
    texts = [c["text"] for book in german["rulebooks"] for c in book["counterfactuals"]]
    assert texts and all(text.startswith("Wenn ") for text in texts)

    def suggested(body: dict) -> list:  # the same suggestions in the same order, whatever the language
        return [
            [(change["question"], change["value"]) for change in c["changes"]]
            for book in body["rulebooks"]
            for c in book["counterfactuals"]
        ]

    assert suggested(german) == suggested(english)


COMPILED = fixture_library().questionnaires["mini"]


def _view(**answers: object) -> AnswerView:
    assessment = Assessment.model_validate(
        {"schema_version": 1, "questionnaire": {"id": "mini", "version": "1.0"}}
    )
    for question, value in answers.items():
        if question == "sites":
            for index, people in enumerate(value):  # type: ignore[arg-type]
                assessment = edits.add_item(COMPILED, assessment, "g_sites")
                assessment = edits.set_item_value(
                    COMPILED, assessment, "g_sites", index, "q_site_people", people
                )
        else:
            assessment = edits.set_value(COMPILED, assessment, question, value)
    return AnswerView(COMPILED, assessment.answers)


def test_german_plural_and_numbers_in_the_figures() -> None:
    one = compute_figures(COMPILED, _view(q_yes=True), "de").dpia
    assert one.text.startswith("1 Kriterium erfüllt und 2 unbekannt")
    none = compute_figures(COMPILED, _view(q_yes=False, q_people=5, q_multi=["blue"]), "de").dpia
    assert none.indicated == "no" and none.text.startswith("0 Kriterien erfüllt (weniger als ")
    figures = compute_figures(
        COMPILED, _view(sites=[1_000, 3_000], q_rate=0.01, q_unit="search", q_days=100), "de"
    )
    assert figures.people_scanned_per_year.text == "etwa 400.000 erfasste Personen pro Jahr"
    assert figures.people_scanned_per_year.unit == "Personen/Jahr"
    english = compute_figures(COMPILED, _view(sites=[1_000, 3_000], q_rate=0.01, q_unit="search", q_days=100))
    assert english.people_scanned_per_year.text == "about 400,000 people scanned per year"


def test_score_says_an_unused_answer_in_german(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The legal ground under the GDPR is asked only of users that are not the police: an answer to it
    in a police case is kept but not used, and `score --language de` says so in German on stderr."""
    import json

    data = json.loads((ROOT / "examples" / "police-lfr-van-football.pia.json").read_text(encoding="utf-8"))
    data["answers"]["q707"] = {"value": "consent"}
    path = tmp_path / "hidden.pia.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["score", str(path), "--language", "de"]) == 0
    err = capsys.readouterr().err
    assert "— aufbewahrt, aber nicht verwendet: die Frage wird bei den Antworten auf „" in err
    assert "kept but not used" not in err
    assert main(["score", str(path)]) == 0
    assert "— kept but not used: it is not asked with the answers given to “" in capsys.readouterr().err


def test_a_migration_headline_in_german() -> None:
    from pia_wizard.core.answers.questionnaire_versions import QuestionnaireMigration

    migration = QuestionnaireMigration("1.0", "2.0", (), (), (), ("q1", "q2"))
    assert (
        migration.headline()
        == "written for questionnaire version 1.0; read as version 2.0: 2 new questions to answer"
    )
    assert migration.headline("de") == (
        "für Fragebogen-Version 1.0 geschrieben; gelesen als Version 2.0: 2 neue Fragen zu beantworten"
    )
    one = QuestionnaireMigration("1.0", "2.0", (), (), (), ("q1",))
    assert one.headline("de").endswith(": 1 neue Frage zu beantworten")


def test_score_refuses_a_language_it_has_no_messages_in(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(EXAMPLE), "--language", "xx"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "--language: no messages in 'xx' (known: en, de" in captured.err


def test_german_engine_messages_use_the_official_terms() -> None:
    """The same check as the content's (tests/i18n/test_terms.py): a defined legal term in the English
    is worded in its official German form, one wording per term."""
    from pia_wizard.core.files.documents import read_yaml
    from pia_wizard.core.load.loading import load_yaml_as
    from pia_wizard.core.load.translations import term_problems
    from pia_wizard.core.models.translation import TermsFile

    table = load_yaml_as(read_yaml(ROOT / "questionnaires" / "i18n" / "terms-de.yaml"), TermsFile)
    pairs = []
    for message in _catalog("de"):
        if message.pluralizable:
            pairs += [
                (message.id[0], message.id[0], message.string[0]),
                (message.id[1], message.id[1], message.string[1]),
            ]
        elif message.id:
            pairs.append((message.id, message.id, message.string))
    problems = term_problems(pairs, table)
    assert problems == [], "\n".join(f"{p.where}: {p.message}" for p in problems)
    # The check reads the English: a finding about a DPIA must say DSFA in German.
    wrong = [
        ("x", "a data protection impact assessment (DPIA) is needed", "eine Folgenabschätzung ist nötig")
    ]
    assert term_problems(wrong, table)
