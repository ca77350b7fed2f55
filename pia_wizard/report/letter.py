"""The information-request letter's requests: the decisive ones first, the rest by topic.

A letter of fifty numbered questions in the order the engine ranked them is hard to answer: an
operator answers by subject (the watchlist, the legal basis, the sites). So the requests are grouped
under the questionnaire's section titles, in questionnaire order, after a first group of the questions
whose answer alone can change a verdict (a gap's `impact`). Numbering runs on across groups, so a reply
can cite "request 12".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.report.formatting import Formatter

WHY_TITLES = 1  # decided points named per rulebook; the rest are counted


def request_groups(
    gaps: Sequence[Mapping[str, Any]], compiled: CompiledQuestionnaire, fmt: Formatter
) -> list[dict[str, Any]]:
    """The gaps as groups of numbered requests: {decisive, heading, start, requests}; the decisive group
    has no heading of its own (the template words it), a topic group its section's title."""
    order = compiled.order
    decisive = sorted(
        (g for g in gaps if g["impact"] > 0), key=lambda g: (-g["impact"], order.get(g["question"], 0))
    )
    by_section: dict[str, list[Mapping[str, Any]]] = {}
    for gap in sorted(gaps, key=lambda g: order.get(g["question"], 0)):
        if gap["impact"] > 0:
            continue
        entry = compiled.entries.get(gap["question"])
        section = entry.section.id if entry is not None else ""
        by_section.setdefault(section, []).append(gap)
    groups: list[tuple[bool, str, list[Mapping[str, Any]]]] = []
    if decisive:
        groups.append((True, "", decisive))
    for section_id in [s for s in compiled.sections if s in by_section] + ([""] if "" in by_section else []):
        section = compiled.sections.get(section_id)
        heading = fmt.text(section.title) if section is not None else fmt.tr("Other questions")
        groups.append((False, heading, by_section[section_id]))
    result = []
    number = 1
    for is_decisive, heading, items in groups:
        result.append(
            {
                "decisive": is_decisive,
                "heading": heading,
                "start": number,
                "requests": [{**gap, "why_short": _why(gap)} for gap in items],
            }
        )
        number += len(items)
    return result


def _why(gap: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Per rulebook, the first point the answer decides and how many more: short enough to read."""
    return [
        {
            "rulebook": entry["short"],
            "points": entry["points"][:WHY_TITLES],
            "more": max(0, len(entry["points"]) - WHY_TITLES),
        }
        for entry in gap["by_rulebook"]
    ]
