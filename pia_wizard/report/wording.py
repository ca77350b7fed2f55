"""The report's own words: verdict names, statuses, the evidence scale, the disclaimer.

Questions, rules and findings come localised from the questionnaire and rulebooks; only these
labels are the report's. They are written here in English, marked with `N_()` for the "reports"
gettext catalog, and translated where they are shown (`words(language).gettext`).
"""

from __future__ import annotations

from pia_wizard.core.evaluation.results import VERDICT_LABELS
from pia_wizard.core.models.base import long_date  # noqa: F401 - one date format for core and reports
from pia_wizard.core.models.messages import N_, SOURCE_LANGUAGE, Messages, messages

# The verdict names are the engine's (VERDICT_LABELS) word for word; marked here again so that the
# "reports" catalog carries them for the reports' own language.
VERDICT_NAMES: dict[str, str] = {
    "red_line": N_("Red line"),
    "fails": N_("Fails"),
    "insufficient_information": N_("Insufficient information"),
    "conditional": N_("Conditional"),
    "passes": N_("Passes"),
    "not_applicable": N_("Not applicable"),
}

VERDICTS: dict[str, tuple[str, str]] = {
    "red_line": (
        VERDICT_LABELS["red_line"],
        N_("A prohibition or red line applies and no exception has been shown."),
    ),
    "fails": (VERDICT_LABELS["fails"], N_("No red line applies, but a decisive legal test fails.")),
    "insufficient_information": (
        VERDICT_LABELS["insufficient_information"],
        N_("Nothing fails on what is known, but something decisive is unknown or not shown by evidence."),
    ),
    "conditional": (
        VERDICT_LABELS["conditional"],
        N_("Every decisive step passes, some only once planned safeguards are in place."),
    ),
    "passes": (VERDICT_LABELS["passes"], N_("Every decisive step passes on evidence at the required level.")),
    "not_applicable": (
        VERDICT_LABELS["not_applicable"],
        N_("This rulebook's jurisdiction does not cover the deployment."),
    ),
}

STEP_STATUS: dict[str, str] = {
    "pass": N_("passes"),
    "fail": N_("fails"),
    "undetermined": N_("undetermined"),
    "conditional": N_("conditional"),
    "not_applicable": N_("not applicable"),
    "not_in_force": N_("not yet in force"),
    "not_reached": N_("not reached"),
}

# What a status means, for a reader who meets the word alone (the window's list of tests; the reports
# explain the marks in a legend): "not reached" or "undetermined" by themselves read as jargon.
STEP_STATUS_MEANING: dict[str, str] = {
    "pass": "",
    "fail": "",
    "undetermined": N_("something it needs is unknown or not shown by evidence"),
    "conditional": N_("it passes only once the planned safeguards are in place"),
    "not_applicable": N_("nothing in it decides the verdict for this deployment"),
    "not_in_force": N_("its rules do not apply yet on the date of the assessment"),
    "not_reached": N_("not checked, because a test before it fails"),
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
    "red_line": N_("Red line"),
    "fail": N_("Fails"),
    "undetermined": N_("Undetermined"),
    "conditional": N_("Conditional"),
    "warning": N_("Warning"),
    "info": N_("Note"),
}

# The same words inside a sentence, "(red line, applies from …)": lower case in English, as each
# language writes them there (German nouns keep their capital).
SEVERITY_INLINE: dict[str, str] = {
    "red_line": N_("red line"),
    "fail": N_("fails"),
    "undetermined": N_("undetermined"),
    "conditional": N_("conditional"),
    "warning": N_("warning"),
    "info": N_("note"),
}

APPLIES = {"yes": N_("applies"), "no": N_("does not apply"), "unknown": N_("may apply (not yet known)")}

# The domain brief's evidence scale (§8.2).
EVIDENCE_LEVELS: dict[int, str] = {
    0: N_("no evidence"),
    1: N_("the deployer's or vendor's word"),
    2: N_("internal document"),
    3: N_("published document"),
    4: N_("independent verification"),
}

TAGS: dict[str, str] = {
    "V": N_("checked against the legal text"),
    "S": N_("checked against a secondary source only"),
    "U": N_("not verified"),
    "?": N_("not in the source table"),
}

ANSWER_STATES = {
    "unknown": N_("Unknown / not disclosed"),
    "unanswered": N_("Not answered"),
    "hidden": N_("Not asked"),
}

OMITTED: dict[str, str] = {
    "notes": N_("notes on answers"),
    "quotes": N_("quotes from evidence"),
    "identity": N_("the assessor's identity"),
    "annex": N_("the annex"),
    "embedded": N_("the embedded assessment data"),
    "files": N_("evidence files"),
}

DISCLAIMER = N_(
    "This report is not legal advice. It applies rules written as data to the answers given, and "
    "its verdicts are only as good as those answers and their evidence. National law varies "
    "(GDPR Art. 9(4), AI Act Art. 5(5)), and dates of application change: check them before relying "
    "on this report."
)

FINGERPRINT_MEANING = N_(
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
        N_("Under {name} this cannot go ahead as proposed: it crosses the red line {point}{more}."),
        N_(
            "Under {name} this cannot go ahead as proposed: a red line applies and no exception has been "
            "shown."
        ),
    ),
    "fails": (
        N_("Under {name} this cannot go ahead as proposed: a decisive legal test fails on {point}{more}."),
        N_("Under {name} this cannot go ahead as proposed: a decisive legal test fails."),
    ),
    "insufficient_information": (
        N_(
            "Under {name} it cannot yet be decided whether this may go ahead: decisive answers are missing "
            "or not backed by evidence, first of all on {point}{more}."
        ),
        N_(
            "Under {name} it cannot yet be decided whether this may go ahead: decisive answers are missing "
            "or not backed by evidence."
        ),
    ),
    "conditional": (
        N_(
            "Under {name} this may go ahead only under conditions: {point}{more}; the safeguards in this "
            "report must be in place first."
        ),
        N_("Under {name} this may go ahead only once the safeguards in this report are in place."),
    ),
    "passes": (
        N_(
            "Under {name} none of the points this report checks stands in the way, on the answers and "
            "evidence given."
        ),
        N_(
            "Under {name} none of the points this report checks stands in the way, on the answers and "
            "evidence given."
        ),
    ),
    "not_applicable": (
        N_("{name} does not apply to this deployment as it is described."),
        N_("{name} does not apply to this deployment as it is described."),
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
HEADLINE_POINT = N_("“{title}”")
HEADLINE_POINT_POSSIBLE_RED_LINE = N_("whether “{title}” holds")
HEADLINE_MORE = {1: N_(" and one other point")}
HEADLINE_MORE_MANY = N_(" and {count} other points")
HEADLINE_APPLIES_UNKNOWN = N_("Whether {name} applies at all is not yet known from the answers.")

# The editable copies (Word, Markdown) say what they are: a convenience for editing, not the record.
EDITABLE_NOTE = N_(
    "This is an editable copy of the report, made from the same assessment and in the same words as the "
    "PDF. The PDF is the record: it embeds the assessment data, so anyone can check its fingerprint. Text "
    "changed in this copy is the editor's own."
)

FINGERPRINT_MEANING_EDITABLE = N_(
    "The fingerprint is the SHA-256 hash of the assessment data this report was made from. The PDF "
    "report made from the same assessment embeds those data; an editable copy cannot prove anything "
    "by itself."
)

# A report in another language says it is a translation, and which text prevails; and that the law of
# the reader's own country is not assessed (the rulebooks judge EU, human-rights, UK and US local law).
TRANSLATION_NOTE = N_(
    "This text is a translation of the English original. Where the two differ, the English original prevails."
)
# Translators: name your country's own law here (German: federal and state law, Bundes- und
# Landesrecht). The rulebooks judge EU and international law, and UK and US local law only.
NATIONAL_LAW_NOTE = N_("The national law of the reader's country is not assessed.")


def NP_(context: str, message: str) -> tuple[str, str]:
    """Marks a message with a context (`pgettext`) where it is defined; translated where shown."""
    return context, message


def words(language: str) -> Messages:
    """The reports' own sentences, dates and numbers in `language`."""
    return messages(language, "reports")


def translation_notes(language: str) -> list[str]:
    """What a report says when it is not in English: empty for English."""
    if (language or SOURCE_LANGUAGE) == SOURCE_LANGUAGE:
        return []
    tr = words(language).gettext
    return [tr(TRANSLATION_NOTE), tr(NATIONAL_LAW_NOTE)]


# Review and sign-off (core/answers/review.py): statuses in words, and what an approval does not prove.
REVIEW_STATUSES = {
    "draft": N_("Draft"),
    "in_review": N_("In review"),
    "changes_requested": N_("Changes requested"),
    "approved": N_("Approved"),
    "rejected": N_("Rejected"),
}
REVIEW_FORGEABLE = N_(
    "The reviewer's name is typed, not checked: anyone who can edit the assessment file can write any "
    "name here. The review record shows what was reviewed (a SHA-256 digest of the answers, notes and "
    "evidence), not who reviewed it."
)
REVIEW_APPROVED = N_("Approved by {by} on {date}")
REVIEW_NOT_CURRENT = N_(
    "No longer current: the answers, notes or evidence changed after {by} approved them on {date}; "
    "the approval does not cover this version."
)
# A report never prints a stale approval's name and date: only that there is no current approval.
REVIEW_STALE_IN_REPORT = N_(
    "Not approved as it stands: the answers, notes or evidence changed after the last approval, which "
    "does not cover this version."
)
REVIEW_OMISSIONS = N_(
    "The approval covers the full assessment; this report leaves some of it out ({omitted})."
)
REVIEW_COMMENT_OPEN = N_("open")
REVIEW_COMMENT_RESOLVED = N_("resolved")


def review_status_line(
    status: str,
    current: bool,
    by: str = "",
    date: str = "",
    *,
    in_report: bool = False,
    language: str = SOURCE_LANGUAGE,
) -> str:
    """The review's status in one sentence: an approval only while it is current (a report does not
    even name a stale one)."""
    tr = words(language).gettext
    if status == "approved" and current:
        return tr(REVIEW_APPROVED).format(by=by, date=date) + "."
    if status == "approved":
        return tr(REVIEW_STALE_IN_REPORT) if in_report else tr(REVIEW_NOT_CURRENT).format(by=by, date=date)
    label = tr(REVIEW_STATUSES.get(status, status))
    if by:
        return tr("Review status: {label} (last step by {by} on {date}).").format(
            label=label, by=by, date=date
        )
    return tr("Review status: {label}.").format(label=label)
