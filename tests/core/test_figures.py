"""Shared figures with formula and inputs, both false-match units, unknown inputs, WP248, inconsistencies."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import fixture_library

from pia_wizard.core.answers import edits
from pia_wizard.core.evaluation.figures import compute_figures, find_inconsistencies
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.rules.visibility import AnswerView

COMPILED = fixture_library().questionnaires["mini"]
EMPTY = Assessment.model_validate({"schema_version": 1, "questionnaire": {"id": "mini", "version": "1.0"}})


def view(**answers: Any) -> AnswerView:
    assessment = EMPTY
    for question, value in answers.items():
        if value == "UNKNOWN":
            assessment = edits.set_unknown(COMPILED, assessment, question)
        elif question == "sites":
            for index, people in enumerate(value):
                assessment = edits.add_item(COMPILED, assessment, "g_sites")
                assessment = edits.set_item_value(
                    COMPILED, assessment, "g_sites", index, "q_site_people", people
                )
        else:
            assessment = edits.set_value(COMPILED, assessment, question, value)
    return AnswerView(COMPILED, assessment.answers)


def test_false_alerts_per_comparison() -> None:
    figures = compute_figures(
        COMPILED, view(q_people=20_000, q_watch=5_000, q_rate=0.000001, q_unit="comparison")
    )
    alerts = figures.false_alerts_per_day
    assert alerts.value == pytest.approx(100.0)  # 20,000 × 5,000 × 1e-6
    assert alerts.formula == "people scanned per day × watchlist size × false-match rate per comparison"
    assert [i.question for i in alerts.inputs] == ["q_people", "q_watch", "q_rate", "q_unit"]
    assert alerts.text.startswith("about 100 false alerts per day (people scanned per day × watchlist size")


def test_false_alerts_per_search_ignores_the_watchlist_size() -> None:
    figures = compute_figures(
        COMPILED, view(q_people=20_000, q_watch="UNKNOWN", q_rate=0.001, q_unit="search")
    )
    assert figures.false_alerts_per_day.value == pytest.approx(20.0)
    assert "q_watch" not in [i.question for i in figures.false_alerts_per_day.inputs]


def test_an_unknown_input_gives_unknown_never_zero() -> None:
    figures = compute_figures(
        COMPILED, view(q_people=20_000, q_watch="UNKNOWN", q_rate=0.000001, q_unit="comparison")
    )
    alerts = figures.false_alerts_per_day
    assert alerts.value is None
    assert alerts.needs == ("Watchlist size",)
    assert alerts.text == "unknown — needs: Watchlist size"
    unit_unknown = compute_figures(COMPILED, view(q_people=20_000, q_watch=10, q_rate=0.01, q_unit="UNKNOWN"))
    assert unit_unknown.false_alerts_per_day.value is None
    assert "The rate is per" in unit_unknown.false_alerts_per_day.needs


def test_people_per_day_falls_back_to_the_sites() -> None:
    figures = compute_figures(COMPILED, view(sites=[1_000, 3_000], q_rate=0.01, q_unit="search", q_days=100))
    assert figures.false_alerts_per_day.value == pytest.approx(40.0)
    assert figures.people_scanned_per_year.value == pytest.approx(400_000)
    one_site_unknown = compute_figures(COMPILED, view(sites=[1_000], q_rate=0.01, q_unit="search"))
    assert one_site_unknown.false_alerts_per_day.value == pytest.approx(10.0)


def test_of_every_100_alerts() -> None:
    figures = compute_figures(
        COMPILED, view(q_people=10_000, q_watch=100, q_rate=0.0001, q_unit="comparison", q_hits=2)
    )
    # 10,000 × 100 × 1e-4 = 100 false alerts against 2 true ones: about 98 of 100 point at the wrong person.
    assert figures.wrong_alerts_per_100.value == pytest.approx(100 * 100 / 102)
    assert figures.wrong_alerts_per_100.text == "of every 100 alerts, about 98 point at the wrong person"
    unknown = compute_figures(
        COMPILED, view(q_people=10_000, q_watch=100, q_rate=0.0001, q_unit="comparison")
    )
    assert unknown.wrong_alerts_per_100.value is None


def test_dpia_indicator_counts_criteria() -> None:
    assert compute_figures(COMPILED, view(q_yes=True, q_people=50_000)).dpia.indicated == "yes"
    maybe = compute_figures(COMPILED, view(q_yes=True)).dpia
    assert maybe.indicated == "unknown" and maybe.met == ("W3 Systematic monitoring",)
    assert compute_figures(COMPILED, view(q_yes=False, q_people=5, q_multi=["blue"])).dpia.indicated == "no"


def test_inconsistencies() -> None:
    found = find_inconsistencies(COMPILED, view(q_choice="a", q_watch=5_000, q_hits=50, q_people=10))
    assert [(i.id, i.questions) for i in found] == [
        ("C1", ("q_choice", "q_watch")),
        ("C2", ("q_hits", "q_people")),
    ]
    assert find_inconsistencies(COMPILED, view(q_choice="b", q_watch=5_000, q_hits=5, q_people=10)) == ()


def test_false_alerts_not_applicable_without_a_watchlist() -> None:
    figures = compute_figures(
        COMPILED, view(q_text="no watchlist", q_people=100, q_rate=0.1, q_unit="search")
    )
    assert figures.false_alerts_per_day.applicable is False
    assert figures.false_alerts_per_day.text == "not applicable: the system does not search a watchlist"
    assert figures.people_scanned_per_year is None


def test_one_criterion_is_singular() -> None:
    assert compute_figures(COMPILED, view(q_yes=True)).dpia.text.startswith("1 criterion met and 2 unknown")
