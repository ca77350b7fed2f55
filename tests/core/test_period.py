"""Judging over the planned period (q103 start, q104 end): duties that start while the deployment
runs are reported from their date (domain.md §1.8: "Evaluate each rule against the date of the
assessment and against the planned deployment dates"; §14: Annex III duties, Art. 26(10), from
2 Dec 2027 on the amended timeline)."""

from __future__ import annotations

import datetime as dt
import json

from helpers import ROOT, run_cli

from pia_wizard.core.answers import edits
from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.evaluation.results import RulebookResult
from pia_wizard.core.load.assessment_io import load_assessment_file, save_assessment
from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.assessment import Assessment

LIBRARY = shipped_library()
COMPILED = LIBRARY.questionnaires["biometric-deployment"]
ANNEX_III = dt.date(2027, 12, 2)
# The police searching recorded protest footage: Art. 26(10) (post identification) starts on 2 Dec 2027.
POST = load_assessment_file(ROOT / "examples" / "police-protest-footage-search.pia.json", LIBRARY).assessment


def dated(start: str | None, end: str | bool | None) -> Assessment:
    """The example with the planned start and end set (end False: unknown; None: unanswered)."""
    assessment = POST
    for question, value in (("q103", start), ("q104", end)):
        if value is False:
            assessment = edits.set_unknown(COMPILED, assessment, question)
        elif value is None:
            assessment = edits.clear_answer(COMPILED, assessment, question)
        else:
            assessment = edits.set_value(COMPILED, assessment, question, value)
    return assessment


def eu(assessment: Assessment, **options: object) -> RulebookResult:
    evaluation = evaluate(
        COMPILED,
        LIBRARY.rulebooks.values(),
        assessment,
        dt.date(2026, 11, 23),
        sources=LIBRARY.sources,
        explore=False,
        **options,  # type: ignore[arg-type]
    )
    return next(r for r in evaluation.rulebooks if r.id == "eu-law")


def test_a_deployment_running_past_2_december_2027_is_bound_by_the_annex_iii_duties_from_then() -> None:
    now = eu(dated("2026-12-01", "2028-06-30"))
    assert [later.date for later in now.later] == [ANNEX_III]
    later = now.later[0]
    rules = {f.rule for f in later.findings}
    # Art. 26(10)'s conditions for the police's post identification bind from that date, not before.
    assert "A5" in rules
    assert [f.kind for f in now.findings if f.rule == "A5"] == ["applicability"]  # "applies from …" now
    assert later.text.startswith("From 2 December 2027, this deployment is also bound by: ")
    assert "26 including 26(10)" in later.text
    # The amended date is fixed, not "at the latest" (domain.md §14; the user is told so).
    assert "This is a fixed date." in later.text
    # The headline stays the verdict on the evaluation date.
    assert now.verdict == eu(dated("2026-12-01", "2027-06-30")).verdict


def test_a_deployment_that_ends_before_the_date_is_never_bound_by_it() -> None:
    assert eu(dated("2026-12-01", "2027-12-01")).later == ()
    assert [x.date for x in eu(dated("2026-12-01", "2027-12-02")).later] == [ANNEX_III]


def test_an_open_ended_deployment_is_judged_up_to_the_latest_date() -> None:
    for end in (None, False):  # no end date given, or the end not disclosed
        assessment = dated("2026-12-01", end)
        assert [x.date for x in eu(assessment).later] == [ANNEX_III]
        period = evaluate(COMPILED, [], assessment, dt.date(2026, 11, 23), explore=False).period
        assert period is not None and period.end is None
        assert period.end_state == ("none" if end is None else "unknown")
        assert "judged as if it runs on" in period.text


def test_a_deployment_starting_after_the_date_is_bound_from_its_start() -> None:
    later = eu(dated("2028-03-01", None)).later
    assert [x.date for x in later] == [ANNEX_III]
    assert later[0].text.startswith(
        "From its planned start on 1 March 2028 (these rules apply from 2 December 2027)"
    )


def test_no_later_date_on_the_original_timeline_or_once_in_force() -> None:
    assert eu(dated("2026-12-01", None), timeline="original").later == ()  # applied since 2 Aug 2026
    evaluation = evaluate(COMPILED, LIBRARY.rulebooks.values(), dated("2026-12-01", None), ANNEX_III)
    assert all(r.later == () for r in evaluation.rulebooks)


def test_later_dates_are_given_only_where_the_new_rules_apply() -> None:
    # A one-to-one check at a stadium gate is outside Annex III: nothing new binds it in 2027.
    stadium = load_assessment_file(ROOT / "examples" / "stadium-entry-consent.pia.json", LIBRARY).assessment
    assert eu(stadium).later == ()


def test_score_json_gains_the_later_verdicts_and_keeps_verdicts(tmp_path) -> None:
    path = tmp_path / "dated.pia.json"
    save_assessment(path, dated("2026-12-01", "2028-06-30"))
    done = run_cli("score", str(path), "--json")
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert body["verdicts"]["eu-law"] == "red_line"
    eu_law = next(r for r in body["rulebooks"] if r["id"] == "eu-law")
    assert [(x["date"], x["verdict"]) for x in eu_law["later"]] == [("2027-12-02", "red_line")]
    assert body["period"] == {
        "start": "2026-12-01",
        "end": "2028-06-30",
        "end_state": "date",
        "text": "Judged over the planned period, up to its end on 30 June 2028.",
    }
