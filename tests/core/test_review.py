"""Review and sign-off in the core: the digest, the state, steps and comments (core/answers/review.py)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from helpers import FIXTURES, ROOT

from pia_wizard.core.answers import edits
from pia_wizard.core.answers.review import (
    ReviewError,
    add_comment,
    carry_review,
    record_step,
    review_digest,
    review_state,
    set_comment_resolved,
)
from pia_wizard.core.load.assessment_io import assessment_bytes, load_assessment_file
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.assessment import Assessment, Attachment, Evidence

STADIUM = ROOT / "examples" / "stadium-entry-consent.pia.json"
REVIEWED_V1 = FIXTURES / "v1" / "reviewed-stadium-entry-consent.pia.json"
DAY = dt.date(2026, 3, 1)
LIBRARY = shipped_library()


@pytest.fixture(scope="module")
def loaded():  # type: ignore[no-untyped-def]
    return load_assessment_file(STADIUM, LIBRARY)


def _some_yes_no(loaded) -> str:  # type: ignore[no-untyped-def]
    return next(
        q
        for q, a in loaded.assessment.answers.items()
        if isinstance(a.value, bool) and q in loaded.questionnaire.entries
    )


def test_the_digest_covers_answers_notes_and_evidence_and_nothing_else(loaded) -> None:  # type: ignore[no-untyped-def]
    a, compiled = loaded.assessment, loaded.questionnaire
    question = _some_yes_no(loaded)
    digest = review_digest(a)
    # Not the metadata, the answer's draft/final mark, the questionnaire version nor the review itself.
    same = [
        edits.set_metadata(a, title="Another title", assessor="Someone else"),
        edits.set_status(a, question, "final"),
        a.model_copy(update={"questionnaire": a.questionnaire.model_copy(update={"version": "1.0"})}),
        record_step(a, "in_review", "R. Okafor", DAY),
    ]
    for other in same:
        assert other != a
        assert review_digest(other) == digest
    # Every change to an answer, a note or evidence.
    value = a.answers[question].value
    changed = [
        edits.set_value(compiled, a, question, not value),
        edits.set_unknown(compiled, a, question),
        edits.set_note(a, question, "A private thought", private=True),
        edits.add_evidence(a, question, Evidence(title="Council minutes", confidence=3)),
    ]
    for other in changed:
        assert review_digest(other) != digest


def test_the_digest_covers_an_embedded_files_bytes_not_its_name(loaded) -> None:  # type: ignore[no-untyped-def]
    a = loaded.assessment
    question = _some_yes_no(loaded)

    def with_file(content: bytes, key: str) -> Assessment:
        attachment = Attachment(
            file_name="minutes.pdf",
            media_type="application/pdf",
            sha256=hashlib.sha256(content).hexdigest(),
            data=base64.b64encode(content).decode(),
        )
        b = a.model_copy(update={"attachments": {key: attachment}})
        return edits.add_evidence(b, question, Evidence(title="Minutes", attachment=key, confidence=3))

    assert review_digest(with_file(b"one", "minutes")) == review_digest(with_file(b"one", "other-name"))
    assert review_digest(with_file(b"one", "minutes")) != review_digest(with_file(b"two", "minutes"))


def test_an_approval_stops_being_current_on_one_change_and_is_current_again_when_undone(loaded) -> None:  # type: ignore[no-untyped-def]
    a, compiled = loaded.assessment, loaded.questionnaire
    assert a.review is None and review_state(a).status == "draft" and not review_state(a).current
    approved = record_step(a, "approved", "  R.   Okafor ", DAY, "Checked.")
    state = review_state(approved)
    assert state.status == "approved" and state.current and state.approved_and_current
    assert state.approval is not None and state.approval.by == "R. Okafor"
    question = _some_yes_no(loaded)
    changed = edits.set_value(compiled, approved, question, not approved.answers[question].value)
    after = review_state(changed)
    assert after.status == "approved" and not after.current and not after.approved_and_current
    undone = edits.set_value(compiled, changed, question, approved.answers[question].value)
    assert review_state(undone).current
    # Approving again renews it over the answers as they are now.
    assert review_state(record_step(changed, "approved", "R. Okafor", DAY)).current


def test_open_comments_block_approval_until_resolved(loaded) -> None:  # type: ignore[no-untyped-def]
    a, compiled = loaded.assessment, loaded.questionnaire
    question = _some_yes_no(loaded)
    commented = add_comment(compiled, a, question, "Where does this come from?", "R. Okafor", DAY)
    assert review_digest(commented) == review_digest(a)  # a comment is not an answer
    assert len(review_state(commented).open_comments) == 1
    with pytest.raises(ReviewError, match=r"a review comment on an answer is still open"):
        record_step(commented, "approved", "R. Okafor", DAY)
    record_step(commented, "changes_requested", "R. Okafor", DAY)  # other statuses are fine
    resolved = set_comment_resolved(commented, 0)
    assert review_state(resolved).open_comments == ()
    assert review_state(record_step(resolved, "approved", "R. Okafor", DAY)).current
    with pytest.raises(ReviewError):
        set_comment_resolved(commented, 3)
    with pytest.raises(ReviewError):
        add_comment(compiled, a, "q99999", "text")
    with pytest.raises(ReviewError):
        add_comment(compiled, a, question, "   ")


@pytest.mark.parametrize(("status", "by"), [("approved", "  "), ("accepted", "R. Okafor")])
def test_a_step_needs_a_name_and_a_known_status(loaded, status: str, by: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ReviewError):
        record_step(loaded.assessment, status, by, DAY)


def test_the_record_round_trips_and_old_files_stay_valid_without_it(loaded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert "review" not in json.loads(STADIUM.read_text(encoding="utf-8"))
    approved = record_step(loaded.assessment, "approved", "R. Okafor", DAY, "Checked.")
    assert "review" not in json.loads(assessment_bytes(loaded.assessment))
    path = tmp_path / "approved.pia.json"
    path.write_bytes(assessment_bytes(approved))
    again = load_assessment_file(path, LIBRARY).assessment
    assert again == approved and review_state(again).current


def test_a_version_1_approval_stays_current_across_the_migration_that_changes_no_answer() -> None:
    written = json.loads(REVIEWED_V1.read_text(encoding="utf-8"))
    assert written["questionnaire"]["version"] == "1.0"
    loaded = load_assessment_file(REVIEWED_V1, LIBRARY)
    assert loaded.migration is not None and not loaded.migration.dropped
    assert loaded.assessment.questionnaire.version == "2"
    state = review_state(loaded.assessment)
    assert state.status == "approved" and state.current
    assert state.digest == written["review"]["steps"][-1]["digest"]
    # and one changed answer still shows
    question = _some_yes_no(loaded)
    value = loaded.assessment.answers[question].value
    changed = edits.set_value(loaded.questionnaire, loaded.assessment, question, not value)
    assert not review_state(changed).current


def test_carrying_a_review_restamps_only_the_steps_that_were_current(loaded) -> None:  # type: ignore[no-untyped-def]
    a, compiled = loaded.assessment, loaded.questionnaire
    question = _some_yes_no(loaded)
    stale = record_step(a, "in_review", "A. Assessor", DAY)
    stale = edits.set_note(stale, question, "changed after the first step")
    approved = record_step(stale, "approved", "R. Okafor", DAY)
    # What a rename of a question would do to the stored answers: another key, the same answer.
    answers = dict(approved.answers)
    answers["q_renamed"] = answers.pop(question)
    renamed = approved.model_copy(update={"answers": answers})
    assert not review_state(renamed).current
    carried = carry_review(approved, renamed)
    assert review_state(carried).current
    first, last = carried.review.steps  # type: ignore[union-attr]
    assert first == approved.review.steps[0]  # type: ignore[union-attr]
    assert last.digest == review_digest(renamed)
    assert compiled.id == carried.questionnaire.id


def test_a_scenario_does_not_carry_its_origins_review(loaded) -> None:  # type: ignore[no-untyped-def]
    from pia_wizard.core.work.scenarios import make_scenario

    approved = record_step(loaded.assessment, "approved", "R. Okafor", DAY)
    scenario = make_scenario(approved, "live use dropped", "stadium.pia.json")
    assert scenario.review is None and review_state(scenario).status == "draft"
    assert scenario.answers == approved.answers
