"""The assessment on one page, to read in a minute: verdicts, decisive reasons, the answers they rest
on, the open questions that matter most, and how far the questionnaire is answered.

It shows what the core returned (the window's latest evaluations) and the file's answers; it judges
nothing. The pane's long scroll of links stays where it is, for working; this is for reading.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from pia_wizard.core.evaluation.results import AnswerRef, Evaluation, Finding, Gap
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.core.rules.visibility import AnswerView
from pia_wizard.ui.language import long_date
from pia_wizard.ui.text import Plural, Texts, translate, verdict_meaning, verdict_name

DECISIVE = ("red_line", "fail", "undetermined", "conditional")
REASONS_PER_RULEBOOK = 2
MAX_GAPS = 3
MAX_ANSWERS = 6


def _e(text: str) -> str:
    return html.escape(text)


def _decisive(findings: tuple[Finding, ...]) -> list[Finding]:
    ranked = sorted((f for f in findings if f.severity in DECISIVE), key=lambda f: DECISIVE.index(f.severity))
    return ranked[:REASONS_PER_RULEBOOK]


def _top_gaps(explored: Evaluation) -> list[Gap]:
    """The open questions that change most verdicts, each once."""
    best: dict[str, Gap] = {}
    for result in explored.rulebooks:
        for gap in result.gaps:
            known = best.get(gap.question)
            if known is None or gap.impact > known.impact:
                best[gap.question] = gap
    return sorted(best.values(), key=lambda g: -g.impact)[:MAX_GAPS]


def _progress(compiled: CompiledQuestionnaire, assessment: Assessment, texts: Texts) -> str:
    view = AnswerView(compiled, assessment.answers)
    shown = answered = unknown = 0
    for question_id, entry in compiled.entries.items():
        if entry.group is not None or not view.question_visible(question_id):
            continue
        shown += 1
        answer = assessment.answers.get(question_id)
        if answer is not None and answer.answered:
            answered += 1
            unknown += answer.unknown
    return Plural().questions_answered(answered, shown, unknown)


def summary_html(
    compiled: CompiledQuestionnaire,
    texts: Texts,
    assessment: Assessment,
    evaluation: Evaluation,
    explored: Evaluation | None,
) -> str:
    """The summary as HTML: every text from the questionnaire or the core escaped."""
    title = assessment.metadata.title or translate("Summary", "Untitled assessment")
    parts = [f"<h2>{_e(title)}</h2>"]
    judged = translate("Summary", "Judged as the rules stand on %1.").replace(
        "%1", long_date(evaluation.date)
    )
    parts.append(f"<p>{_e(judged)} {_e(_progress(compiled, assessment, texts))}</p>")

    words = translate("Summary", "Verdicts and why")
    parts.append(f"<h3>{_e(words)}</h3><ul>")
    rests_on: dict[str, AnswerRef] = {}
    not_applicable = [r.title for r in evaluation.rulebooks if r.verdict == "not_applicable"]
    for result in evaluation.rulebooks:
        if result.verdict == "not_applicable":
            continue  # said once, below
        parts.append(f"<li><b>{_e(result.title)}: {_e(verdict_name(result.verdict))}</b>")
        reasons = _decisive(result.findings)
        if reasons:
            parts.append("<ul>" + "".join(f"<li>{_e(f.title)}</li>" for f in reasons) + "</ul>")
        else:
            parts.append(f" — {_e(verdict_meaning(result.verdict))}")
        parts.append("</li>")
        for finding in reasons:
            for ref in finding.answers:
                if ref.state != "hidden":  # a question not asked is no answer to rest on
                    rests_on.setdefault(ref.question, ref)
    if not_applicable:
        line = translate("Summary", "Do not cover this deployment: %1.").replace(
            "%1", "; ".join(not_applicable)
        )
        parts.append(f"<li>{_e(line)}</li>")
    parts.append("</ul>")
    if rests_on:
        order = compiled.order
        refs = sorted(rests_on.values(), key=lambda r: order[r.question])
        shown = refs[:MAX_ANSWERS]
        words = translate("Summary", "The answers they rest on")
        parts.append(f"<h3>{_e(words)}</h3><ul>")
        parts += [f"<li>{_e(texts.answer_ref(ref))}</li>" for ref in shown]
        if len(refs) > len(shown):
            more = translate("Summary", "… and %1 more (see Why? in the verdicts pane).")
            parts.append(f"<li>{_e(more.replace('%1', str(len(refs) - len(shown))))}</li>")
        parts.append("</ul>")

    words = translate("Summary", "Open questions that matter most")
    parts.append(f"<h3>{_e(words)}</h3>")
    if explored is None:
        words = translate("Summary", "Being worked out…")
        parts.append(f"<p><i>{_e(words)}</i></p>")
    else:
        gaps = _top_gaps(explored)
        if gaps:
            parts.append("<ol>" + "".join(f"<li>{_e(g.ask)}</li>" for g in gaps) + "</ol>")
        else:
            words = translate("Summary", "None that block a decision.")
            parts.append(f"<p>{_e(words)}</p>")
    return "".join(parts)


class SummaryDialog(QDialog):
    """A window beside the main one, kept up to date while it is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryDialog")
        self.setWindowTitle(self.tr("Summary of the assessment"))
        self.resize(720, 640)
        self.text = QTextBrowser(self)
        self.text.setObjectName("summaryText")
        self.text.setAccessibleName(self.tr("Summary of the assessment"))
        self.text.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def show_summary(self, content: str) -> None:
        bar = self.text.verticalScrollBar()
        position = bar.value()
        self.text.setHtml(content)
        bar.setValue(position)

    def plain_text(self) -> str:
        return self.text.toPlainText()
