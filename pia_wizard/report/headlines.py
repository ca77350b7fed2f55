"""One sentence per rulebook that a councillor can read aloud: the verdict in plain words.

The words are data (`wording.HEADLINES`, one pair per verdict); this only picks the form and fills in
the rulebook's short name and the decisive finding, from the same rulebook entry of the report context
that every template reads, so the sentence cannot say something the rest of the report does not.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pia_wizard.core.models.messages import SOURCE_LANGUAGE
from pia_wizard.report.wording import (
    HEADLINE_APPLIES_UNKNOWN,
    HEADLINE_MORE,
    HEADLINE_MORE_MANY,
    HEADLINE_POINT,
    HEADLINE_POINT_POSSIBLE_RED_LINE,
    HEADLINE_SEVERITY,
    HEADLINES,
    words,
)


def headline(rulebook: Mapping[str, Any], language: str = SOURCE_LANGUAGE) -> str:
    """The sentence for one rulebook entry of the context (its verdict, short name and findings)."""
    tr = words(language).gettext
    name = rulebook["short"]
    with_point, without_point = (tr(form) for form in HEADLINES[rulebook["verdict"]])
    severity = HEADLINE_SEVERITY.get(rulebook["verdict"])
    points: list[str] = []
    for finding in rulebook["findings"]:
        if finding["severity"] == severity and finding["kind"] != "applicability":
            form = HEADLINE_POINT
            if finding["kind"] == "red_line" and severity == "undetermined":
                form = HEADLINE_POINT_POSSIBLE_RED_LINE
            point = tr(form).format(title=finding["title"])
            if point not in points:
                points.append(point)
    if points:
        others = len(points) - 1
        more = tr(HEADLINE_MORE.get(others, HEADLINE_MORE_MANY)).format(count=others) if others else ""
        text = with_point.format(name=name, point=points[0], more=more)
    else:
        text = without_point.format(name=name)
    if rulebook["applies"] == "unknown" and rulebook["verdict"] != "not_applicable":
        text += " " + tr(HEADLINE_APPLIES_UNKNOWN).format(name=name)
    return text[0].upper() + text[1:]
