"""What a report export may contain: the template, the language, and what to leave out.

Each omission stands on its own (a journalist may keep the annex but drop every note). Some templates
never carry certain material whatever is asked: the information-request letter goes to the party under
scrutiny, so it never holds notes, evidence, an annex or the embedded assessment. Private notes are
never exported by any template.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from pia_wizard.core.models.messages import N_

# Each can be left out on its own (`--omit NAME`, repeatable).
OMIT_CHOICES: dict[str, str] = {
    "notes": "the notes on answers (private notes are never exported)",
    "quotes": "the quotes from evidence documents",
    "identity": "the assessor's name and organisation",
    "annex": "the annex (answers, unknowns, sources, glossary, method)",
    "embedded": "the assessment data embedded in the PDF",
    "files": "the evidence files embedded in the assessment",
}

DEFAULT_TEMPLATE = "briefing"
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")


@dataclass(frozen=True)
class TemplateSpec:
    """A template's name, what it is for, and what it may never carry."""

    name: str
    title: str
    purpose: str
    annex: bool = True
    embedded: bool = True
    notes: bool = True
    evidence: bool = True
    letter: bool = False
    page_budget: int | None = None  # pages before the annex (all pages without one)


TEMPLATES: dict[str, TemplateSpec] = {
    spec.name: spec
    for spec in (
        TemplateSpec(
            "briefing",
            N_("Council briefing"),
            N_("verdict per rulebook on page 1, decisive reasons, safeguards, key gaps"),
            page_budget=3,
        ),
        TemplateSpec(
            "submission",
            N_("Formal submission"),
            N_("numbered paragraphs, the analysis per rulebook and test step, footnoted citations"),
        ),
        TemplateSpec(
            "factsheet",
            N_("Fact sheet"),
            N_("plain-language summary, the figures with their inputs, what is unknown, questions to ask"),
        ),
        TemplateSpec(
            "information-request",
            N_("Request for information"),
            N_("a letter to the operator asking for the missing information, one request per gap"),
            annex=False,
            embedded=False,
            notes=False,
            evidence=False,
            letter=True,
        ),
    )
}


# Names of kinds of report, which the window once offered as an assessment's "audience": a template's
# title or name is not a recipient, and a report never prints it as one ("Prepared for: Council briefing").
FORMER_AUDIENCE_LABELS = (
    "NGO formal submission",
    "Journalist fact sheet",
    "Information request to the operator",
)


def names_a_report_kind(text: str) -> bool:
    """Whether `text` names a kind of report (a template's title or name) rather than a recipient."""
    wanted = text.strip().casefold()
    kinds = {*TEMPLATES, *(spec.title for spec in TEMPLATES.values()), *FORMER_AUDIENCE_LABELS}
    return wanted in {k.casefold() for k in kinds}


def recipient_of(audience: str) -> str:
    """The assessment's audience as a recipient to print: empty when none is given or it names a report."""
    return "" if names_a_report_kind(audience) else audience.strip()


class OptionsError(ValueError):
    """An export option that cannot be honoured (unknown template, omission or language)."""


@dataclass(frozen=True)
class LetterDetails:
    """What only the information-request letter needs; empty fields leave room to fill in by hand."""

    recipient: str = ""
    reference: str = ""
    reply_by: dt.date | None = None
    legal_basis: str = ""


@dataclass(frozen=True)
class ReportOptions:
    template: str = DEFAULT_TEMPLATE
    language: str = "en"
    draft: bool = False
    omit: frozenset[str] = frozenset()
    letter: LetterDetails = field(default_factory=LetterDetails)
    # To whom a report (not the letter) is addressed: "Prepared for" on its cover. Empty: the
    # assessment's audience, unless that names a kind of report; then nothing is printed.
    prepared_for: str = ""

    def __post_init__(self) -> None:
        if self.template not in TEMPLATES:
            raise OptionsError(
                f"no report template '{self.template}' (templates: {', '.join(sorted(TEMPLATES))})"
            )
        unknown = sorted(set(self.omit) - set(OMIT_CHOICES))
        if unknown:
            raise OptionsError(f"cannot omit {', '.join(unknown)} (choices: {', '.join(OMIT_CHOICES)})")
        if not LANGUAGE_PATTERN.match(self.language):
            raise OptionsError(f"'{self.language}' is not a language code such as en or fr")

    @property
    def spec(self) -> TemplateSpec:
        return TEMPLATES[self.template]

    def leaves_out(self, what: str) -> bool:
        """Whether `what` (an OMIT_CHOICES key) is left out, by request or by the template's nature."""
        spec = self.spec
        forced = {
            "notes": not spec.notes,
            "quotes": not spec.evidence,
            "files": not spec.evidence,
            "annex": not spec.annex,
            "embedded": not spec.embedded,
        }
        return what in self.omit or forced.get(what, False)

    @property
    def effective_omissions(self) -> tuple[str, ...]:
        return tuple(name for name in OMIT_CHOICES if self.leaves_out(name))
