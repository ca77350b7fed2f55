"""Each omit option on its own removes its material from the PDF text and from its attachments, and from
the Word and Markdown copies, and nothing else; private notes are never exported."""

from __future__ import annotations

import json

import pytest
from report_cases import (
    ASSESSOR,
    COMPILED,
    FILE_NAME,
    LIBRARY,
    ORGANISATION,
    PRIVATE_NOTE,
    QUOTE,
    SHARED_NOTE,
    ReadBack,
    read_docx,
    read_pdf,
    red_line_case,
)

from pia_wizard.report.editable import editable_bytes
from pia_wizard.report.options import OMIT_CHOICES, OptionsError, ReportOptions
from pia_wizard.report.redaction import redact
from pia_wizard.report.render import ASSESSMENT_ATTACHMENT, prepare_report, render_pdf

# What each option removes: words that must then be absent everywhere in the PDF.
MARKERS = {
    "notes": [SHARED_NOTE],
    "quotes": [QUOTE],
    "identity": [ASSESSOR, ORGANISATION],
    "files": [FILE_NAME],
}


def everything(back: ReadBack) -> str:
    """The PDF's text, its XMP metadata and every attached file, as one string."""
    files = [data.decode("utf-8") for contents in back.attachments.values() for data in contents]
    return "\n".join([back.text, back.xmp, *files])


@pytest.fixture(scope="module")
def printed() -> dict[str, ReadBack]:
    """The briefing (its annex shows every answer, note and evidence item) without each option in turn,
    and with none."""
    result = {}
    for omit in ("", *OMIT_CHOICES):
        options = ReportOptions(template="briefing", omit=frozenset({omit} - {""}))
        result[omit] = read_pdf(render_pdf(prepare_report(red_line_case(), COMPILED, LIBRARY, options)))
    return result


def test_without_omissions_everything_but_private_notes_is_there(printed: dict[str, ReadBack]) -> None:
    text = everything(printed[""])
    for markers in MARKERS.values():
        for marker in markers:
            assert marker in text
    assert "Annex" in printed[""].text and ASSESSMENT_ATTACHMENT in printed[""].attachments
    assert PRIVATE_NOTE not in text


@pytest.mark.parametrize("omit", sorted(OMIT_CHOICES))
def test_each_omission_removes_its_material_and_only_it(printed: dict[str, ReadBack], omit: str) -> None:
    back = printed[omit]
    text = everything(back)
    for option, markers in MARKERS.items():
        for marker in markers:
            assert (marker in text) is (option != omit), f"--omit {omit}: {marker!r}"
    assert PRIVATE_NOTE not in text
    annex = "A. Answers and evidence" in back.text
    assert annex is (omit != "annex")
    embedded = ASSESSMENT_ATTACHMENT in back.attachments
    assert embedded is (omit != "embedded")
    if omit == "embedded":
        assert back.attachments == {} and "/AF" not in back.reader.trailer["/Root"]
        assert "not embedded" in back.text
    if omit == "files":
        (data,) = back.attachments[ASSESSMENT_ATTACHMENT]
        assert "attachments" not in json.loads(data)
    assert "Left out of this copy at the author's request" in back.text


def test_redaction_keeps_values_and_evidence_levels() -> None:
    original = red_line_case()
    redacted = redact(original, ReportOptions(omit=frozenset(OMIT_CHOICES)))
    assert redacted.answers.keys() <= original.answers.keys()
    for question, answer in redacted.answers.items():
        assert answer.value == original.answers[question].value
        assert [e.confidence for e in answer.evidence] == [
            e.confidence for e in original.answers[question].evidence
        ]
        assert answer.note is None
    assert "q_date" not in redacted.answers  # it held a private note and nothing else
    assert redacted.metadata.assessor == "" and redacted.attachments == {}


def test_private_notes_go_even_with_nothing_omitted() -> None:
    redacted = redact(red_line_case(), ReportOptions())
    notes = [a.note for a in redacted.answers.values() if a.note is not None]
    assert [n.text for n in notes] == [SHARED_NOTE]


def test_the_letter_never_carries_notes_evidence_annex_or_attachments() -> None:
    options = ReportOptions(template="information-request")
    assert set(options.effective_omissions) >= {"notes", "quotes", "annex", "embedded", "files"}
    report = prepare_report(red_line_case(), COMPILED, LIBRARY, options)
    back = read_pdf(render_pdf(report))
    for marker in (SHARED_NOTE, QUOTE, FILE_NAME, PRIVATE_NOTE, "Council minutes"):
        assert marker not in back.text and marker not in report.html
    assert back.attachments == {}
    assert report.context["annex"] is None and report.attachments == ()


def test_unknown_options_are_refused() -> None:
    with pytest.raises(OptionsError, match="cannot omit"):
        ReportOptions(omit=frozenset({"everything"}))
    with pytest.raises(OptionsError, match="no report template"):
        ReportOptions(template="memo")
    with pytest.raises(OptionsError, match="language code"):
        ReportOptions(language="english")


# The editable copies (Word, Markdown) honour the same options: the same words go or stay.
EDITABLE = ("docx", "markdown")


@pytest.fixture(scope="module")
def editable() -> dict[tuple[str, str], str]:
    """The briefing's Word text (with the document's properties) and Markdown, without each option in
    turn and with none."""
    result = {}
    for omit in ("", *OMIT_CHOICES):
        options = ReportOptions(template="briefing", omit=frozenset({omit} - {""}))
        context = prepare_report(red_line_case(), COMPILED, LIBRARY, options).context
        result[omit, "docx"] = read_docx(editable_bytes(context, "docx")).text
        result[omit, "markdown"] = editable_bytes(context, "markdown").decode("utf-8").replace("\\", "")
    return result


@pytest.mark.parametrize("kind", EDITABLE)
@pytest.mark.parametrize("omit", ["", *sorted(OMIT_CHOICES)])
def test_each_omission_removes_its_material_from_the_editable_copies(
    editable: dict[tuple[str, str], str], omit: str, kind: str
) -> None:
    text = editable[omit, kind]
    for option, markers in MARKERS.items():
        # Notes, quotes and evidence files show in the annex only (a copy embeds no assessment data).
        shown = option != omit and not (omit == "annex" and option != "identity")
        for marker in markers:
            assert (marker in text) is shown, f"--omit {omit} ({kind}): {marker!r}"
    assert PRIVATE_NOTE not in text
    assert ("A. Answers and evidence" in text) is (omit != "annex")
    assert ("Left out of this copy at the author's request" in text) is (omit != "")


@pytest.mark.parametrize("kind", EDITABLE)
def test_the_letter_as_an_editable_copy_carries_no_notes_or_evidence(kind: str) -> None:
    report = prepare_report(red_line_case(), COMPILED, LIBRARY, ReportOptions(template="information-request"))
    data = editable_bytes(report.context, kind)
    text = read_docx(data).text if kind == "docx" else data.decode("utf-8").replace("\\", "")
    for marker in (SHARED_NOTE, QUOTE, FILE_NAME, PRIVATE_NOTE, "Council minutes"):
        assert marker not in text
    assert ASSESSOR in text  # the letter is signed, unless the identity is left out
