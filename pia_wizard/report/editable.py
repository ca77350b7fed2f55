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

from pia_wizard.report.wording import EDITABLE_NOTE, FINGERPRINT_MEANING_EDITABLE

Context = dict[str, Any]

EDITABLE_FORMATS = {".docx": "docx", ".md": "markdown", ".markdown": "markdown"}
BLANK = "…………………………"  # a place to fill in by hand
STEP_MARKS = "(✓ passes, ✗ fails, ? undetermined, ~ conditional, – not reached or not applicable)"


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


def cite(sources: Sequence[Context], most: int = 100) -> str:
    """Sources inline, by their readable short names and verification tags: "(Sources: …)"."""
    if not sources:
        return ""
    named = "; ".join(f"{s['brief']} [{s['tag']}]" for s in sources[:most])
    more = f"; and {len(sources) - most} more" if len(sources) > most else ""
    return f"(Sources: {named}{more}.)"


def identity(c: Context) -> str:
    a = c["assessment"]
    if a["identity_omitted"]:
        return ""
    return ", ".join(x for x in (a["assessor"], a["organisation"]) if x)


def cover(out: Outline, c: Context) -> None:
    a = c["assessment"]
    out.heading(c["document"]["title"], 0)
    out.para(c["document"]["kind"], kind="small")
    facts = [
        ("Deployment", a["deployment"]),
        ("Operator", a["operator"]),
        ("Place", a["place"]),
        ("Scenario", a["scenario"]),
        (
            "Uses judged",
            "; ".join(f"“{u}”" for u in a["uses"]) + " (each verdict is the worst of them)"
            if a["uses"]
            else "",
        ),
        ("Prepared for", a["prepared_for"]),
        ("Prepared by", identity(c)),
        ("Assessed on", c["document"]["date"]),
        ("Review", " ".join([c["review"]["line"], *c["review"]["notes"]]) if c["review"]["shown"] else ""),
        ("Fingerprint (SHA-256)", c["method"]["fingerprint"]),
    ]
    out.table(("", ""), [(k, v) for k, v in facts if v])
    draft(out, c)
    out.para(EDITABLE_NOTE, kind="small")


def draft(out: Outline, c: Context) -> None:
    if c["draft"]:
        out.para(bold("DRAFT — not for circulation"), kind="draft")


def verdict_table(out: Outline, c: Context) -> None:
    if not c["verdicts"]:
        out.para("No rulebook was evaluated.")
        return
    out.table(
        ("Rulebook", "Does it apply?", "Verdict"),
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


def tests_table(out: Outline, rulebook: Context) -> None:
    """One row per step: the test, the step, its result and the reason, the chart as a table."""
    rows = []
    for test in rulebook["tests"]:
        for step in test["steps"]:
            result = f"{step['mark']} {step['status_label']}".strip()
            if not step["decisive"] and step["status"] not in ("not_reached", "not_applicable"):
                result += " (does not decide the verdict)"
            rows.append((test["title"], step["title"], result, step["reason"]))
    out.table(
        ("Test", "Step", "Result", "Reason"), rows, f"{rulebook['title']}: each step in order {STEP_MARKS}."
    )


def tests_overview(out: Outline, c: Context) -> None:
    rows = [
        (r["title"], t["title"], f"{t['mark']} {t['status_label']}".strip())
        for r in c["rulebooks"]
        if r["verdict"] != "not_applicable"
        for t in r["tests"]
    ]
    if rows:
        out.table(("Rulebook", "Test", "Result"), rows, f"Each test in the order it is run {STEP_MARKS}.")
    else:
        out.para("No rulebook that applies has tests to run.")


def answers_text(answers: Sequence[Context]) -> str:
    known = [a for a in answers if a["state"] == "value"]
    missing = len(answers) - len(known)
    text = ""
    if known:
        text = "Answers relied on: " + "; ".join(f"“{a['label']}”: {a['value']}" for a in known) + "."
    if missing:
        verb = "are" if missing > 1 else "is"
        text += f" {missing} answer{'s' if missing > 1 else ''} it depends on {verb} unknown or not given."
    return text.strip()


def evidence_text(items: Sequence[Context]) -> str:
    parts = []
    for e in items:
        text = f"Evidence for “{e['question']}”: {e['title']}"
        if e["accessed"]:
            text += f", accessed {e['accessed']}"
        text += f", confidence {e['confidence']} ({e['confidence_label']})"
        if e.get("shows"):
            text += f", for {e['shows']} only"
        if e["address"]:
            text += f", {e['address']}"
        if e["file"]:
            text += f", embedded file {e['file']['name']}"
        parts.append(text)
    return "; ".join(parts) + "." if parts else ""


def about(out: Outline, c: Context) -> None:
    m = c["method"]
    out.heading("About this report", 1)
    text = (
        f"The rules rest on legal sources compiled up to {m['rules_as_of']} and were applied on "
        f"{m['evaluated_on']}."
    )
    for cur in m["currency"]:
        under = f" under {', '.join(cur['rulebooks'])}" if len(m["currency"]) > 1 else ""
        text += f" Dates of application{under} follow the timeline “{cur['timeline']}” [{cur['tag']}]."
    text += " Points resting on a secondary source only are marked [S], unverified points [U]."
    out.para(text)
    out.para(m["disclaimer"])
    if c["omitted"]:
        out.para(f"Left out of this copy at the author's request: {', '.join(c['omitted'])}.")
    out.para(f"Assessment fingerprint (SHA-256): {m['fingerprint']}. {FINGERPRINT_MEANING_EDITABLE}")
    out.para(EDITABLE_NOTE)


def annex(out: Outline, c: Context) -> None:
    x = c["annex"]
    if x is None:
        return
    out.heading("Annex", 1)
    out.para(
        "Everything this report rests on: every answer with its notes and evidence, what is unknown, the "
        "sources with their verification tags, the terms used, and the method.",
        kind="small",
    )
    out.heading("A. Answers and evidence", 2)
    scale = " · ".join(f"{e['level']} {e['label']}" for e in c["legend"]["evidence"])
    n = x["unanswered"]
    out.para(
        f"Evidence confidence follows the scale {scale}. Questions skipped by earlier answers are not shown; "
        f"{n} shown question{'' if n == 1 else 's'} {'was' if n == 1 else 'were'} left unanswered.",
        kind="small",
    )
    for section in x["sections"]:
        out.heading(section["title"], 3)
        out.table(("Question", "Answer"), [(a["label"], _answer_cell(a)) for a in section["answers"]])
    if not x["sections"]:
        out.para("No question has been answered.")
    if x["review_comments"]:
        out.heading("Reviewers' comments on answers", 3)
        out.table(
            ("Question", "Comment"),
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
    out.heading("B. Unknowns", 2)
    if x["unknowns"]:
        out.items(
            [
                u["label"] + f" ({u['section']})" + (f" To ask: {u['ask']}" if u["ask"] else "")
                for u in x["unknowns"]
            ]
        )
    else:
        out.para("No answer is marked unknown.")
    out.heading("C. Sources", 2)
    tags = " · ".join(f"[{t['tag']}] {t['label']}" for t in c["legend"]["tags"])
    out.para(f"Tags: {tags}.", kind="small")
    if x["sources"]:
        out.table(
            ("Source", "Verification", "Address and note"),
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
        out.para("No source is cited.")
    out.heading("D. Glossary", 2)
    for term in x["glossary"]:
        out.para(bold(f"{term['term']}."), " " + join(term["definition"], cite(term["sources"])))
    if not x["glossary"]:
        out.para("No glossary term occurs in this report.")
    method(out, c)


def _answer_cell(a: Context) -> str:
    lines = [a["value"]]
    if a["note"]:
        lines.append(f"Note: {a['note']}")
    lines.extend(_evidence_lines(a["evidence"]))
    for item in a["group_items"]:
        lines.append(item["label"])
        for sub in item["answers"]:
            lines.append(f"{sub['label']}: {sub['value']}")
            if sub["note"]:
                lines.append(f"Note: {sub['note']}")
            lines.extend(_evidence_lines(sub["evidence"]))
    return "\n".join(lines)


def _evidence_lines(items: Sequence[Context]) -> list[str]:
    lines = []
    for e in items:
        shows = f", for {e['shows']} only" if e.get("shows") else ""
        text = f"Evidence, confidence {e['confidence']} ({e['confidence_label']}){shows}: {e['title']}"
        if e["accessed"]:
            text += f", accessed {e['accessed']}"
        if e["address"]:
            text += f", {e['address']}"
        if e["file"]:
            text += f", embedded file {e['file']['name']} (SHA-256 {e['file']['sha256']})"
        lines.append(text)
        if e["quote"]:
            lines.append(f"“{e['quote']}”")
    return lines


def method(out: Outline, c: Context) -> None:
    m = c["method"]
    out.heading("E. Method and disclaimer", 2)
    out.para(m["disclaimer"])
    books = "; ".join(f"{b['title']}, version {b['version']}" for b in m["rulebooks"]) or "none"
    out.para(
        f"Questionnaire: {m['questionnaire']}. Rulebooks: {books}. Evaluated on {m['evaluated_on']} by "
        f"{m['generator']}. The rules rest on legal sources compiled up to {m['rules_as_of']}."
    )
    for t in m["timelines"]:
        if not t["timeline"]:
            continue
        dates = "; ".join(f"{d['title']} from {d['date']}" for d in t["dates"])
        out.para(
            f"Dates of application under {t['rulebook']}: the “{t['timeline']}” timeline [{t['tag']}] "
            f"({t['tag_label']}){': ' + dates if dates else ''}. A rule not yet in force is reported "
            "“applies from …” and does not count toward a verdict."
        )
    out.para(
        "How a verdict is reached: a red line counts unless every condition of an exception is shown by "
        "evidence at the required level; unknown never counts as a pass; a rulebook whose jurisdiction does "
        "not cover the deployment is “not applicable”."
    )
    out.para(
        f"Fingerprint (SHA-256 of the assessment data): {m['fingerprint']}. {FINGERPRINT_MEANING_EDITABLE}"
    )


def why_it_matters(gap: Context, most: int) -> str:
    parts = []
    for b in gap["by_rulebook"]:
        titles = ", ".join(f"“{t}”" for t in b["titles"][:most])
        more = len(b["titles"]) - most
        parts.append(
            f"under {b['rulebook']}, the answer decides {titles}"
            + (f" and {more} other points" if more > 0 else "")
        )
    return "; ".join(parts)


# ---------------------------------------------------------------------------------------- templates


def briefing(out: Outline, c: Context) -> None:
    cover(out, c)
    out.heading("In short", 1)  # one sentence per rulebook, to be read aloud
    out.items(c["headlines"])
    out.heading("Verdict", 1)
    verdict_table(out, c)
    out.heading("Decisive reasons", 1)
    if c["reasons"]:
        out.items(
            [
                [
                    f"{r['rulebook']} · {r['severity_label']}: ",
                    bold(f"{r['title']}."),
                    " " + join(r["gist"], cite(r["sources"])),
                ]
                for r in c["reasons"][:5]
            ],
            numbered=True,
        )
    else:
        out.para("No red line, failure or open question decides any verdict.")
    out.heading("Safeguards that must hold before any procurement", 1)
    safeguards = c["safeguards"][:6]
    out.items([join(s["text"], cite(s["sources"])) for s in safeguards])
    if len(c["safeguards"]) > len(safeguards):
        out.para(
            f"{len(c['safeguards']) - len(safeguards)} further safeguards are listed in the formal "
            "submission."
        )
    if not safeguards:
        out.para("The rulebooks name no safeguard for this deployment as answered.")
    out.heading("Key information gaps", 1)
    gaps = c["gaps"][:5]
    if gaps:
        out.para(
            "What the operator has not shown, most decisive first. Until it is answered, these questions "
            "keep verdicts open.",
            kind="small",
        )
        out.items(
            [
                f"{g['ask']} ({g['state_label']}; it decides: {'; '.join(g['decides'][:3])}"
                + (f"; and {len(g['decides']) - 3} more" if len(g["decides"]) > 3 else "")
                + ")"
                for g in gaps
            ],
            numbered=True,
        )
        if len(c["gaps"]) > len(gaps):
            out.para(
                f"{len(c['gaps']) - len(gaps)} further questions are listed in the information-request "
                "letter."
            )
    else:
        out.para("No missing answer blocks a verdict.")
    out.heading("Legality, necessity and proportionality", 1)
    tests_overview(out, c)
    if c["counterfactuals"][:2]:
        out.heading("What would change a verdict", 2)
        out.items([f"{x['text']} ({x['kind_label']})" for x in c["counterfactuals"][:2]])
    about(out, c)
    annex(out, c)


def submission(out: Outline, c: Context) -> None:
    cover(out, c)
    a = c["assessment"]
    org = "" if a["identity_omitted"] else a["organisation"]
    out.para(
        (f"Submitted to {a['prepared_for']}. " if a["prepared_for"] else "")
        + (f"Submitted by {org}." if org else "")
    )
    out.heading("1. Summary", 1)
    for s in c["summary"]:
        out.para(s, kind="numbered")
    verdict_table(out, c)
    out.heading("2. The deployment and its figures", 1)
    if a["deployment"]:
        text = f"The deployment assessed: {a['deployment']}"
        text += f", operated by {a['operator']}" if a["operator"] else ""
        text += f", at {a['place']}" if a["place"] else ""
        out.para(text + ".", kind="numbered")
    figures(out, c)
    if c["dpia"]:
        out.para(bold("Data protection impact assessment: "), c["dpia"]["text"], kind="numbered")
    for i in c["inconsistencies"]:
        out.para(
            bold("Inconsistent answers: "), f"{i['text']} ({'; '.join(i['questions'])})", kind="numbered"
        )
    out.heading("3. Analysis", 1)
    for r in c["rulebooks"]:
        out.heading(f"{r['title']} — {r['label']}", 2)
        out.para(
            f"{r['description']} Jurisdiction: {r['jurisdiction']}; for this deployment the rulebook "
            f"{r['applies_label']}. Verdict: ",
            bold(r["label"]),
            f" — {r['meaning']}",
            kind="numbered",
        )
        for f in r["findings"]:
            if f["kind"] == "step":
                continue
            since = f", applies from {f['applies_from']}" if f["applies_from"] else ""
            detail = f"({f['severity_label'].lower()}{since})"
            out.para(
                bold(f["title"]),
                " ".join(
                    p
                    for p in (
                        f" {detail}.",
                        f["text"],
                        answers_text(f["answers"]),
                        cite(f["sources"]),
                        evidence_text(f["evidence"]),
                    )
                    if p
                ),
                kind="numbered",
            )
        if r["verdict"] != "not_applicable" and r["tests"]:
            tests_table(out, r)
            for t in r["tests"]:
                for s in t["steps"]:
                    if s["status"] in ("not_reached", "not_applicable", "not_in_force"):
                        continue
                    note = " ".join(
                        p
                        for p in (
                            answers_text(s["answers"]),
                            cite(s["sources"]),
                            evidence_text(s["evidence"]),
                        )
                        if p
                    )
                    if note:
                        out.para(bold(f"{t['title']} — {s['title']}: "), note, kind="small")
    out.heading("4. Information the operator has not provided", 1)
    for g in c["gaps"]:
        matters = why_it_matters(g, 8).replace("the answer decides", "for")
        out.para(
            join(f"{g['ask']} ({g['state_label']}) It matters {matters}.", cite(g["sources"], 6)),
            kind="numbered",
        )
    if not c["gaps"]:
        out.para("No missing answer blocks a verdict.", kind="numbered")
    out.heading("5. Recommendations", 1)
    if c["gaps"]:
        out.para(
            "The operator should answer each question in section 4, with documents, before any decision "
            "is taken.",
            kind="numbered",
        )
    for s in c["safeguards"]:
        out.para(
            join(f"Require this safeguard: {s['text']} ({', '.join(s['rulebooks'])})", cite(s["sources"])),
            kind="numbered",
        )
    for x in c["counterfactuals"]:
        out.para(f"{x['text']} ({x['kind_label']})", kind="numbered")
    if not c["gaps"] and not c["safeguards"] and not c["counterfactuals"]:
        out.para("The rulebooks make no recommendation for this deployment as answered.", kind="numbered")
    about(out, c)
    annex(out, c)


def figures(out: Outline, c: Context) -> None:
    out.table(
        ("Figure", "Value", "How it is computed", "Inputs"),
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
    cover(out, c)
    out.heading("In short", 1)
    out.items(c["summary"])
    verdict_table(out, c)
    out.heading("The figures", 1)
    if c["figures"]:
        figures(out, c)
    else:
        out.para("The questionnaire defines no figures for this deployment.")
    if c["dpia"]:
        out.para(bold("Impact assessment: "), c["dpia"]["text"] + ".")
    for i in c["inconsistencies"]:
        out.para(bold("Answers that do not fit together: "), f"{i['text']} ({'; '.join(i['questions'])})")
    out.heading("What is unknown", 1)
    if c["unknowns"]:
        out.para("The operator has not disclosed, or the assessor could not find out:")
        out.items([f"{u['label']} ({u['section']})" for u in c["unknowns"]])
    undecided = [g["label"] for g in c["gaps"] if g["state"] == "unanswered"]
    if undecided:
        out.para("Not yet answered, though a verdict depends on it:")
        out.items(undecided)
    weak = [g["label"] for g in c["gaps"] if g["state"] == "evidence"]
    if weak:
        out.para("Answered, but only on evidence too weak to rely on:")
        out.items(weak)
    if not c["unknowns"] and not undecided and not weak:
        out.para("Nothing decisive is unknown.")
    out.heading("Questions to put to the operator", 1)
    if c["gaps"]:
        out.items([g["ask"] for g in c["gaps"]], numbered=True)
    else:
        out.para("No open question decides a verdict.")
    about(out, c)
    annex(out, c)


def information_request(out: Outline, c: Context) -> None:
    a, letter = c["assessment"], c["letter"]
    sender = [] if a["identity_omitted"] else [x for x in (a["assessor"], a["organisation"]) if x]
    for line in sender or [BLANK]:
        out.para(line)
    out.para(bold("To: "), letter["recipient"] or BLANK)
    out.table(
        ("", ""),
        [
            ("Date", c["document"]["date"]),
            ("Our reference", letter["reference"] or BLANK),
            ("Please reply by", letter["reply_by"] or BLANK),
        ],
    )
    draft(out, c)
    out.heading("Request for information", 0)
    out.para("Dear Sir or Madam,")
    out.para("We are assessing the deployment described here:")
    facts = [
        ("Deployment", c["document"]["title"] or a["deployment"]),
        ("Place", a["place"]),
        ("Operator", a["operator"]),
    ]
    out.table(("", ""), [(k, v) for k, v in facts if v])
    out.para(
        "Whether it meets the legal requirements that apply to it cannot be decided without the information "
        "listed below. Please answer each numbered request. Where a document exists (a contract, an impact "
        "assessment, an authorisation, a test report), please send a copy or tell us where it is published. "
        "Where the information does not exist, please say so: that is an answer too."
    )
    out.heading("Legal basis of this request", 1)
    out.para(letter["legal_basis"] or BLANK)
    out.heading("Information requested", 1)
    if c["gaps"]:
        out.items(
            [
                join(g["ask"], f"Why it matters: {why_it_matters(g, 2)}.", cite(g["sources"], 3))
                for g in c["gaps"]
            ],
            numbered=True,
        )
    else:
        out.para(
            "At present no missing information blocks the assessment; we would nonetheless welcome any "
            "document that shows how the deployment meets its legal requirements."
        )
    reply = letter["reply_by"] or BLANK
    quoting = f", quoting our reference {letter['reference']}" if letter["reference"] else ""
    out.para(f"Please reply by {reply}{quoting}.")
    out.para("Yours faithfully,")
    for line in sender or [BLANK]:
        out.para(line)
    m = c["method"]
    timelines = ", ".join(f"the timeline “{x['timeline']}” [{x['tag']}]" for x in m["currency"])
    out.para(
        f"The legal points in this letter rest on sources compiled up to {m['rules_as_of']}"
        + (f" and on the dates of application of {timelines}" if timelines else "")
        + ". Points resting on a secondary source only are marked [S], unverified points [U]. "
        "This letter is not legal advice.",
        kind="small",
    )
    out.para(EDITABLE_NOTE, kind="small")


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
