"""Content translations on real files: written by `translations --update`, applied as the library loads,
stale when their English changes, carried when a text moves, listed by `validate` and `translations`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from pia_wizard.core.load.library import check_files, collect_files
from pia_wizard.core.models.base import localise
from pia_wizard.core.models.translation import localised_texts, source_hash
from tests.helpers import FIXTURES, ROOT, run_cli


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A questionnaires folder of its own: sources, the mini questionnaire and its rulebook."""
    root = tmp_path / "content"
    (root / "rulebooks").mkdir(parents=True)
    shutil.copy(FIXTURES / "sources.yaml", root / "sources.yaml")
    shutil.copy(FIXTURES / "mini.yaml", root / "mini.yaml")
    shutil.copy(FIXTURES / "rulebook-mini.yaml", root / "rulebooks" / "rulebook-mini.yaml")
    return root


def update(folder: Path, language: str = "de"):
    return run_cli("translations", str(folder), "--language", language, "--update")


def load(folder: Path):
    library, report = check_files(list(collect_files([folder])))
    assert not report.problems, report.problems
    return library, report


def translate(path: Path, texts: dict[str, str]) -> None:
    """Fill entries of a skeleton the way a translator does: by editing the file's text fields."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for address, text in texts.items():
        data["texts"][address]["text"] = text
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_update_writes_one_entry_per_english_text_under_its_english(folder: Path) -> None:
    result = update(folder)
    assert result.returncode == 1, result.stderr  # written, and still incomplete
    skeleton = folder / "i18n" / "de" / "mini.yaml"
    assert f"wrote {skeleton}" in result.stdout
    text = skeleton.read_text(encoding="utf-8")
    # The English stands as a comment above its entry, with the hash of exactly that text.
    assert '  # en: Pick\n  "sections/s_a/questions/q_choice/label":\n' in text
    assert f'source: "{source_hash("Pick")}"' in text
    assert (folder / "i18n" / "de" / "rulebooks" / "rulebook-mini.yaml").is_file()
    library, _ = load(folder)
    status = library.translations["de"]
    english = localised_texts(library.questionnaires["mini"].questionnaire)
    assert status.translated == 0 and len(status.missing) == status.total >= len(english)
    assert (
        "Deutsch (de): 0 of" in result.stdout
        and "missing: questionnaire mini sections/s_a/title" in result.stdout
    )


def test_a_current_translation_is_shown_and_a_stale_one_falls_back_to_english(folder: Path) -> None:
    update(folder)
    skeleton = folder / "i18n" / "de" / "mini.yaml"
    translate(
        skeleton, {"sections/s_a/questions/q_choice/label": "Wählen", "sections/s_b/title": "Nur für b"}
    )
    library, _ = load(folder)
    questionnaire = library.questionnaires["mini"]
    assert localise(questionnaire.question("q_choice").label, "de", "en") == "Wählen"
    assert localise(questionnaire.question("q_choice").label, "fr", "en") == "Choisir"  # inline French kept
    assert localise(questionnaire.question("q_choice").label, "en", "en") == "Pick"
    assert library.translations["de"].translated == 2

    # The English changes: its translation is stale, no longer shown, and listed as such.
    mini = folder / "mini.yaml"
    mini.write_text(mini.read_text(encoding="utf-8").replace("label: {en: Pick,", "label: {en: Pick one,"))
    library, _ = load(folder)
    label = library.questionnaires["mini"].question("q_choice").label
    assert localise(label, "de", "en") == "Pick one"
    status = library.translations["de"]
    assert [g.address for g in status.stale] == ["sections/s_a/questions/q_choice/label"]
    assert status.translated == 1
    listed = run_cli("translations", str(folder), "--language", "de")
    assert listed.returncode == 1
    assert "stale: questionnaire mini sections/s_a/questions/q_choice/label: Pick one" in listed.stdout

    # `--update` keeps the old translation as `previous` and asks for a new one.
    update(folder)
    entry = yaml.safe_load(skeleton.read_text(encoding="utf-8"))["texts"][
        "sections/s_a/questions/q_choice/label"
    ]
    assert entry == {"source": source_hash("Pick one"), "text": "", "previous": "Wählen"}
    assert (
        yaml.safe_load(skeleton.read_text(encoding="utf-8"))["texts"]["sections/s_b/title"]["text"]
        == "Nur für b"
    )


def test_a_translation_follows_its_text_when_the_text_moves(folder: Path) -> None:
    update(folder)
    skeleton = folder / "i18n" / "de" / "mini.yaml"
    translate(skeleton, {"sections/s_a/questions/q_yes/label": "Ja oder nein"})
    mini = folder / "mini.yaml"
    # q_yes moves from section s_a to section s_b: its address changes, its English does not.
    text = mini.read_text(encoding="utf-8")
    line = "      - {id: q_yes, type: yes_no, nature: actionable, label: Yes or no}\n"
    text = text.replace(line, "").replace("      - {id: q_b1,", line + "      - {id: q_b1,")
    mini.write_text(text)
    library, report = load(folder)
    assert any("no longer exists: sections/s_a/questions/q_yes/label" in str(w) for w in report.warnings)
    assert localise(library.questionnaires["mini"].question("q_yes").label, "de", "en") == "Yes or no"
    update(folder)
    library, _ = load(folder)
    assert localise(library.questionnaires["mini"].question("q_yes").label, "de", "en") == "Ja oder nein"


def test_validate_lists_missing_translations_but_still_passes(folder: Path) -> None:
    update(folder)
    result = run_cli("validate", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Deutsch (de): 0 of" in result.stderr
    assert "  missing: questionnaire mini title: Mini" in result.stdout
    assert "more missing (`pia-wizard translations --language de`)" in result.stdout


def test_a_broken_translation_file_is_refused_with_its_place(folder: Path) -> None:
    update(folder)
    skeleton = folder / "i18n" / "de" / "mini.yaml"
    text = skeleton.read_text(encoding="utf-8")
    skeleton.write_text(text.replace('source: "', 'source: "zz', 1), encoding="utf-8")
    result = run_cli("validate", str(folder))
    assert result.returncode == 2
    assert "i18n/de/mini.yaml:" in result.stdout and "source" in result.stdout


def test_a_second_file_for_the_same_language_and_content_is_a_problem(folder: Path) -> None:
    update(folder)
    skeleton = folder / "i18n" / "de" / "mini.yaml"
    shutil.copy(skeleton, skeleton.with_name("mini-copy.yaml"))
    _, report = check_files(list(collect_files([folder])))
    assert any("a second de translation of the questionnaire mini" in p.message for p in report.problems)


def test_every_shipped_text_has_a_unique_address_built_from_ids() -> None:
    """Addresses name ids, not positions, wherever the data has ids: a reordered list keeps them."""
    from pia_wizard.core.files.documents import read_yaml
    from pia_wizard.core.load.loading import load_yaml_model

    seen = 0
    for path in sorted((ROOT / "questionnaires").rglob("*.yaml")):
        if "i18n" in path.parts:
            continue
        model = load_yaml_model(read_yaml(path))
        texts = localised_texts(model)
        seen += len(texts)
        positional = [a for a in texts if any(part.isdigit() for part in a.split("/"))]
        # Only migration steps (named by version: "steps/2/summary") and changes within them have none.
        assert all(a.startswith("steps/") for a in positional), positional[:5]
    assert seen > 1500
