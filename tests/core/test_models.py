"""Models reject unknown keys, cannot be changed in place, and localise with a fallback."""

from __future__ import annotations

import base64
import hashlib
import typing

import pytest
from helpers import MINI
from pydantic import BaseModel, ValidationError

from pia_wizard.core.load.loading import load_questionnaire
from pia_wizard.core.models.assessment import Answer, Assessment, Attachment, Evidence, Metadata
from pia_wizard.core.models.base import FreeTextMarker, localise

COMPILED = load_questionnaire(MINI)
BASE = {"schema_version": 1, "questionnaire": {"id": "mini", "version": "1.0"}}


def make(**answers: dict) -> Assessment:
    return Assessment.model_validate({**BASE, "answers": answers})


def test_in_place_mutation_of_a_loaded_model_raises() -> None:
    assessment = make(q_num={"value": 3, "evidence": [{"title": "Paper", "confidence": 3}]})
    with pytest.raises(ValidationError):
        assessment.metadata = Metadata(title="x")  # type: ignore[misc]
    with pytest.raises(ValidationError):
        assessment.answers["q_num"].value = 4  # type: ignore[misc]
    with pytest.raises(TypeError):
        assessment.answers["q_other"] = Answer()  # type: ignore[index]
    with pytest.raises(AttributeError):
        assessment.answers["q_num"].evidence.append(None)  # type: ignore[attr-defined]
    questionnaire = COMPILED.questionnaire
    with pytest.raises(ValidationError):
        questionnaire.sections[0].id = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        questionnaire.title["en"] = "changed"  # type: ignore[index]
    with pytest.raises(AttributeError):
        questionnaire.sections.append(None)  # type: ignore[attr-defined]


def test_unknown_keys_are_rejected_everywhere() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Assessment.model_validate({**BASE, "colour": "red"})
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        make(q_num={"value": 3, "vaule": 4})
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Assessment.model_validate({**BASE, "metadata": {"operator_type": "police"}})


def test_unknown_and_unanswered_are_different_states() -> None:
    assert Answer(unknown=True).answered
    assert not Answer().answered
    assert not Answer.model_validate({"note": {"text": "asked the council"}}).answered
    with pytest.raises(ValidationError, match="either a value or unknown"):
        Answer.model_validate({"value": 3, "unknown": True})


def test_evidence_is_a_web_address_or_an_embedded_file_never_a_path() -> None:
    Evidence.model_validate({"title": "Minutes", "address": "https://example.org/m.pdf", "confidence": 3})
    for address in ("file:///etc/passwd", "/home/me/notes.pdf", "javascript:alert(1)", "C:\\x.pdf"):
        with pytest.raises(ValidationError):
            Evidence.model_validate({"title": "x", "address": address, "confidence": 1})
    with pytest.raises(ValidationError):
        Evidence.model_validate({"title": "x", "confidence": 5})  # the evidence scale is 0..4


def test_attachment_hash_and_safe_name_are_checked() -> None:
    data = b"%PDF-1.7 minutes"
    good = {
        "file_name": "minutes.pdf",
        "media_type": "application/pdf",
        "sha256": hashlib.sha256(data).hexdigest(),
        "data": base64.b64encode(data).decode(),
    }
    Attachment.model_validate(good)
    with pytest.raises(ValidationError, match="sha256 does not match"):
        Attachment.model_validate({**good, "sha256": "0" * 64})
    for name in ("../../etc/passwd", "a/b.pdf", "..", ".hidden", "c:evil"):
        with pytest.raises(ValidationError):
            Attachment.model_validate({**good, "file_name": name})


def test_localised_text_falls_back_to_the_default_language() -> None:
    title = COMPILED.questionnaire.title
    assert localise(title, "fr", "en") == "Mini"
    section = COMPILED.sections["s_b"]
    assert localise(section.title, "fr", "en") == "Only for b"  # plain string = default language
    assert localise({"en": "Hello", "fr": "Bonjour"}, "fr", "en") == "Bonjour"
    assert localise({"en": "Hello", "fr": "Bonjour"}, "de", "en") == "Hello"


def _free_text_fields(model: type[BaseModel], seen: set[type] | None = None) -> set[str]:
    """Every field annotated FreeText, walking nested models."""
    seen = seen or set()
    found: set[str] = set()
    for name, info in model.model_fields.items():
        if any(isinstance(m, FreeTextMarker) for m in info.metadata):
            found.add(f"{model.__name__}.{name}")
        for arg in _flatten(info.annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel) and arg not in seen:
                seen.add(arg)
                found |= _free_text_fields(arg, seen)
    return found


def _flatten(annotation: object) -> list[object]:
    args = typing.get_args(annotation)
    return [annotation, *[x for a in args for x in _flatten(a)]]


def test_every_free_text_field_carries_the_one_free_text_type() -> None:
    fields = _free_text_fields(Assessment)
    assert {
        "Metadata.title",
        "Metadata.deployment",
        "Metadata.operator_name",
        "Metadata.place",
        "Metadata.assessor",
        "Metadata.organisation",
        "Metadata.audience",
        "Note.text",
        "Evidence.title",
        "Evidence.quote",
    } <= fields


def test_trusted_builds_the_same_model_as_validation_and_refuses_missing_or_unknown_fields() -> None:
    from pia_wizard.core.evaluation.results import AnswerRef, Finding
    from pia_wizard.core.models.base import trusted

    built = trusted(AnswerRef, question="q1", state="value", value=3)
    assert built == AnswerRef.model_validate({"question": "q1", "state": "value", "value": 3})
    assert built.evidence_level == 0 and built.model_fields_set == {"question", "state", "value"}
    assert built.model_dump() == {
        "question": "q1",
        "state": "value",
        "value": 3,
        "evidence_level": 0,
        "items": (),
    }
    with pytest.raises(ValidationError):
        built.value = 4  # frozen like any model
    with pytest.raises(TypeError, match="missing"):
        trusted(AnswerRef, question="q1")
    with pytest.raises(TypeError, match="unknown"):
        trusted(AnswerRef, question="q1", state="value", colour="red")
    finding = trusted(Finding, **{name: "x" for name in ("rule", "kind", "severity", "title", "text")})
    assert finding.answers == () and finding.applies_from is None
