"""The right pane: the live verdict per rulebook, and why.

Each rulebook shows a badge and one line; "Why?" unfolds its findings with the answers that triggered
them (a click jumps to the question), then the information gaps and "What would change this?". Below
come the inconsistencies between answers and the shared figures (false alerts). Everything shown is
what `evaluate` returned: the pane computes no verdict of its own.

Gaps and counterfactuals come from a slower, explored evaluation that arrives later; until it does,
the previous ones stay visible, greyed, with a note that they are being updated.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from pia_wizard.core.evaluation.results import (
    Counterfactual,
    Evaluation,
    Finding,
    Inconsistency,
    RulebookResult,
    UseResult,
)
from pia_wizard.core.evaluation.results import Figures as FigureSet
from pia_wizard.core.models.sources import Glossary
from pia_wizard.ui.text import (
    Texts,
    plain_tooltip,
    severity_name,
    test_status_line,
    translate,
    upper_first,
    verdict_meaning,
    verdict_name,
    verdict_word,
)
from pia_wizard.ui.widgets import (
    DisclosureButton,
    LinkButton,
    VerdictBadge,
    heading,
    muted,
    plain_label,
    scaled_font,
    set_accessible_description,
    set_accessible_name,
)

SEVERITY_ORDER = ("red_line", "fail", "undetermined", "conditional", "warning", "info")
# Marked for translation where they are written; translated where they are shown.
TAG_MEANINGS = {
    "V": QT_TRANSLATE_NOOP("Sources", "checked against the legal text"),
    "S": QT_TRANSLATE_NOOP("Sources", "checked against a secondary source only"),
    "U": QT_TRANSLATE_NOOP("Sources", "not verified yet"),
    "?": QT_TRANSLATE_NOOP("Sources", "not in the source table"),
}
# An undecided red line is named as what may apply, not as what happened.
MAY_APPLY = QT_TRANSLATE_NOOP(
    "RulebookView", "Cannot be decided on what is known: a red line may apply, “%1”."
)
# The one line under a badge, naming the decisive finding.
VERDICT_REASONS = {
    "red_line": QT_TRANSLATE_NOOP("RulebookView", "A red line is crossed: %1."),
    "fails": QT_TRANSLATE_NOOP("RulebookView", "A decisive test fails: %1."),
    "insufficient_information": QT_TRANSLATE_NOOP("RulebookView", "Cannot be decided on what is known: %1."),
    "conditional": QT_TRANSLATE_NOOP(
        "RulebookView", "Passes only once the planned safeguards are in place: %1."
    ),
}
BOX_STYLE = "QFrame#rulebook, QFrame#sharedBox { border: 1px solid palette(mid); border-radius: 6px; }"


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())  # type: ignore[arg-type]


def _box(parent: QWidget) -> tuple[QWidget, QVBoxLayout]:
    widget = QWidget(parent)
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(18, 0, 0, 4)
    layout.setSpacing(4)
    return widget, layout


class _Links:
    """Collects the link buttons of a pane part, in order, for the tab chain."""

    def __init__(self) -> None:
        self.buttons: list[QWidget] = []

    def add(self, text: str, target: str, parent: QWidget, go_to: Signal, kind: str = "goto") -> LinkButton:
        """A link that emits `go_to(target)`: a question's id, or a glossary term's (kind "term")."""
        button = LinkButton(text, parent)
        button.setObjectName(f"{kind}:{target}")
        button.clicked.connect(lambda _checked=False, t=target: go_to.emit(t))
        self.buttons.append(button)
        return button


class RulebookView(QFrame):
    go_to = Signal(str)
    try_scenario = Signal(object)  # a Counterfactual: open it as a scenario beside the original
    open_term = Signal(str)  # a glossary term's id

    def __init__(
        self,
        result: RulebookResult,
        texts: Texts,
        parent: QWidget | None = None,
        glossary: Glossary | None = None,
    ) -> None:
        super().__init__(parent)
        self.rulebook_id = result.id
        self.texts = texts
        self.glossary = glossary
        self.setObjectName("rulebook")
        self.setStyleSheet(BOX_STYLE)
        self.badge = VerdictBadge(self)
        self.badge.setObjectName(f"badge:{result.id}")
        self.title = plain_label(result.title, self)
        self.title.setFont(scaled_font(self.title, 1.0, bold=True))
        self.summary = plain_label("", self)
        self.summary.setObjectName(f"summary:{result.id}")
        # Duties that start later inside the planned period: the verdict now stays the headline.
        self.later = plain_label("", self, selectable=True)
        self.later.setObjectName(f"later:{result.id}")
        self.later.hide()
        # With several uses of the system: the use whose verdict this is, and each use's verdict.
        self.use_line = muted(plain_label("", self, selectable=True))
        self.use_line.setObjectName(f"use:{result.id}")
        self.use_line.hide()
        self._use_total = 0

        self.findings_box, self.findings_layout = _box(self)
        self.why = DisclosureButton(self.tr("Why?"), self.findings_box, self)
        self.why.setObjectName(f"why:{result.id}")
        self.gaps_box, self.gaps_layout = _box(self)
        self.gaps_button = DisclosureButton(self.tr("Information gaps"), self.gaps_box, self)
        self.gaps_button.setObjectName(f"gaps:{result.id}")
        self.changes_box, self.changes_layout = _box(self)
        self.changes_button = DisclosureButton(self.tr("What would change this?"), self.changes_box, self)
        self.changes_button.setObjectName(f"changes:{result.id}")
        self.updating = muted(plain_label(self.tr("Updating gaps and what would change this…"), self))
        self.updating.hide()

        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.use_line)
        layout.addWidget(self.later)
        layout.addWidget(self.why)
        layout.addWidget(self.findings_box)
        layout.addWidget(self.gaps_button)
        layout.addWidget(self.gaps_box)
        layout.addWidget(self.changes_button)
        layout.addWidget(self.changes_box)
        layout.addWidget(self.updating)

        self._result: RulebookResult | None = None
        self._explored: RulebookResult | None = None
        self._finding_links = _Links()
        self._gap_links = _Links()
        self._change_links = _Links()
        self._try_buttons: list[QPushButton] = []
        self._term_links = _Links()

    # fast part ---------------------------------------------------------------------------------

    def show_result(self, result: RulebookResult, uses: Sequence[UseResult] = ()) -> None:
        self.badge.set_verdict(result.verdict)
        self._use_total = len(uses)
        if uses:
            each = "; ".join(f"“{u.name}” — {verdict_word(u.verdicts[result.id])}" for u in uses)
            self.use_line.setText(
                self.tr("From the use “%1”. Each use: %2.").replace("%1", result.use).replace("%2", each)
            )
        self.use_line.setVisible(bool(uses))
        first = self._decisive(result.findings)
        line = verdict_meaning(result.verdict)
        if first is not None and result.verdict in VERDICT_REASONS:
            reason = VERDICT_REASONS[result.verdict]
            if first.kind == "red_line" and first.severity == "undetermined":
                reason = MAY_APPLY
            line = translate("RulebookView", reason).replace("%1", first.title.rstrip("."))
        self.summary.setText(line)
        later = "\n".join(item.text for item in result.later)  # "From 2 December 2027, …"
        self.later.setText(later)
        self.later.setVisible(bool(later))
        set_accessible_name(self, f"{result.title}: {self.badge.text()}")
        set_accessible_description(self, line)
        if self._result is not None and (result.findings, result.tests, result.use) == (
            self._result.findings,
            self._result.tests,
            self._result.use,
        ):
            self._result = result
            return
        self._result = result
        _clear(self.findings_layout)
        self._finding_links = _Links()
        findings = sorted(result.findings, key=lambda f: SEVERITY_ORDER.index(f.severity))
        for finding in findings:
            self._add_finding(finding)
        if not findings:
            self.findings_layout.addWidget(muted(plain_label(self.tr("No rule fired."), self.findings_box)))
        if result.tests:
            # One line per test, its result in the reports' words (and marks), explained where the
            # word alone says little ("not reached"): one run-on line of raw statuses read as code.
            self.findings_layout.addWidget(
                muted(plain_label(self.tr("Tests, in the order they are run:"), self.findings_box))
            )
            for test in result.tests:
                line = plain_label(test_status_line(test.title, test.status), self.findings_box)
                line.setObjectName(f"test:{result.id}:{test.id}")
                self.findings_layout.addWidget(line)
        self._add_terms(line_text=self.summary.text(), findings=findings)
        self.why.set_label(self.tr("Why? (%1)").replace("%1", str(len(findings))))

    def _in_uses(self, names: Sequence[str]) -> str:
        """ " (in the use “X”)" when not every use of several gives it; nothing for one use."""
        if not names or len(names) >= self._use_total:
            return ""
        listed = " and ".join(f"“{n}”" for n in names)
        words = self.tr(" (in the use %1)") if len(names) == 1 else self.tr(" (in the uses %1)")
        return words.replace("%1", listed)

    def _add_terms(self, line_text: str, findings: Sequence[Finding]) -> None:
        """Links to the glossary for the terms the verdict's words use ("Art. 9(2) condition",
        "WP248", "DPIA"): a councillor meets them here first, and the glossary says them plainly."""
        self._term_links = _Links()
        if self.glossary is None:
            return
        words = "\n".join([line_text, *(f"{f.title}\n{f.text}" for f in findings)])
        terms = self.glossary.terms_in(words, self.texts.language)
        if not terms:
            return
        box = self.findings_box
        self.findings_layout.addWidget(muted(plain_label(self.tr("Words explained in the glossary:"), box)))
        for term in terms:
            name = self.texts(term.term)
            button = self._term_links.add(name, term.id, box, self.open_term, kind="term")
            button.setAccessibleName(self.tr("Glossary: %1").replace("%1", name))
            button.setToolTip(plain_tooltip(self.texts(term.definition)))
            self.findings_layout.addWidget(button)

    def _decisive(self, findings: Sequence[Finding]) -> Finding | None:
        ordered = sorted(
            (f for f in findings if f.severity in SEVERITY_ORDER[:4]),
            key=lambda f: SEVERITY_ORDER.index(f.severity),
        )
        return ordered[0] if ordered else None

    def _add_finding(self, finding: Finding) -> None:
        parent = self.findings_box
        title = plain_label(
            f"{upper_first(severity_name(finding.severity))} — {finding.title}{self._in_uses(finding.uses)}",
            parent,
        )
        title.setObjectName(f"finding:{finding.rule}")
        title.setFont(scaled_font(title, 1.0, bold=True))
        self.findings_layout.addWidget(title)
        self.findings_layout.addWidget(plain_label(finding.text, parent, selectable=True))
        asked = [ref for ref in finding.answers if ref.state != "hidden"]
        if asked:
            self.findings_layout.addWidget(muted(plain_label(self.tr("Answers that led to it:"), parent)))
            for ref in asked:
                button = self._finding_links.add(self.texts.answer_ref(ref), ref.question, parent, self.go_to)
                self.findings_layout.addWidget(button)
        # Questions the rule reads that earlier answers hide: named, not linked (a link went to no card
        # a person could see, or showed a question the questionnaire does not ask).
        hidden = [self.texts.label(ref.question) for ref in finding.answers if ref.state == "hidden"]
        if hidden:
            line = self.tr("Not asked, as earlier answers make them not apply: %1").replace(
                "%1", "; ".join(hidden)
            )
            self.findings_layout.addWidget(muted(plain_label(line, parent)))
        if finding.sources:
            # Readable names and the tag in words: an id ("AIA-3-45/46") or a bare "V" explains nothing.
            shown = "; ".join(f"{s.name or s.id} ({translate_tag(s.tag)})" for s in finding.sources)
            sources = muted(plain_label(self.tr("Sources: %1").replace("%1", shown), parent))
            self.findings_layout.addWidget(sources)

    # explored part -----------------------------------------------------------------------------

    def show_updating(self) -> None:
        self.updating.show()
        self.gaps_box.setEnabled(False)
        self.changes_box.setEnabled(False)

    def show_explored(self, result: RulebookResult) -> None:
        self.updating.hide()
        self.gaps_box.setEnabled(True)
        self.changes_box.setEnabled(True)
        if self._explored is not None and (result.gaps, result.counterfactuals) == (
            self._explored.gaps,
            self._explored.counterfactuals,
        ):
            return
        self._explored = result
        _clear(self.gaps_layout)
        self._gap_links = _Links()
        for gap in result.gaps:
            button = self._gap_links.add(
                gap.ask + self._in_uses(gap.uses), gap.question, self.gaps_box, self.go_to
            )
            button.setToolTip(plain_tooltip(f"{gap.label}\n{gap.ask}"))
            self.gaps_layout.addWidget(button)
        if not result.gaps:
            self.gaps_layout.addWidget(
                muted(plain_label(self.tr("None that block a decision."), self.gaps_box))
            )
        self.gaps_button.set_label(self.tr("Information gaps (%1)").replace("%1", str(len(result.gaps))))

        _clear(self.changes_layout)
        self._change_links = _Links()
        self._try_buttons = []
        for counterfactual in result.counterfactuals:
            self.changes_layout.addWidget(plain_label(counterfactual.text, self.changes_box, selectable=True))
            for change in counterfactual.changes:
                label = change.label or self.texts.label(change.question)
                button = self._change_links.add(
                    self.tr("Go to “%1”").replace("%1", label), change.question, self.changes_box, self.go_to
                )
                self.changes_layout.addWidget(button)
            self._add_try(counterfactual, len(self._try_buttons))
        if not result.counterfactuals:
            self.changes_layout.addWidget(
                muted(
                    plain_label(
                        self.tr("No single change of answers found that improves it."), self.changes_box
                    )
                )
            )
        self.changes_button.set_label(
            self.tr("What would change this? (%1)").replace("%1", str(len(result.counterfactuals)))
        )

    def _add_try(self, counterfactual: Counterfactual, number: int) -> None:
        """ "Try this as a scenario": a copy with this change made, opened beside the original."""
        button = QPushButton(self.tr("Try this as a scenario"), self.changes_box)
        button.setObjectName(f"tryScenario:{self.rulebook_id}:{number}")
        button.setAccessibleName(self.tr("Try this as a scenario:") + " " + counterfactual.text)
        button.setToolTip(
            self.tr(
                "Opens a copy of this assessment with this change made, in a window of its own beside "
                "this one. This assessment stays as it is."
            )
        )
        button.clicked.connect(lambda _checked=False, c=counterfactual: self.try_scenario.emit(c))
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        self.changes_layout.addLayout(row)
        self._try_buttons.append(button)

    def focus_widgets(self) -> list[QWidget]:
        return [
            self.why,
            *self._finding_links.buttons,
            *self._term_links.buttons,
            self.gaps_button,
            *self._gap_links.buttons,
            self.changes_button,
            *self._change_links.buttons,
            *self._try_buttons,
        ]


class VerdictPane(QScrollArea):
    go_to = Signal(str)
    try_scenario = Signal(object)
    open_term = Signal(str)  # a glossary term's id

    def __init__(
        self,
        texts: Texts,
        has_rulebooks: bool,
        parent: QWidget | None = None,
        glossary: Glossary | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("verdictPane")
        self.glossary = glossary
        self.setAccessibleName(self.tr("Verdicts"))  # a Tab stop: arrows scroll it
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.texts = texts
        content = QWidget(self)
        self.layout_ = QVBoxLayout(content)
        self.layout_.setContentsMargins(12, 16, 16, 16)
        self.layout_.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Verdicts"), content, 1.2), 1)
        self.summary_button = QPushButton(self.tr("Summary…"), content)
        self.summary_button.setObjectName("summaryButton")
        self.summary_button.setAccessibleName(self.tr("Summary…") + " " + self.tr("of the assessment"))
        self.summary_button.setToolTip(
            self.tr("Verdicts, decisive reasons, their answers and the main open questions on one page")
        )
        top.addWidget(self.summary_button)
        self.layout_.addLayout(top)
        self.date_label = muted(plain_label("", content))
        self.date_label.setObjectName("evaluationDate")
        self.layout_.addWidget(self.date_label)
        # The review's status: an approval, and whether it still covers the answers (main window sets it).
        review_row = QHBoxLayout()
        self.review_label = plain_label("", content, selectable=True)
        self.review_label.setObjectName("reviewLine")
        self.review_button = QPushButton(self.tr("Review…"), content)
        self.review_button.setObjectName("reviewButton")
        self.review_button.setAccessibleName(
            self.tr("Review…") + " " + self.tr("and sign-off of the assessment")
        )
        review_row.addWidget(self.review_label, 1)
        review_row.addWidget(self.review_button)
        self.layout_.addLayout(review_row)
        self.none_label = muted(
            plain_label(
                self.tr("No rulebook is installed for this questionnaire yet, so there are no verdicts."),
                content,
            )
        )
        self.none_label.setVisible(not has_rulebooks)
        self.layout_.addWidget(self.none_label)
        self.books_layout = QVBoxLayout()
        self.books_layout.setSpacing(10)
        self.layout_.addLayout(self.books_layout)
        self.views: dict[str, RulebookView] = {}
        self.last_announcement = ""

        self.inconsistency_box = QFrame(content)
        self.inconsistency_box.setObjectName("sharedBox")
        self.inconsistency_box.setStyleSheet(BOX_STYLE)
        box = QVBoxLayout(self.inconsistency_box)
        box.setContentsMargins(10, 8, 10, 8)
        box.addWidget(heading(self.tr("Inconsistent answers"), self.inconsistency_box, 1.0))
        self.inconsistency_list, self.inconsistency_layout = _box(self.inconsistency_box)
        box.addWidget(self.inconsistency_list)
        self.inconsistency_box.hide()
        self.layout_.addWidget(self.inconsistency_box)
        self._inconsistencies: tuple[Inconsistency, ...] | None = None
        self._inconsistency_links = _Links()

        self.figures_box = QFrame(content)
        self.figures_box.setObjectName("sharedBox")
        self.figures_box.setStyleSheet(BOX_STYLE)
        figures = QVBoxLayout(self.figures_box)
        figures.setContentsMargins(10, 8, 10, 8)
        figures.addWidget(heading(self.tr("Figures"), self.figures_box, 1.0))
        self.figures_list, self.figures_layout = _box(self.figures_box)
        self.figures_layout.setContentsMargins(0, 0, 0, 0)
        figures.addWidget(self.figures_list)
        self.figures_box.hide()
        self.layout_.addWidget(self.figures_box)
        self._figures: FigureSet | None = None
        self.figure_labels: dict[str, QWidget] = {}
        self.layout_.addStretch(1)
        self.setWidget(content)

    def show_evaluation(self, evaluation: Evaluation, date_note: str) -> None:
        self.date_label.setText(date_note)
        changed: list[str] = []
        for result in evaluation.rulebooks:
            view = self.views.get(result.id)
            if view is not None and view.badge.verdict and view.badge.verdict != result.verdict:
                changed.append(
                    self.tr("%1: now %2, was %3.")
                    .replace("%1", result.title)
                    .replace("%2", verdict_name(result.verdict))
                    .replace("%3", verdict_name(view.badge.verdict))
                )
            if view is None:
                view = RulebookView(result, self.texts, self.widget(), self.glossary)
                view.go_to.connect(self.go_to)
                view.try_scenario.connect(self.try_scenario)
                view.open_term.connect(self.open_term)
                self.views[result.id] = view
                self.books_layout.addWidget(view)
            view.show_result(result, evaluation.uses)
        self._show_inconsistencies(evaluation.inconsistencies)
        self._show_figures(evaluation.figures)
        if changed:
            self.announce(" ".join([self.tr("Verdict changed."), *changed]))

    def show_review(self, text: str, stale: bool) -> None:
        """The review line; a stale approval in a colour and words no one misses."""
        self.review_label.setText(text)
        self.review_label.setStyleSheet("color: #a4262c; font-weight: bold;" if stale else "")
        set_accessible_name(self.review_label, text)

    def announce(self, message: str) -> None:
        """Say a change once, politely (after what the screen reader is saying), wherever the focus is:
        the badges change on objects without focus, which screen readers do not read out."""
        self.last_announcement = message
        event = QAccessibleAnnouncementEvent(self, message)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)

    def show_updating(self) -> None:
        for view in self.views.values():
            view.show_updating()

    def show_explored(self, evaluation: Evaluation) -> None:
        for result in evaluation.rulebooks:
            view = self.views.get(result.id)
            if view is not None:
                view.show_explored(result)

    def _show_inconsistencies(self, found: tuple[Inconsistency, ...]) -> None:
        if found == self._inconsistencies:
            return
        self._inconsistencies = found
        _clear(self.inconsistency_layout)
        self._inconsistency_links = _Links()
        for inconsistency in found:
            self.inconsistency_layout.addWidget(plain_label(inconsistency.text, self.inconsistency_list))
            for question in inconsistency.questions:
                button = self._inconsistency_links.add(
                    self.tr("Go to “%1”").replace("%1", self.texts.label(question)),
                    question,
                    self.inconsistency_list,
                    self.go_to,
                )
                self.inconsistency_layout.addWidget(button)
        self.inconsistency_box.setVisible(bool(found))

    def _show_figures(self, figures: FigureSet) -> None:
        if figures == self._figures:
            return
        self._figures = figures
        _clear(self.figures_layout)
        self.figure_labels = {}
        shown = False
        for figure in (
            figures.false_alerts_per_day,
            figures.wrong_alerts_per_100,
            figures.people_scanned_per_year,
            figures.claimed_accuracy_alerts,
        ):
            if figure is None:
                continue
            shown = True
            title = plain_label(figure.label, self.figures_list)
            title.setFont(scaled_font(title, 1.0, bold=True))
            text = plain_label(figure.text, self.figures_list, selectable=True)
            text.setObjectName(f"figure:{figure.id}")
            text.setToolTip(plain_tooltip(figure.formula))
            self.figure_labels[figure.id] = text
            self.figures_layout.addWidget(title)
            self.figures_layout.addWidget(text)
        if figures.dpia is not None:
            shown = True
            title = plain_label(self.tr("Is a DPIA indicated?"), self.figures_list)
            title.setFont(scaled_font(title, 1.0, bold=True))
            text = plain_label(figures.dpia.text, self.figures_list, selectable=True)
            text.setObjectName("figure:dpia")
            self.figure_labels["dpia"] = text
            self.figures_layout.addWidget(title)
            self.figures_layout.addWidget(text)
        self.figures_box.setVisible(shown)

    def focus_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = [self.summary_button, self.review_button]
        for view in self.views.values():
            widgets.extend(view.focus_widgets())
        widgets.extend(self._inconsistency_links.buttons)
        return widgets


def translate_tag(tag: str) -> str:
    return translate("Sources", TAG_MEANINGS.get(tag, tag))
