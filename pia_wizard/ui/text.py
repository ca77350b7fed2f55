"""Words the window shows that come from the core: verdict names, answers, file names.

Every string here goes through Qt's translation (`translate`), so a translation file can cover them
even though only English ships. Nothing here decides anything: it names what the core returned.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from pia_wizard.core.evaluation.results import AnswerRef, ItemAnswerRef
from pia_wizard.core.models.base import localise
from pia_wizard.core.rules.compiled import CompiledQuestionnaire, QuestionEntry
from pia_wizard.core.rules.partial import describe
from pia_wizard.report.wording import STATUS_MARK, STEP_STATUS, STEP_STATUS_MEANING
from pia_wizard.ui.date_text import date_words
from pia_wizard.ui.language import month_names, shown_number

if TYPE_CHECKING:
    from pia_wizard.report.approval_signing import StepSignature

# A longer name (file systems allow 255 bytes) would widen dialogs past the screen, since a label
# cannot wrap inside a word; its middle is elided instead, keeping the start and the extension.
MAX_NAME_CHARS = 80


def translate(context: str, text: str, n: int = -1) -> str:
    """Qt's translation for strings outside a QObject (a QObject uses `self.tr`). The arguments are in
    Qt's own order (context, text), so that `pyside6-lupdate` finds every call; with `n`, the plural
    form for that count, `%n` in the text replaced by it ("%n document(s)" → "2 documents")."""
    return QCoreApplication.translate(context, text, None, n)


class Plural(QObject):
    """Counted words built outside a widget ("1 document", "2 documents"). They live in a QObject
    because `pyside6-lupdate` marks a plural (numerus) entry only in a `tr` call; each language's
    catalog then holds as many forms as that language has (English's catalog holds its two)."""

    def documents(self, n: int) -> str:
        return self.tr("%n document(s)", "", n)

    def required_open(self, n: int) -> str:
        return self.tr("%n required open", "", n)

    def questions_answered(self, answered: int, shown: int, unknown: int) -> str:
        return (
            self.tr("%1 of %n question(s) answered, %2 of them unknown / not disclosed.", "", shown)
            .replace("%1", str(answered))
            .replace("%2", str(unknown))
        )


def shown_name(path: Path) -> str:
    """The file name as the window shows it: the name alone, its middle elided when very long."""
    name = path.name or str(path)
    if len(name) <= MAX_NAME_CHARS:
        return name
    keep = MAX_NAME_CHARS - 1
    return name[: keep - keep // 3] + "…" + name[-(keep // 3) :]


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally (Qt guesses rich text otherwise) and wraps long lines."""
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


def mnemonic_safe(text: str) -> str:
    """Text for a label with a buddy or a button, where a single & would become a keyboard mnemonic."""
    return text.replace("&", "&&")


def without_mnemonic(text: str) -> str:
    """The text a person sees on a label or button with mnemonics: `&File` → `File`, `&&` → `&`."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


# ------------------------------------------------------------------------------------------- verdicts

VERDICT_COLOURS: Mapping[str, tuple[str, str]] = {
    # background, text — chosen for contrast above 4.5:1 in light and dark palettes alike
    "red_line": ("#8b0000", "#ffffff"),
    "fails": ("#b3261e", "#ffffff"),
    "insufficient_information": ("#8a5a00", "#ffffff"),
    "conditional": ("#1f4e8c", "#ffffff"),
    "passes": ("#1b6e2f", "#ffffff"),
    "not_applicable": ("#5f6368", "#ffffff"),
}


def verdict_name(verdict: str) -> str:
    names = {
        "red_line": translate("Verdict", "RED LINE"),
        "fails": translate("Verdict", "FAILS"),
        "insufficient_information": translate("Verdict", "NOT ENOUGH INFORMATION"),
        "conditional": translate("Verdict", "CONDITIONAL"),
        "passes": translate("Verdict", "PASSES"),
        "not_applicable": translate("Verdict", "DOES NOT APPLY"),
    }
    return names.get(verdict, verdict.replace("_", " ").upper())


def verdict_word(verdict: str) -> str:
    """A verdict's name inside a sentence ("Red line", "Zu wenig Informationen"): not the upper-case
    badge lowered, which would lose the capitals German nouns keep."""
    words = {
        "red_line": translate("Verdict", "Red line"),
        "fails": translate("Verdict", "Fails"),
        "insufficient_information": translate("Verdict", "Not enough information"),
        "conditional": translate("Verdict", "Conditional"),
        "passes": translate("Verdict", "Passes"),
        "not_applicable": translate("Verdict", "Does not apply"),
    }
    return words.get(verdict, verdict.replace("_", " ").capitalize())


def upper_first(text: str) -> str:
    """`text` with its first letter upper case and the rest as it is ("rote Linie" → "Rote Linie");
    str.capitalize would lower the rest."""
    return text[:1].upper() + text[1:]


def verdict_meaning(verdict: str) -> str:
    meanings = {
        "red_line": translate("Verdict", "A red line is crossed."),
        "fails": translate("Verdict", "A decisive test fails."),
        "insufficient_information": translate(
            "Verdict", "Something decisive is unknown: it cannot pass on what is known."
        ),
        "conditional": translate("Verdict", "Passes only once the planned safeguards are in place."),
        "passes": translate("Verdict", "Every decisive test passes on the evidence given."),
        "not_applicable": translate("Verdict", "This rulebook does not cover this deployment."),
    }
    return meanings.get(verdict, "")


def test_status_line(title: str, status: str) -> str:
    """A test's result as the reports word it ("✗ Legality — fails"), with what the word means where
    it says little alone ("– Necessity — not reached: not checked, because a test before it fails").
    The words are the report's own (pia_wizard/report/wording.py): one table for both."""
    label = STEP_STATUS.get(status, status.replace("_", " "))
    meaning = STEP_STATUS_MEANING.get(status, "")
    mark = STATUS_MARK.get(status, "")
    line = f"{mark} {title} — {label}".strip()
    return f"{line}: {meaning}" if meaning else line


SEVERITY_NAMES = {
    "red_line": QT_TRANSLATE_NOOP("Severity", "red line"),
    "fail": QT_TRANSLATE_NOOP("Severity", "fails"),
    "undetermined": QT_TRANSLATE_NOOP("Severity", "undetermined"),
    "conditional": QT_TRANSLATE_NOOP("Severity", "conditional"),
    "warning": QT_TRANSLATE_NOOP("Severity", "warning"),
    "info": QT_TRANSLATE_NOOP("Severity", "note"),
}


def severity_name(severity: str) -> str:
    return translate("Severity", SEVERITY_NAMES.get(severity, severity))


EVIDENCE_LEVELS = (
    QT_TRANSLATE_NOOP("Evidence", "0 — no evidence"),
    QT_TRANSLATE_NOOP("Evidence", "1 — the deployer's or vendor's word"),
    QT_TRANSLATE_NOOP("Evidence", "2 — internal document"),
    QT_TRANSLATE_NOOP("Evidence", "3 — published document"),
    QT_TRANSLATE_NOOP("Evidence", "4 — independent verification"),
)


def evidence_level_name(level: int) -> str:
    if 0 <= level < len(EVIDENCE_LEVELS):
        return translate("Evidence", EVIDENCE_LEVELS[level])
    return str(level)


# -------------------------------------------------------------------------------------------- answers


def number_text(value: float | int) -> str:
    """A number as typed back: no trailing .0, no lost digits."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) or (math.isfinite(value) and value == int(value) and abs(value) < 1e15):
        return str(int(value))
    return repr(float(value))


class Texts:
    """A questionnaire's texts in one language."""

    def __init__(
        self, compiled: CompiledQuestionnaire, language: str, source_names: Mapping[str, str] | None = None
    ) -> None:
        self.compiled = compiled
        self.language = language
        self.default = compiled.questionnaire.default_language
        self.source_names = dict(source_names or {})

    def source(self, source_id: str) -> str:
        """A source's readable short name ("AI Act Art. 3(4)"), never its id where a name exists."""
        return self.source_names.get(source_id, source_id)

    def __call__(self, text: Mapping[str, str] | None) -> str:
        """The text in the window's language; English where its translation is missing or stale,
        marked "[EN]" so a reader knows it is untranslated (and a translator sees what is left)."""
        if not text:
            return ""
        shown = localise(text, self.language, self.default)
        if self.language != self.default and self.language not in text and self.language[:2] != "en":
            return f"[{self.default.upper()}] {shown}"
        return shown

    def label(self, question_id: str) -> str:
        entry = self.compiled.entries.get(question_id)
        return self(entry.question.label) if entry else question_id

    def value(self, entry: QuestionEntry, value: Any) -> str:
        """An answer value in words: choice labels, yes / no, numbers and dates as typed."""
        qtype = entry.question.type
        if value is None:
            return translate("Answer", "not answered")
        partial = describe(value, shown_number, {c.value: self(c.label) for c in entry.choices})
        if partial is not None:
            return partial
        if qtype in ("single_choice", "multiple_choice"):
            labels = {c.value: self(c.label) for c in entry.choices}
            values = value if isinstance(value, tuple | list) else (value,)
            if not values:
                return translate("Answer", "none")
            return ", ".join(labels.get(v, str(v)) for v in values)
        if qtype == "yes_no" or isinstance(value, bool):
            return translate("Answer", "yes") if value else translate("Answer", "no")
        if qtype == "number" and isinstance(value, int | float):
            return shown_number(value)
        if qtype == "group" and isinstance(value, tuple | list):
            item = self(getattr(entry.question, "item_label", None)) or translate("Answer", "item")
            return translate("Answer", "%1 × %2").replace("%1", str(len(value))).replace("%2", item)
        if isinstance(value, dt.date):
            return value.isoformat()
        if qtype == "date" and isinstance(value, str):
            return date_words(value, month_names())  # "March 2027" for a date known to the month
        return str(value)

    def answer_ref(self, ref: AnswerRef) -> str:
        """`Label — value` for an answer that led to a finding; per item for a group's question."""
        entry = self.compiled.entries.get(ref.question)
        label = self.label(ref.question)
        if entry is not None and entry.group is not None:
            return f"{label} — {self.item_answers(entry, ref.items)}"
        shown = self.state_text(entry, ref.state, ref.value)
        if ref.state == "value" and ref.evidence_level:
            shown += " " + translate("Answer", "(evidence %1)").replace("%1", str(ref.evidence_level))
        return f"{label} — {shown}"

    def state_text(self, entry: QuestionEntry | None, state: str, value: Any) -> str:
        """An answer as it stood: its value in words, or unknown / not answered / not asked."""
        if state == "unknown":
            return translate("Answer", "unknown / not disclosed")
        if state == "unanswered":
            return translate("Answer", "not answered")
        if state == "hidden":
            return translate("Answer", "not asked")
        return self.value(entry, value) if entry is not None else str(value)

    def change(self, question_id: str, value: Any, unknown: bool, evidence_level: int | None) -> str:
        """One change a counterfactual makes, in words: "Label: value" (or stronger evidence)."""
        label = self.label(question_id)
        entry = self.compiled.entries.get(question_id)
        if unknown:
            return f"{label}: " + translate("Answer", "unknown / not disclosed")
        if value is not None and entry is not None:
            return f"{label}: {self.value(entry, value)}"
        if evidence_level:
            return f"{label}: " + translate("Answer", "evidence at level %1").replace(
                "%1", str(evidence_level)
            )
        return label

    def item_answers(self, entry: QuestionEntry, items: tuple[ItemAnswerRef, ...]) -> str:
        """Each item's own answer ("site 1: unknown / not disclosed; site 2: no"), never one for all."""
        item = self(getattr(entry.group, "item_label", None)) or translate("Answer", "item")
        if not items:
            return translate("Answer", "no %1 given").replace("%1", item)
        return "; ".join(
            f"{item} {number}: {self.state_text(entry, ref.state, ref.value)}"
            for number, ref in enumerate(items, start=1)
        )


# Review and sign-off in the window (the report's words are in report/wording.py).
REVIEW_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("Review", "Draft"),
    "in_review": QT_TRANSLATE_NOOP("Review", "In review"),
    "changes_requested": QT_TRANSLATE_NOOP("Review", "Changes requested"),
    "approved": QT_TRANSLATE_NOOP("Review", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("Review", "Rejected"),
}
# The same inside a sentence ("Review: changes requested (by …)"): a word of its own, since lowering the
# name would lose the capitals German nouns keep ("Änderungen angefordert").
REVIEW_STATUSES_IN_SENTENCE = {
    "draft": QT_TRANSLATE_NOOP("Review", "draft"),
    "in_review": QT_TRANSLATE_NOOP("Review", "in review"),
    "changes_requested": QT_TRANSLATE_NOOP("Review", "changes requested"),
    "approved": QT_TRANSLATE_NOOP("Review", "approved"),
    "rejected": QT_TRANSLATE_NOOP("Review", "rejected"),
}
REVIEW_FORGEABLE = QT_TRANSLATE_NOOP(
    "Review",
    "The reviewer's name is typed, not checked: anyone who can edit the assessment file can write any "
    "name here. The review record shows what was reviewed, not who reviewed it.",
)


def review_status_name(status: str) -> str:
    return translate("Review", REVIEW_STATUSES.get(status, status))


def review_status_in_sentence(status: str) -> str:
    return translate("Review", REVIEW_STATUSES_IN_SENTENCE.get(status, status))


def review_signature_line(check: StepSignature) -> str:
    """What a signed review step's signature shows, in one sentence ("" when it is not signed): a
    valid signature proves the step is unchanged; with a self-signed key, not who signed it."""
    state, signer, self_signed = check.state, check.signer, check.self_signed
    if state == "invalid":
        if check.approval:
            return translate("Review", "Signature invalid: the approval was changed after it was signed.")
        return translate("Review", "Signature invalid: the review step was changed after it was signed.")
    if state != "valid":
        return ""
    if self_signed:
        text = translate(
            "Review",
            "Signed with a key naming %1: the step is unchanged since it was signed. The key is "
            "self-signed, so this does not prove who signed it.",
        )
    else:
        text = translate(
            "Review",
            "Signed with a key naming %1: the step is unchanged since it was signed. The key's "
            "certificate is not checked against one you trust here (validate --trust does that).",
        )
    return text.replace("%1", signer)


def review_line(status: str, current: bool, by: str, date: str) -> str:
    """The review in one line for the window: an approval and whether it still covers the answers."""
    if status == "approved" and current:
        return translate("Review", "Approved by %1 on %2.").replace("%1", by).replace("%2", date)
    if status == "approved":
        return (
            translate(
                "Review",
                "Approved by %1 on %2, but NO LONGER CURRENT: answers, notes or evidence changed since. "
                "Undo the change or approve again.",
            )
            .replace("%1", by)
            .replace("%2", date)
        )
    if not by:
        return translate("Review", "Not reviewed yet.")
    return (
        translate("Review", "Review: %1 (by %2 on %3).")
        .replace("%1", review_status_in_sentence(status))
        .replace("%2", by)
        .replace("%3", date)
    )
