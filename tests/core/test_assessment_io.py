"""Assessment files: canonical bytes, .bak, migration on load, never rewritten by loading."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from helpers import FIXTURES, MINI, fixture_library

from pia_wizard.core.answers import edits
from pia_wizard.core.files.problems import LoadError
from pia_wizard.core.load.assessment_io import assessment_bytes, load_assessment_file, save_assessment
from pia_wizard.core.load.loading import load_questionnaire
from pia_wizard.core.models.assessment import ASSESSMENT_SCHEMA_VERSION, Assessment

COMPILED = load_questionnaire(MINI)
LIBRARY = fixture_library()


def new_assessment() -> Assessment:
    return Assessment.model_validate({"schema_version": 1, "questionnaire": {"id": "mini", "version": "1.0"}})


def filled() -> Assessment:
    a = new_assessment()
    a = edits.set_value(COMPILED, a, "q_choice", "b")
    a = edits.set_value(COMPILED, a, "q_multi", ["red", "blue"])
    a = edits.set_unknown(COMPILED, a, "q_num")
    a = edits.set_value(COMPILED, a, "q_date", "2026-01-15")
    a = edits.set_note(a, "q_num", "The council would not say.", private=True)
    a = edits.add_evidence(
        a, "q_choice", {"title": "Council minutes", "address": "https://example.org/m", "confidence": 3}
    )
    a = edits.add_item(COMPILED, a, "g_sites")
    a = edits.set_item_value(COMPILED, a, "g_sites", 0, "q_site_people", 2500)
    a, attachment = edits.add_attachment(a, "sign.jpg", "image/jpeg", b"\xff\xd8 a photo of a sign")
    a = edits.add_evidence(
        a, "q_yes", {"title": "Photo of the sign", "attachment": attachment, "confidence": 2}
    )
    return edits.set_metadata(a, title="Square cameras", assessor="<b>Me</b>", assessment_date="2026-11-20")


def test_round_trip_keeps_everything(tmp_path) -> None:
    path = tmp_path / "square.pia.json"
    original = filled()
    save_assessment(path, original)
    loaded = load_assessment_file(path, LIBRARY)
    assert loaded.assessment == original
    assert loaded.assessment.answers["q_num"].note.private is True
    assert assessment_bytes(loaded.assessment) == path.read_bytes()


def test_bytes_are_canonical_and_stable() -> None:
    first = assessment_bytes(filled())
    assert first == assessment_bytes(filled())
    data = json.loads(first)
    assert list(data) == sorted(data)
    assert data["schema_version"] == ASSESSMENT_SCHEMA_VERSION
    assert "unknown" not in data["answers"]["q_choice"]  # defaults left out


def test_save_keeps_previous_version_as_bak(tmp_path) -> None:
    path = tmp_path / "a.pia.json"
    first = filled()
    second = edits.set_value(COMPILED, first, "q_choice", "a")
    save_assessment(path, first)
    save_assessment(path, second)
    backup = tmp_path / "a.pia.json.bak"
    assert backup.read_bytes() == assessment_bytes(first)
    assert path.read_bytes() == assessment_bytes(second)


def test_loading_never_rewrites_the_file(tmp_path) -> None:
    path = tmp_path / "old.pia.json"
    shutil.copy(FIXTURES / "assessments" / "schema0.pia.json", path)
    before = path.read_bytes()
    os.utime(path, (1_000_000_000, 1_000_000_000))
    load_assessment_file(path, LIBRARY)
    assert path.read_bytes() == before
    assert path.stat().st_mtime == 1_000_000_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.pia.json"]


def test_schema_0_file_is_migrated_to_the_current_version() -> None:
    loaded = load_assessment_file(FIXTURES / "assessments" / "schema0.pia.json", LIBRARY).assessment
    assert loaded.schema_version == ASSESSMENT_SCHEMA_VERSION
    assert loaded.questionnaire.id == "mini"
    assert loaded.metadata.title == "Old draft" and loaded.metadata.assessor == "A. Reporter"
    assert loaded.answers["q_choice"].value == "b"
    assert loaded.answers["q_b1"].unknown is True  # schema 0 wrote null for "unknown"
    assert loaded.answers["q_num"].value == 12
    assert loaded.answers["q_num"].note.text == "From the council paper"
    assert loaded.answers["q_multi"].value == ("red",)


def test_newer_schema_is_refused_and_file_left_alone(tmp_path) -> None:
    path = tmp_path / "future.pia.json"
    path.write_text(
        '{"schema_version": 99, "questionnaire": {"id": "mini", "version": "1.0"}}', encoding="utf-8"
    )
    before = path.read_bytes()
    with pytest.raises(LoadError, match="newer pia-wizard"):
        load_assessment_file(path, LIBRARY)
    assert path.read_bytes() == before


def test_unknown_questionnaire_is_named(tmp_path) -> None:
    path = tmp_path / "x.pia.json"
    path.write_text(
        '{"schema_version": 1, "questionnaire": {"id": "nope", "version": "1.0"}}', encoding="utf-8"
    )
    with pytest.raises(LoadError) as caught:
        load_assessment_file(path, LIBRARY)
    assert str(caught.value).startswith(f"{path}:/questionnaire/id: unknown questionnaire 'nope'")


def test_evidence_pointing_at_a_missing_attachment_is_an_error(tmp_path) -> None:
    path = tmp_path / "x.pia.json"
    data = json.loads(assessment_bytes(filled()))
    data["attachments"] = {}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_assessment_file(path, LIBRARY)
    assert "/answers/q_yes/evidence/0/attachment: no attachment" in str(caught.value)


def test_saving_on_a_full_disk_keeps_the_previous_file(tmp_path, monkeypatch) -> None:
    import errno

    from pia_wizard.core.files.atomic_file import SaveError

    path = tmp_path / "a.pia.json"
    save_assessment(path, filled())
    before = path.read_bytes()
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(SaveError, match="disk is full"):
        save_assessment(path, edits.set_value(COMPILED, filled(), "q_choice", "a"))
    monkeypatch.setattr(os, "write", real_write)
    assert path.read_bytes() == before
