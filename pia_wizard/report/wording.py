"""The report's own words: verdict names, statuses, the evidence scale, the disclaimer (English).

Questions, rules and findings come localised from the questionnaire and rulebooks; only these
labels are the report's. Kept in one place so a translation has one file to follow.
"""

from __future__ import annotations

from pia_wizard.core.evaluation.results import VERDICT_LABELS
from pia_wizard.core.models.base import long_date  # noqa: F401 - one date format for core and reports

VERDICTS: dict[str, tuple[str, str]] = {
    "red_line": (
        VERDICT_LABELS["red_line"],
        "A prohibition or red line applies and no exception has been shown.",
    ),
    "fails": (VERDICT_LABELS["fails"], "No red line applies, but a decisive legal test fails."),
    "insufficient_information": (
        VERDICT_LABELS["insufficient_information"],
        "Nothing fails on what is known, but something decisive is unknown or not shown by evidence.",
    ),
    "conditional": (
        VERDICT_LABELS["conditional"],
        "Every decisive step passes, some only once planned safeguards are in place.",
    ),
    "passes": (VERDICT_LABELS["passes"], "Every decisive step passes on evidence at the required level."),
    "not_applicable": (
        VERDICT_LABELS["not_applicable"],
        "This rulebook's jurisdiction does not cover the deployment.",
    ),
}

STEP_STATUS: dict[str, str] = {
    "pass": "passes",
    "fail": "fails",
    "undetermined": "undetermined",
    "conditional": "conditional",
    "not_applicable": "not applicable",
    "not_in_force": "not yet in force",
    "not_reached": "not reached",
}

# What a status means, for a reader who meets the word alone (the window's list of tests; the reports
# explain the marks in a legend): "not reached" or "undetermined" by themselves read as jargon.
STEP_STATUS_MEANING: dict[str, str] = {
    "pass": "",
    "fail": "",
    "undetermined": "something it needs is unknown or not shown by evidence",
    "conditional": "it passes only once the planned safeguards are in place",
    "not_applicable": "nothing in it decides the verdict for this deployment",
    "not_in_force": "its rules do not apply yet on the date of the assessment",
    "not_reached": "not checked, because a test before it fails",
}

# A mark that survives printing in black and white, beside every colour.
STATUS_MARK: dict[str, str] = {
    "pass": "✓",
    "fail": "✗",
    "undetermined": "?",
    "conditional": "~",
    "not_applicable": "–",
    "not_in_force": "◷",
    "not_reached": "–",
}

SEVERITY: dict[str, str] = {
    "red_line": "Red line",
    "fail": "Fails",
    "undetermined": "Undetermined",
    "conditional": "Conditional",
    "warning": "Warning",
    "info": "Note",
}

APPLIES = {"yes": "applies", "no": "does not apply", "unknown": "may apply (not yet known)"}

# The domain brief's evidence scale (§8.2).
EVIDENCE_LEVELS: dict[int, str] = {
    0: "no evidence",
    1: "the deployer's or vendor's word",
    2: "internal document",
    3: "published document",
    4: "independent verification",
}

TAGS: dict[str, str] = {
    "V": "checked against the legal text",
    "S": "checked against a secondary source only",
    "U": "not verified",
    "?": "not in the source table",
}

ANSWER_STATES = {"unknown": "Unknown / not disclosed", "unanswered": "Not answered", "hidden": "Not asked"}

OMITTED: dict[str, str] = {
    "notes": "notes on answers",
    "quotes": "quotes from evidence",
    "identity": "the assessor's identity",
    "annex": "the annex",
    "embedded": "the embedded assessment data",
    "files": "evidence files",
}

DISCLAIMER = (
    "This report is not legal advice. It applies rules written as data to the answers given, and "
    "its verdicts are only as good as those answers and their evidence. National law varies "
    "(GDPR Art. 9(4), AI Act Art. 5(5)), and dates of application change: check them before relying "
    "on this report."
)

FINGERPRINT_MEANING = (
    "The fingerprint is the SHA-256 hash of the assessment data this report was made from, as "
    "embedded in this PDF. Recomputing it from the embedded file shows that the annex and the "
    "verdicts were produced from those exact answers. It does not prove who made the report or "
    "that the PDF was not altered afterwards: it is not a signature and not tamper-proof."
)

# One sentence per rulebook that a councillor can read aloud (page 1 of the briefing). `{name}` is the
# rulebook's short title ("EU law"); `{point}` the first decisive finding in words
# (`HEADLINE_POINT`); `{more}` how many other decisive points there are. The second form is for a
# verdict with no finding to name.
HEADLINES: dict[str, tuple[str, str]] = {
    "red_line": (
        "Under {name} this cannot go ahead as proposed: it crosses the red line {point}{more}.",
        "Under {name} this cannot go ahead as proposed: a red line applies and no exception has been shown.",
    ),
    "fails": (
        "Under {name} this cannot go ahead as proposed: a decisive legal test fails on {point}{more}.",
        "Under {name} this cannot go ahead as proposed: a decisive legal test fails.",
    ),
    "insufficient_information": (
        "Under {name} it cannot yet be decided whether this may go ahead: decisive answers are missing or "
        "not backed by evidence, first of all on {point}{more}.",
        "Under {name} it cannot yet be decided whether this may go ahead: decisive answers are missing or "
        "not backed by evidence.",
    ),
    "conditional": (
        "Under {name} this may go ahead only under conditions: {point}{more}; the safeguards in this "
        "report must be in place first.",
        "Under {name} this may go ahead only once the safeguards in this report are in place.",
    ),
    "passes": (
        "Under {name} none of the points this report checks stands in the way, on the answers and "
        "evidence given.",
        "Under {name} none of the points this report checks stands in the way, on the answers and "
        "evidence given.",
    ),
    "not_applicable": (
        "{name} does not apply to this deployment as it is described.",
        "{name} does not apply to this deployment as it is described.",
    ),
}
# Which findings a headline names, by verdict (the findings that decided it).
HEADLINE_SEVERITY = {
    "red_line": "red_line",
    "fails": "fail",
    "insufficient_information": "undetermined",
    "conditional": "conditional",
}
# How a headline names its first point. A red line's title names the prohibited situation ("No valid
# GDPR Art. 9(2) condition…"), so while it is only possible, quoting it bare would read as established:
# the headline asks whether it holds. A test step's finding already carries the title of its outcome
# ("Not yet shown: …", "… fails").
HEADLINE_POINT = "“{title}”"
HEADLINE_POINT_POSSIBLE_RED_LINE = "whether “{title}” holds"
HEADLINE_MORE = {1: " and one other point"}
HEADLINE_MORE_MANY = " and {count} other points"
HEADLINE_APPLIES_UNKNOWN = "Whether {name} applies at all is not yet known from the answers."

# The editable copies (Word, Markdown) say what they are: a convenience for editing, not the record.
EDITABLE_NOTE = (
    "This is an editable copy of the report, made from the same assessment and in the same words as the "
    "PDF. The PDF is the record: it embeds the assessment data, so anyone can check its fingerprint. Text "
    "changed in this copy is the editor's own."
)

FINGERPRINT_MEANING_EDITABLE = (
    "The fingerprint is the SHA-256 hash of the assessment data this report was made from. The PDF "
    "report made from the same assessment embeds those data; an editable copy cannot prove anything "
    "by itself."
)

# Review and sign-off (core/answers/review.py): statuses in words, and what an approval does not prove.
REVIEW_STATUSES = {
    "draft": "Draft",
    "in_review": "In review",
    "changes_requested": "Changes requested",
    "approved": "Approved",
    "rejected": "Rejected",
}
REVIEW_FORGEABLE = (
    "The reviewer's name is typed, not checked: anyone who can edit the assessment file can write any "
    "name here. The review record shows what was reviewed (a SHA-256 digest of the answers, notes and "
    "evidence), not who reviewed it."
)
REVIEW_APPROVED = "Approved by {by} on {date}"
REVIEW_NOT_CURRENT = (
    "No longer current: the answers, notes or evidence changed after {by} approved them on {date}; "
    "the approval does not cover this version."
)
# A report never prints a stale approval's name and date: only that there is no current approval.
REVIEW_STALE_IN_REPORT = (
    "Not approved as it stands: the answers, notes or evidence changed after the last approval, which "
    "does not cover this version."
)
REVIEW_OMISSIONS = "The approval covers the full assessment; this report leaves some of it out ({omitted})."
REVIEW_COMMENT_OPEN = "open"
REVIEW_COMMENT_RESOLVED = "resolved"


def review_status_line(
    status: str, current: bool, by: str = "", date: str = "", *, in_report: bool = False
) -> str:
    """The review's status in one sentence: an approval only while it is current (a report does not
    even name a stale one)."""
    if status == "approved" and current:
        return REVIEW_APPROVED.format(by=by, date=date) + "."
    if status == "approved":
        return REVIEW_STALE_IN_REPORT if in_report else REVIEW_NOT_CURRENT.format(by=by, date=date)
    label = REVIEW_STATUSES.get(status, status)
    return f"Review status: {label}" + (f" (last step by {by} on {date})." if by else ".")
