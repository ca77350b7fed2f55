"""The report as an outline of plain blocks (headings, paragraphs, lists, tables) for the editable copies.

The Word and Markdown writers (`docx_writer`, `markdown_writer`) lay out the same outline, and the
outline is built from the same report context as the PDF templates, so every reason, title, source
name and disclaimer is worded once (in `context.py` and `wording.py`). The layout follows each
template's sections; charts become tables. Only what the context holds is shown, so the redaction,
the omission options and the private-notes rule apply here as they apply to the PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pia_wizard.core.models.messages import N_, SOURCE_LANGUAGE, Messages
from pia_wizard.report.wording import EDITABLE_NOTE, FINGERPRINT_MEANING_EDITABLE, words

Context = dict[str, Any]

EDITABLE_FORMATS = {".docx": "docx", ".md": "markdown", ".markdown": "markdown"}
BLANK = "…………………………"  # a place to fill in by hand
# The report's own words in English, for the pieces called without a context (tests, other callers).
_SOURCE = words(SOURCE_LANGUAGE)
_ENGLISH = _SOURCE.gettext


@dataclass(frozen=True)
class Run:
    """A stretch of text, optionally bold."""

    text: str
    bold: bool = False


Text = str | Run | Sequence[str | Run]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 0 = the document's title, 1–4 = headings


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    kind: str = "body"  # body, small, quote, numbered (a numbered paragraph of a submission), draft


@dataclass(frozen=True)
class Items:
    items: tuple[tuple[Run, ...], ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


Block = Heading | Para | Items | Table


@dataclass
class Outline:
    """The document: its properties and its blocks, in order."""

    title: str
    subject: str
    author: str
    keywords: str
    created: str  # ISO date the evaluation was made for (never the clock)
    language: str
    blocks: list[Block] = field(default_factory=list)

    def heading(self, text: str, level: int = 1) -> None:
        self.blocks.append(Heading(text, level))

    def para(self, *parts: str | Run, kind: str = "body") -> None:
        runs = runs_of(parts)
        if any(r.text for r in runs):
            self.blocks.append(Para(runs, kind))

    def items(self, items: Iterable[Text], numbered: bool = False) -> None:
        found = tuple(runs_of(i) for i in items)
        if found:
            self.blocks.append(Items(found, numbered))

    def table(self, header: Sequence[str], rows: Iterable[Sequence[str]], caption: str = "") -> None:
        body = tuple(tuple(str(c) for c in row) for row in rows)
        if body:
            self.blocks.append(Table(tuple(header), body, caption))


def runs_of(parts: Text) -> tuple[Run, ...]:
    if isinstance(parts, str | Run):
        parts = [parts]
    return tuple(p if isinstance(p, Run) else Run(p) for p in parts if (p.text if isinstance(p, Run) else p))


def join(*parts: str) -> str:
    """The non-empty parts, one space apart."""
    return " ".join(p.strip() for p in parts if p and p.strip())


def bold(text: str) -> Run:
    return Run(text, bold=True)


def editable_format(suffix: str) -> str | None:
    """'docx' or 'markdown' for an output file's suffix, None for the PDF and the web page."""
    return EDITABLE_FORMATS.get(suffix.lower())


# ---------------------------------------------------------------------------------------- pieces

Tr = Callable[[str], str]


def _said(c: Context) -> Messages:
    """The reports' own words in the report's language (English when the context names none)."""
    return words(c.get("language", SOURCE_LANGUAGE))


def _step_marks(tr: Tr) -> str:
    return tr("(✓ passes, ✗ fails, ? undetermined, ~ conditional, – not reached or not applicable)")


def cite(sources: Sequence[Context], most: int = 100, tr: Tr = _ENGLISH) -> str:
    """Sources inline, by their readable short names and verification tags: "(Sources: …)"."""
    if not sources:
        return ""
    named = "; ".join(f"{s['brief']} [{s['tag']}]" for s in sources[:most])
    more = tr("; and {count} more").format(count=len(sources) - most) if len(sources) > most else ""
    return tr("(Sources: {named}{more}.)").format(named=named, more=more)


def identity(c: Context) -> str:
    a = c["assessment"]
    if a["identity_omitted"]:
        return ""
    return ", ".join(x for x in (a["assessor"], a["organisation"]) if x)


def cover(out: Outline, c: Context) -> None:
    tr = _said(c).gettext
    a = c["assessment"]
    out.heading(c["document"]["title"], 0)
    out.para(c["document"]["kind"], kind="small")
    facts = [
        (tr("Deployment"), a["deployment"]),
        (tr("Operator"), a["operator"]),
        (tr("Place"), a["place"]),
        (tr("Scenario"), a["scenario"]),
        (
            tr("Uses judged"),
            "; ".join(tr("“{text}”").format(text=u) for u in a["uses"])
            + " "
            + tr("(each verdict is the worst of them)")
            if a["uses"]
            else "",
        ),
        (tr("Prepared for"), a["prepared_for"]),
        (tr("Prepared by"), identity(c)),
        (tr("Assessed on"), c["document"]["date"]),
        (
            tr("Review"),
            " ".join([c["review"]["line"], *c["review"]["notes"]]) if c["review"]["shown"] else "",
        ),
        (tr("Fingerprint (SHA-256)"), c["method"]["fingerprint"]),
    ]
    out.table(("", ""), [(k, v) for k, v in facts if v])
    draft(out, c)
    out.para(tr(EDITABLE_NOTE), kind="small")
    for line in c["method"].get("translation", []):
        out.para(line, kind="small")


def draft(out: Outline, c: Context) -> None:
    if c["draft"]:
        out.para(bold(_said(c).gettext("DRAFT — not for circulation")), kind="draft")


def verdict_table(out: Outline, c: Context) -> None:
    tr = _said(c).gettext
    if not c["verdicts"]:
        out.para(tr("No rulebook was evaluated."))
        return
    out.table(
        (tr("Rulebook"), tr("Does it apply?"), tr("Verdict")),
        [
            # Each later date's short line under the verdict, as in the PDF's verdict table.
            (
                v["title"],
                v["applies_label"].capitalize(),
                "\n".join(
                    # With several uses, the use that gives the verdict on the line under it.
                    [
                        v["label"],
                        *([v["use"][:1].upper() + v["use"][1:]] if v["use"] else []),
                        *(x["short"] for x in v["later"]),
                    ]
                ),
            )
            for v in c["verdicts"]
        ],
    )
    meanings: list[str | Run] = []
    for m in c["verdict_meanings"]:
        meanings += [bold(f"{m['label']}:"), f" {m['meaning']} "]
    out.para(*meanings, kind="small")


def tests_table(out: Outline, rulebook: Context, tr: Tr = _ENGLISH) -> None:
    """One row per step: the test, the step, its result and the reason, the chart as a table."""
    rows = []
    for test in rulebook["tests"]:
        for step in test["steps"]:
            result = f"{step['mark']} {step['status_label']}".strip()
            if not step["decisive"] and step["status"] not in ("not_reached", "not_applicable"):
                result += " " + tr("(does not decide the verdict)")
            rows.append((test["title"], step["title"], result, step["reason"]))
    out.table(
        (tr("Test"), tr("Step"), tr("Result"), tr("Reason")),
        rows,
        tr("{title}: each step in order {marks}.").format(title=rulebook["title"], marks=_step_marks(tr)),
    )


def tests_overview(out: Outline, c: Context) -> None:
    tr = _said(c).gettext
    rows = [
        (r["title"], t["title"], f"{t['mark']} {t['status_label']}".strip())
        for r in c["rulebooks"]
        if r["verdict"] != "not_applicable"
        for t in r["tests"]
    ]
    if rows:
        out.table(
            (tr("Rulebook"), tr("Test"), tr("Result")),
            rows,
            tr("Each test in the order it is run {marks}.").format(marks=_step_marks(tr)),
        )
    else:
        out.para(tr("No rulebook that applies has tests to run."))


def answers_text(answers: Sequence[Context], said: Messages = _SOURCE) -> str:
    tr = said.gettext
    known = [a for a in answers if a["state"] == "value"]
    missing = len(answers) - len(known)
    text = ""
    if known:
        listed = "; ".join(tr("“{label}”: {value}").format(label=a["label"], value=a["value"]) for a in known)
        text = tr("Answers relied on: {listed}.").format(listed=listed)
    if missing:
        text += " " + said.ngettext(
            "%(num)d answer it depends on is unknown or not given.",
            "%(num)d answers it depends on are unknown or not given.",
            missing,
        )
    return text.strip()


def evidence_text(items: Sequence[Context], tr: Tr = _ENGLISH) -> str:
    parts = []
    for e in items:
        text = tr("Evidence for “{question}”: {title}").format(question=e["question"], title=e["title"])
        if e["accessed"]:
            text += tr(", accessed {date}").format(date=e["accessed"])
        text += tr(", confidence {level} ({label})").format(
            level=e["confidence"], label=e["confidence_label"]
        )
        if e.get("shows"):
            text += tr(", for {shows} only").format(shows=e["shows"])
        if e["address"]:
            text += f", {e['address']}"
        if e["file"]:
            text += tr(", embedded file {name}").format(name=e["file"]["name"])
        parts.append(text)
    return "; ".join(parts) + "." if parts else ""


def about(out: Outline, c: Context) -> None:
    tr = _said(c).gettext
    m = c["method"]
    out.heading(tr("About this report"), 1)
    text = tr("The rules rest on legal sources compiled up to {as_of} and were applied on {on}.").format(
        as_of=m["rules_as_of"], on=m["evaluated_on"]
    )
    for cur in m["currency"]:
        if len(m["currency"]) > 1:
            text += " " + tr(
                "Dates of application under {books} follow the timeline “{timeline}” [{tag}]."
            ).format(books=", ".join(cur["rulebooks"]), timeline=cur["timeline"], tag=cur["tag"])
        else:
            text += " " + tr("Dates of application follow the timeline “{timeline}” [{tag}].").format(
                timeline=cur["timeline"], tag=cur["tag"]
            )
    text += " " + tr("Points resting on a secondary source only are marked [S], unverified points [U].")
    out.para(text)
    out.para(m["disclaimer"])
    for line in m.get("translation", []):
        out.para(line)
    if c["omitted"]:
        out.para(
            tr("Left out of this copy at the author's request: {omitted}.").format(
                omitted=", ".join(c["omitted"])
            )
        )
    out.para(
        tr("Assessment fingerprint (SHA-256): {fingerprint}.").format(fingerprint=m["fingerprint"])
        + " "
        + tr(FINGERPRINT_MEANING_EDITABLE)
    )
    out.para(tr(EDITABLE_NOTE))


def annex(out: Outline, c: Context) -> None:
    said = _said(c)
    tr = said.gettext
    x = c["annex"]
    if x is None:
        return
    out.heading(tr("Annex"), 1)
    out.para(
        tr(
            "Everything this report rests on: every answer with its notes and evidence, what is unknown, the "
            "sources with their verification tags, the terms used, and the method."
        ),
        kind="small",
    )
    out.heading(tr("A. Answers and evidence"), 2)
    scale = " · ".join(f"{e['level']} {e['label']}" for e in c["legend"]["evidence"])
    out.para(
        tr("Evidence confidence follows the scale {scale}.").format(scale=scale)
        + " "
        + said.ngettext(
            "Questions skipped by earlier answers are not shown; %(num)d shown question was left unanswered.",
            "Questions skipped by earlier answers are not shown; %(num)d shown questions were left "
            "unanswered.",
            x["unanswered"],
        ),
        kind="small",
    )
    for section in x["sections"]:
        out.heading(section["title"], 3)
        out.table(
            (tr("Question"), tr("Answer")), [(a["label"], _answer_cell(a, tr)) for a in section["answers"]]
        )
    if not x["sections"]:
        out.para(tr("No question has been answered."))
    if x["review_comments"]:
        out.heading(tr("Reviewers' comments on answers"), 3)
        out.table(
            (tr("Question"), tr("Comment")),
            [
                (
                    r["question"],
                    ", ".join(p for p in (r["state"].capitalize(), r["by"], r["date"]) if p)
                    + ": "
                    + r["text"],
                )
                for r in x["review_comments"]
            ],
        )
    out.heading(tr("B. Unknowns"), 2)
    if x["unknowns"]:
        out.items(
            [
                u["label"]
                + f" ({u['section']})"
                + (" " + tr("To ask: {ask}").format(ask=u["ask"]) if u["ask"] else "")
                for u in x["unknowns"]
            ]
        )
    else:
        out.para(tr("No answer is marked unknown."))
    out.heading(tr("C. Sources"), 2)
    tags = " · ".join(f"[{t['tag']}] {t['label']}" for t in c["legend"]["tags"])
    out.para(tr("Tags: {tags}.").format(tags=tags), kind="small")
    if x["sources"]:
        out.table(
            (tr("Source"), tr("Verification"), tr("Address and note")),
            [
                (
                    s["short"],
                    f"[{s['tag']}] {s['tag_label']}",
                    " ".join(p for p in (s["address"], s["note"]) if p),
                )
                for s in x["sources"]
            ],
        )
    else:
        out.para(tr("No source is cited."))
    out.heading(tr("D. Glossary"), 2)
    for term in x["glossary"]:
        out.para(bold(f"{term['term']}."), " " + join(term["definition"], cite(term["sources"], tr=tr)))
    if not x["glossary"]:
        out.para(tr("No glossary term occurs in this report."))
    method(out, c)


def _answer_cell(a: Context, tr: Tr = _ENGLISH) -> str:
    lines = [a["value"]]
    if a["note"]:
        lines.append(tr("Note: {note}").format(note=a["note"]))
    lines.extend(_evidence_lines(a["evidence"], tr))
    for item in a["group_items"]:
        lines.append(item["label"])
        for sub in item["answers"]:
            lines.append(f"{sub['label']}: {sub['value']}")
            if sub["note"]:
                lines.append(tr("Note: {note}").format(note=sub["note"]))
            lines.extend(_evidence_lines(sub["evidence"], tr))
    return "\n".join(lines)


def _evidence_lines(items: Sequence[Context], tr: Tr = _ENGLISH) -> list[str]:
    lines = []
    for e in items:
        shows = tr(", for {shows} only").format(shows=e["shows"]) if e.get("shows") else ""
        text = tr("Evidence, confidence {level} ({label}){shows}: {title}").format(
            level=e["confidence"], label=e["confidence_label"], shows=shows, title=e["title"]
        )
        if e["accessed"]:
            text += tr(", accessed {date}").format(date=e["accessed"])
        if e["address"]:
            text += f", {e['address']}"
        if e["file"]:
            text += tr(", embedded file {name} (SHA-256 {sha256})").format(
                name=e["file"]["name"], sha256=e["file"]["sha256"]
            )
        lines.append(text)
        if e["quote"]:
            lines.append(tr("“{text}”").format(text=e["quote"]))
    return lines


def method(out: Outline, c: Context) -> None:
    tr = _said(c).gettext
    m = c["method"]
    out.heading(tr("E. Method and disclaimer"), 2)
    out.para(m["disclaimer"])
    for line in m.get("translation", []):
        out.para(line)
    books = "; ".join(
        tr("{title}, version {version}").format(title=b["title"], version=b["version"])
        for b in m["rulebooks"]
    ) or tr("none")
    out.para(
        tr(
            "Questionnaire: {questionnaire}. Rulebooks: {books}. Evaluated on {on} by {by}. The rules rest "
            "on legal sources compiled up to {as_of}."
        ).format(
            questionnaire=m["questionnaire"],
            books=books,
            on=m["evaluated_on"],
            by=m["generator"],
            as_of=m["rules_as_of"],
        )
    )
    for t in m["timelines"]:
        if not t["timeline"]:
            continue
        dates = "; ".join(
            tr("{title} from {date}").format(title=d["title"], date=d["date"]) for d in t["dates"]
        )
        out.para(
            tr("Dates of application under {rulebook}: the “{timeline}” timeline [{tag}] ({label})").format(
                rulebook=t["rulebook"], timeline=t["timeline"], tag=t["tag"], label=t["tag_label"]
            )
            + (": " + dates if dates else "")
            + ". "
            + tr("A rule not yet in force is reported “applies from …” and does not count toward a verdict.")
        )
    out.para(
        tr(
            "How a verdict is reached: a red line counts unless every condition of an exception is shown "
            "by evidence at the required level; unknown never counts as a pass; a rulebook whose "
            "jurisdiction does not cover the deployment is “not applicable”."
        )
    )
    out.para(
        tr("Fingerprint (SHA-256 of the assessment data): {fingerprint}.").format(
            fingerprint=m["fingerprint"]
        )
        + " "
        + tr(FINGERPRINT_MEANING_EDITABLE)
    )


def why_it_matters(gap: Context, most: int, tr: Tr = _ENGLISH, decides: bool = True) -> str:
    """Per rulebook, the points the answer decides ("under X, the answer decides …"; without `decides`,
    "under X, for …")."""
    form = "under {rulebook}, the answer decides {titles}" if decides else "under {rulebook}, for {titles}"
    parts = []
    for b in gap["by_rulebook"]:
        titles = ", ".join(tr("“{text}”").format(text=t) for t in b["titles"][:most])
        more = len(b["titles"]) - most
        parts.append(
            tr(form).format(rulebook=b["rulebook"], titles=titles)
            + (tr(" and {count} other points").format(count=more) if more > 0 else "")
        )
    return "; ".join(parts)


def _why_forms() -> None:  # pragma: no cover - marks why_it_matters' two forms for extraction
    N_("under {rulebook}, the answer decides {titles}")
    N_("under {rulebook}, for {titles}")


# ---------------------------------------------------------------------------------------- templates


def briefing(out: Outline, c: Context) -> None:
    said = _said(c)
    tr = said.gettext
    cover(out, c)
    out.heading(tr("In short"), 1)  # one sentence per rulebook, to be read aloud
    out.items(c["headlines"])
    out.heading(tr("Verdict"), 1)
    verdict_table(out, c)
    out.heading(tr("Decisive reasons"), 1)
    if c["reasons"]:
        out.items(
            [
                [
                    f"{r['rulebook']} · {r['severity_label']}: ",
                    bold(f"{r['title']}."),
                    " " + join(r["gist"], cite(r["sources"], tr=tr)),
                ]
                for r in c["reasons"][:5]
            ],
            numbered=True,
        )
    else:
        out.para(tr("No red line, failure or open question decides any verdict."))
    out.heading(tr("Safeguards that must hold before any procurement"), 1)
    safeguards = c["safeguards"][:6]
    out.items([join(s["text"], cite(s["sources"], tr=tr)) for s in safeguards])
    if len(c["safeguards"]) > len(safeguards):
        out.para(
            said.ngettext(
                "%(num)d further safeguard is listed in the formal submission.",
                "%(num)d further safeguards are listed in the formal submission.",
                len(c["safeguards"]) - len(safeguards),
            )
        )
    if not safeguards:
        out.para(tr("The rulebooks name no safeguard for this deployment as answered."))
    out.heading(tr("Key information gaps"), 1)
    gaps = c["gaps"][:5]
    if gaps:
        out.para(
            tr(
                "What the operator has not shown, most decisive first. Until it is answered, these questions "
                "keep verdicts open."
            ),
            kind="small",
        )
        out.items(
            [
                f"{g['ask']} ("
                + tr("{state}; it decides: {decides}").format(
                    state=g["state_label"], decides="; ".join(g["decides"][:3])
                )
                + (
                    tr("; and {count} more").format(count=len(g["decides"]) - 3)
                    if len(g["decides"]) > 3
                    else ""
                )
                + ")"
                for g in gaps
            ],
            numbered=True,
        )
        if len(c["gaps"]) > len(gaps):
            out.para(
                said.ngettext(
                    "%(num)d further question is listed in the information-request letter.",
                    "%(num)d further questions are listed in the information-request letter.",
                    len(c["gaps"]) - len(gaps),
                )
            )
    else:
        out.para(tr("No missing answer blocks a verdict."))
    out.heading(tr("Legality, necessity and proportionality"), 1)
    tests_overview(out, c)
    if c["counterfactuals"][:2]:
        out.heading(tr("What would change a verdict"), 2)
        out.items([f"{x['text']} ({x['kind_label']})" for x in c["counterfactuals"][:2]])
    about(out, c)
    annex(out, c)


def submission(out: Outline, c: Context) -> None:
    said = _said(c)
    tr = said.gettext
    cover(out, c)
    a = c["assessment"]
    org = "" if a["identity_omitted"] else a["organisation"]
    out.para(
        (tr("Submitted to {to}.").format(to=a["prepared_for"]) + " " if a["prepared_for"] else "")
        + (tr("Submitted by {by}.").format(by=org) if org else "")
    )
    out.heading(tr("1. Summary"), 1)
    for s in c["summary"]:
        out.para(s, kind="numbered")
    verdict_table(out, c)
    out.heading(tr("2. The deployment and its figures"), 1)
    if a["deployment"]:
        text = tr("The deployment assessed: {deployment}").format(deployment=a["deployment"])
        text += tr(", operated by {operator}").format(operator=a["operator"]) if a["operator"] else ""
        text += tr(", at {place}").format(place=a["place"]) if a["place"] else ""
        out.para(text + ".", kind="numbered")
    figures(out, c)
    if c["dpia"]:
        out.para(bold(tr("Data protection impact assessment:") + " "), c["dpia"]["text"], kind="numbered")
    for i in c["inconsistencies"]:
        out.para(
            bold(tr("Inconsistent answers:") + " "),
            f"{i['text']} ({'; '.join(i['questions'])})",
            kind="numbered",
        )
    out.heading(tr("3. Analysis"), 1)
    for r in c["rulebooks"]:
        out.heading(f"{r['title']} — {r['label']}", 2)
        out.para(
            f"{r['description']} "
            + tr("Jurisdiction: {jurisdiction}; for this deployment the rulebook {applies}.").format(
                jurisdiction=r["jurisdiction"], applies=r["applies_label"]
            )
            + " "
            + tr("Verdict:")
            + " ",
            bold(r["label"]),
            f" — {r['meaning']}",
            kind="numbered",
        )
        for f in r["findings"]:
            if f["kind"] == "step":
                continue
            since = tr(", applies from {date}").format(date=f["applies_from"]) if f["applies_from"] else ""
            detail = f"({f['severity_inline']}{since})"
            out.para(
                bold(f["title"]),
                " ".join(
                    p
                    for p in (
                        f" {detail}.",
                        f["text"],
                        answers_text(f["answers"], said),
                        cite(f["sources"], tr=tr),
                        evidence_text(f["evidence"], tr),
                    )
                    if p
                ),
                kind="numbered",
            )
        if r["verdict"] != "not_applicable" and r["tests"]:
            tests_table(out, r, tr)
            for t in r["tests"]:
                for s in t["steps"]:
                    if s["status"] in ("not_reached", "not_applicable", "not_in_force"):
                        continue
                    note = " ".join(
                        p
                        for p in (
                            answers_text(s["answers"], said),
                            cite(s["sources"], tr=tr),
                            evidence_text(s["evidence"], tr),
                        )
                        if p
                    )
                    if note:
                        out.para(bold(f"{t['title']} — {s['title']}: "), note, kind="small")
    out.heading(tr("4. Information the operator has not provided"), 1)
    for g in c["gaps"]:
        matters = why_it_matters(g, 8, tr, decides=False)
        out.para(
            join(
                f"{g['ask']} ({g['state_label']}) " + tr("It matters {matters}.").format(matters=matters),
                cite(g["sources"], 6, tr),
            ),
            kind="numbered",
        )
    if not c["gaps"]:
        out.para(tr("No missing answer blocks a verdict."), kind="numbered")
    out.heading(tr("5. Recommendations"), 1)
    if c["gaps"]:
        out.para(
            tr(
                "The operator should answer each question in section 4, with documents, before any decision "
                "is taken."
            ),
            kind="numbered",
        )
    for s in c["safeguards"]:
        out.para(
            join(
                tr("Require this safeguard:") + f" {s['text']} ({', '.join(s['rulebooks'])})",
                cite(s["sources"], tr=tr),
            ),
            kind="numbered",
        )
    for x in c["counterfactuals"]:
        out.para(f"{x['text']} ({x['kind_label']})", kind="numbered")
    if not c["gaps"] and not c["safeguards"] and not c["counterfactuals"]:
        out.para(tr("The rulebooks make no recommendation for this deployment as answered."), kind="numbered")
    about(out, c)
    annex(out, c)


def figures(out: Outline, c: Context) -> None:
    tr = _said(c).gettext
    out.table(
        (tr("Figure"), tr("Value"), tr("How it is computed"), tr("Inputs")),
        [
            (
                f["label"],
                f"{f['value']} {f['unit']}".strip() if f["known"] else f["text"],
                f["formula"],
                "; ".join(f"{i['label']} = {i['value']}" for i in f["inputs"]),
            )
            for f in c["figures"]
        ],
    )


def factsheet(out: Outline, c: Context) -> None:
    tr = _said(c).gettext
    cover(out, c)
    out.heading(tr("In short"), 1)
    out.items(c["summary"])
    verdict_table(out, c)
    out.heading(tr("The figures"), 1)
    if c["figures"]:
        figures(out, c)
    else:
        out.para(tr("The questionnaire defines no figures for this deployment."))
    if c["dpia"]:
        out.para(bold(tr("Impact assessment:") + " "), c["dpia"]["text"] + ".")
    for i in c["inconsistencies"]:
        out.para(
            bold(tr("Answers that do not fit together:") + " "), f"{i['text']} ({'; '.join(i['questions'])})"
        )
    out.heading(tr("What is unknown"), 1)
    if c["unknowns"]:
        out.para(tr("The operator has not disclosed, or the assessor could not find out:"))
        out.items([f"{u['label']} ({u['section']})" for u in c["unknowns"]])
    undecided = [g["label"] for g in c["gaps"] if g["state"] == "unanswered"]
    if undecided:
        out.para(tr("Not yet answered, though a verdict depends on it:"))
        out.items(undecided)
    weak = [g["label"] for g in c["gaps"] if g["state"] == "evidence"]
    if weak:
        out.para(tr("Answered, but only on evidence too weak to rely on:"))
        out.items(weak)
    if not c["unknowns"] and not undecided and not weak:
        out.para(tr("Nothing decisive is unknown."))
    out.heading(tr("Questions to put to the operator"), 1)
    if c["gaps"]:
        out.items([g["ask"] for g in c["gaps"]], numbered=True)
    else:
        out.para(tr("No open question decides a verdict."))
    about(out, c)
    annex(out, c)


def information_request(out: Outline, c: Context) -> None:
    tr = _said(c).gettext
    a, letter = c["assessment"], c["letter"]
    sender = [] if a["identity_omitted"] else [x for x in (a["assessor"], a["organisation"]) if x]
    for line in sender or [BLANK]:
        out.para(line)
    out.para(bold(tr("To:") + " "), letter["recipient"] or BLANK)
    out.table(
        ("", ""),
        [
            (tr("Date"), c["document"]["date"]),
            (tr("Our reference"), letter["reference"] or BLANK),
            (tr("Please reply by"), letter["reply_by"] or BLANK),
        ],
    )
    draft(out, c)
    out.heading(tr("Request for information"), 0)
    out.para(tr("Dear Sir or Madam,"))
    out.para(tr("We are assessing the deployment described here:"))
    facts = [
        (tr("Deployment"), c["document"]["title"] or a["deployment"]),
        (tr("Place"), a["place"]),
        (tr("Operator"), a["operator"]),
    ]
    out.table(("", ""), [(k, v) for k, v in facts if v])
    out.para(
        tr(
            "Whether it meets the legal requirements that apply to it cannot be decided without the "
            "information listed below. Please answer each numbered request. Where a document exists (a "
            "contract, an impact assessment, an authorisation, a test report), please send a copy or tell us "
            "where it is published. Where the information does not exist, please say so: that is an answer "
            "too."
        )
    )
    out.heading(tr("Legal basis of this request"), 1)
    out.para(letter["legal_basis"] or BLANK)
    out.heading(tr("Information requested"), 1)
    if c["gaps"]:
        out.items(
            [
                join(
                    g["ask"],
                    tr("Why it matters: {why}.").format(why=why_it_matters(g, 2, tr)),
                    cite(g["sources"], 3, tr),
                )
                for g in c["gaps"]
            ],
            numbered=True,
        )
    else:
        out.para(
            tr(
                "At present no missing information blocks the assessment; we would nonetheless welcome any "
                "document that shows how the deployment meets its legal requirements."
            )
        )
    reply = letter["reply_by"] or BLANK
    quoting = (
        tr(", quoting our reference {reference}").format(reference=letter["reference"])
        if letter["reference"]
        else ""
    )
    out.para(tr("Please reply by") + f" {reply}{quoting}.")
    out.para(tr("Yours faithfully,"))
    for line in sender or [BLANK]:
        out.para(line)
    m = c["method"]
    timelines = ", ".join(
        tr("the timeline “{timeline}” [{tag}]").format(timeline=x["timeline"], tag=x["tag"])
        for x in m["currency"]
    )
    out.para(
        tr("The legal points in this letter rest on sources compiled up to {as_of}").format(
            as_of=m["rules_as_of"]
        )
        + (
            " " + tr("and on the dates of application of {timelines}").format(timelines=timelines)
            if timelines
            else ""
        )
        + ". "
        + tr("Points resting on a secondary source only are marked [S], unverified points [U].")
        + " "
        + tr("This letter is not legal advice."),
        kind="small",
    )
    for line in m.get("translation", []):
        out.para(line, kind="small")
    out.para(tr(EDITABLE_NOTE), kind="small")


BUILDERS: dict[str, Callable[[Outline, Context], None]] = {
    "briefing": briefing,
    "submission": submission,
    "factsheet": factsheet,
    "information-request": information_request,
}


def build_outline(context: Context) -> Outline:
    """The outline of the report the context describes (its template named in `context['template']`)."""
    a = context["assessment"]
    out = Outline(
        title=context["document"]["title"],
        subject=f"{context['document']['kind']}: {a['deployment']}"
        if a["deployment"]
        else context["document"]["kind"],
        author=identity(context),
        keywords="biometric surveillance; impact assessment",
        created=context["document"]["date_iso"],
        language=context["language"],
    )
    BUILDERS[context["template"]["name"]](out, context)
    return out


def editable_bytes(context: Context, kind: str) -> bytes:
    """The report as a Word document ('docx') or as Markdown ('markdown'), from its context."""
    outline = build_outline(context)
    generator = context["document"]["generator"]
    if kind == "docx":
        from pia_wizard.report.docx_writer import docx_bytes

        return docx_bytes(outline, generator)
    if kind == "markdown":
        from pia_wizard.report.markdown_writer import markdown_text

        return markdown_text(outline, generator).encode("utf-8")
    raise ValueError(f"no editable format {kind!r} (formats: docx, markdown)")
