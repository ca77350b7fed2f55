"""`python -m pia_wizard.report.samples [FOLDER]`: the sample reports in docs/samples/ (`make samples`).

Two examples × the four templates, each as the PDF `pia-wizard report` writes and its first page as a
PNG (made by poppler's `pdftoppm`, which only this script needs), plus `inputs.json`: the SHA-256 of
everything the samples are made from (the two examples, questionnaires/, report_templates/, the report
and core code, the version). tests/test_samples.py says the samples are stale when that digest
changes; it never re-renders them. The PDFs are reproducible: the same inputs give the same bytes with
the same font subsetter. WeasyPrint's two subsetters (native HarfBuzz with libharfbuzz-subset0, else
fontTools) write different font programs, so `inputs.json` records which one made the samples, and
`make samples` installs libharfbuzz-subset0 as root first, as `make run` does.

One council example's briefing and information request are also made in German, in `de/` (issue 19),
recorded under "german".

One example's four templates are also written as editable copies, Word (.docx) and Markdown (.md),
reproducible like the PDFs; where LibreOffice (`soffice`) is installed, each Word file's first page is
shown as a PNG as LibreOffice lays it out (Word's own layout differs in detail).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pia_wizard.core.load.library import Library

ROOT = Path(__file__).resolve().parents[2]
RECORD = "inputs.json"
INDEX = "README.md"
COMMAND = "python -m pia_wizard.report.samples docs/samples"
EXAMPLES = ("police-lfr-van-football", "journalist-first-look")
TEMPLATES = ("briefing", "submission", "factsheet", "information-request")
PNG_DPI = 60
# The letter is shown as a sender would send it: addressed, referenced, with a reply-by date twenty days
# after the assessment. The legal basis is left blank to fill in (no statute is cited unless one is given).
LETTER = {"recipient": "The data protection officer of the operator", "reference": "PIA-SAMPLE-1"}
REPLY_WITHIN_DAYS = 20
EDITABLE_EXAMPLE = "police-lfr-van-football"  # the editable copies: one example, every template
# The comparison sample: "the amended proposal" a clerk attaches — the example beside a scenario of
# itself made from one of its own counterfactuals (the first under this rulebook that sets this question).
COMPARED_EXAMPLE, COMPARED_RULEBOOK, COMPARED_QUESTION = "police-lfr-van-football", "eu-law", "q803"
SCENARIO_NAME = "with a judge's authorisation before each use"
# The German samples (issue 19): a council's case, the briefing and the letter, in their own folder.
GERMAN, GERMAN_FOLDER = "de", "de"
GERMAN_EXAMPLE = "council-cctv-antisocial-behaviour"
GERMAN_TEMPLATES = ("briefing", "information-request")
LETTERS = {
    **dict.fromkeys(("en",), LETTER),
    GERMAN: {"recipient": "Die oder der Datenschutzbeauftragte des Betreibers", "reference": "PIA-SAMPLE-1"},
}


FONTTOOLS_WARNING = "Using fontTools instead of HarfBuzz-Subset"  # WeasyPrint 70, weasyprint/pdf/fonts.py
NATIVE, FONTTOOLS = "HarfBuzz (libharfbuzz-subset0)", "fontTools"


class SubsetterWatch(logging.Handler):
    """Which font subsetter WeasyPrint used, told by its own log: it warns once per font subset with
    fontTools and says nothing when it subsets natively (it offers no other way to ask)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.fonttools = False

    def emit(self, record: logging.LogRecord) -> None:
        self.fonttools = self.fonttools or FONTTOOLS_WARNING in record.getMessage()

    def subsetter(self) -> str:
        return FONTTOOLS if self.fonttools else NATIVE


@dataclass(frozen=True)
class Sample:
    example: str
    template: str
    language: str = "en"

    @property
    def stem(self) -> str:
        return f"{self.example}--{self.template}"

    def command(self, reply_by: dt.date | None, folder: str = "docs/samples", suffix: str = ".pdf") -> str:
        """The `pia-wizard report` command that makes the same PDF (or editable copy, by `suffix`)."""
        parts = [
            f"pia-wizard report examples/{self.example}.pia.json -o {folder}/{self.stem}{suffix}",
            f"--template {self.template}",
        ]
        if self.language != "en":
            parts.append(f"--lang {self.language}")
        if self.template == "information-request":
            letter = LETTERS[self.language]
            parts.append(f'--recipient "{letter["recipient"]}" --reference {letter["reference"]}')
            if reply_by is not None:
                parts.append(f"--reply-by {reply_by.isoformat()}")
        return " ".join(parts)


SAMPLES = tuple(Sample(e, t) for e in EXAMPLES for t in TEMPLATES)
EDITABLE_SAMPLES = tuple(Sample(EDITABLE_EXAMPLE, t) for t in TEMPLATES)
GERMAN_SAMPLES = tuple(Sample(GERMAN_EXAMPLE, t, GERMAN) for t in GERMAN_TEMPLATES)


def input_files(root: Path = ROOT) -> list[Path]:
    """What the samples depend on, in a stable order (compiled Python caches left out)."""
    files = [root / "examples" / f"{name}.pia.json" for name in (*EXAMPLES, GERMAN_EXAMPLE)]
    files.append(root / "pia_wizard" / "__init__.py")  # the version, printed in the method section
    # pia_wizard/locale: the reports' own words in German.
    for folder in (
        "questionnaires",
        "report_templates",
        "pia_wizard/report",
        "pia_wizard/core",
        "pia_wizard/locale",
    ):
        files += sorted(
            p
            for p in (root / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
        )
    return [f for f in files if f.is_file()]


def record_files(root: Path = ROOT) -> list[str]:
    return [p.relative_to(root).as_posix() for p in input_files(root)]


def inputs_digest(root: Path = ROOT) -> str:
    digest = hashlib.sha256()
    for path in input_files(root):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def record(
    made: dict[str, dict[str, object]],
    fonts: str,
    root: Path = ROOT,
    editable: dict[str, dict[str, object]] | None = None,
    comparison: dict[str, object] | None = None,
    german: dict[str, dict[str, object]] | None = None,
) -> dict[str, object]:
    """inputs.json; `fonts` is the font subsetter that made the PDFs (their bytes depend on it)."""
    import weasyprint

    return {
        "sha256": inputs_digest(root),
        "files": record_files(root),
        "command": COMMAND,
        "made_with": {
            "weasyprint": weasyprint.__version__,
            "fonts_subset_by": fonts,
            "png": f"pdftoppm -png -r {PNG_DPI} -f 1 -l 1",
        },
        "samples": made,
        "editable": editable or {},
        "comparison": comparison or {},
        "german": german or {},
    }


def _sample_report(loaded, template: str, library, language: str = "en"):  # type: ignore[no-untyped-def]
    """A sample's report; the letter carries the sample recipient and a reply-by date from the
    assessment's own date (never the clock), so samples are the same on every run."""
    from pia_wizard.report.options import LetterDetails, ReportOptions
    from pia_wizard.report.render import prepare_report

    letter, reply_by = LetterDetails(), None
    if template == "information-request":
        date = loaded.assessment.metadata.assessment_date
        reply_by = date + dt.timedelta(days=REPLY_WITHIN_DAYS) if date else None
        letter = LetterDetails(LETTERS[language]["recipient"], LETTERS[language]["reference"], reply_by)
    options = ReportOptions(template=template, letter=letter, language=language)
    return prepare_report(loaded.assessment, loaded.questionnaire, library, options), reply_by


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else ROOT / "docs" / "samples"
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("samples: pdftoppm is missing (Debian: sudo apt install poppler-utils)", file=sys.stderr)
        return 1
    from pia_wizard.core.load.assessment_io import load_assessment_file
    from pia_wizard.core.load.library import shipped_library
    from pia_wizard.report.render import print_report

    folder.mkdir(parents=True, exist_ok=True)
    watch = SubsetterWatch()
    logging.getLogger("weasyprint").addHandler(watch)
    library = shipped_library()
    made: dict[str, dict[str, object]] = {}
    for sample in SAMPLES:
        loaded = load_assessment_file(ROOT / "examples" / f"{sample.example}.pia.json", library)
        report, reply_by = _sample_report(loaded, sample.template, library)
        printed = print_report(report)
        pdf = folder / f"{sample.stem}.pdf"
        pdf.write_bytes(printed.pdf)
        _first_page_png(pdftoppm, pdf, folder / f"{sample.stem}.png")
        made[sample.stem] = {
            "pdf": pdf.name,
            "png": f"{sample.stem}.png",
            "pdf_sha256": hashlib.sha256(printed.pdf).hexdigest(),
            "assessment_sha256": report.fingerprint if report.attachments else None,
            "pages": _pages(printed.pdf),
            "shortened": printed.compact,
            "command": sample.command(reply_by),
        }
        print(f"wrote {pdf.name} ({made[sample.stem]['pages']} pages) and its first page", file=sys.stderr)
    german = _german_samples(folder, library, pdftoppm)
    logging.getLogger("weasyprint").removeHandler(watch)
    if watch.fonttools:
        print(
            "samples: fonts were subset with fontTools (libharfbuzz-subset0 is missing), so the PDFs differ "
            "from samples made natively; inputs.json says which",
            file=sys.stderr,
        )
    editable = _editable_samples(folder, library)
    comparison = _comparison_sample(folder, library, pdftoppm)
    made_record = record(made, watch.subsetter(), editable=editable, comparison=comparison, german=german)
    (folder / RECORD).write_text(json.dumps(made_record, indent=2) + "\n", encoding="utf-8")
    (folder / INDEX).write_text(index(made, editable, comparison, german), encoding="utf-8")
    print(f"wrote {len(made)} samples, {RECORD} and {INDEX} to {folder}")
    return 0


def _german_samples(folder: Path, library: Library, pdftoppm: str) -> dict[str, dict[str, object]]:
    """The German briefing and information request of the council example, in `de/` beside the rest."""
    from pia_wizard.core.load.assessment_io import load_assessment_file
    from pia_wizard.report.render import print_report

    target = folder / GERMAN_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    loaded = load_assessment_file(ROOT / "examples" / f"{GERMAN_EXAMPLE}.pia.json", library)
    made: dict[str, dict[str, object]] = {}
    for sample in GERMAN_SAMPLES:
        report, reply_by = _sample_report(loaded, sample.template, library, sample.language)
        printed = print_report(report)
        pdf = target / f"{sample.stem}.pdf"
        pdf.write_bytes(printed.pdf)
        _first_page_png(pdftoppm, pdf, target / f"{sample.stem}.png")
        made[sample.stem] = {
            "language": sample.language,
            "pdf": f"{GERMAN_FOLDER}/{pdf.name}",
            "png": f"{GERMAN_FOLDER}/{sample.stem}.png",
            "pdf_sha256": hashlib.sha256(printed.pdf).hexdigest(),
            "pages": _pages(printed.pdf),
            "shortened": printed.compact,
            "command": sample.command(reply_by, folder=f"docs/samples/{GERMAN_FOLDER}"),
        }
        print(f"wrote {GERMAN_FOLDER}/{pdf.name} ({made[sample.stem]['pages']} pages)", file=sys.stderr)
    return made


def compared_scenario(library: Library):  # type: ignore[no-untyped-def]
    """The example the comparison sample starts from, and its scenario made from one of its own
    counterfactuals (the one that sets COMPARED_QUESTION), as "Try this as a scenario" makes it.
    The sample comparison report and the comparison screenshot both show this pair."""
    from pia_wizard.core.evaluation.evaluate import evaluate
    from pia_wizard.core.load.assessment_io import load_assessment_file
    from pia_wizard.core.work.scenarios import counterfactual_scenario

    origin = ROOT / "examples" / f"{COMPARED_EXAMPLE}.pia.json"
    loaded = load_assessment_file(origin, library)
    compiled = loaded.questionnaire
    books = [r for r in library.rulebooks.values() if r.questionnaire == compiled.id]
    evaluation = evaluate(compiled, books, loaded.assessment, None, sources=library.sources)
    result = next(r for r in evaluation.rulebooks if r.id == COMPARED_RULEBOOK)
    changes = next(
        c.changes for c in result.counterfactuals if any(x.question == COMPARED_QUESTION for x in c.changes)
    )
    return origin, counterfactual_scenario(compiled, loaded.assessment, changes, SCENARIO_NAME, origin.name)


def _comparison_sample(folder: Path, library: Library, pdftoppm: str) -> dict[str, object]:
    """The comparison report of the example and a scenario of it; the scenario file is written beside
    it (it is the comparison's input, so `pia-wizard report … --compare` remakes the same PDF)."""
    from pia_wizard.commands.compare import build
    from pia_wizard.core.load.assessment_io import assessment_bytes
    from pia_wizard.report.comparison import print_pdf, render_html, report_context

    origin, scenario = compared_scenario(library)
    scenario_file = folder / f"{COMPARED_EXAMPLE}--scenario.pia.json"
    scenario_file.write_bytes(assessment_bytes(scenario))
    context = report_context(build(origin, scenario_file, None))
    pdf_bytes = print_pdf(render_html(context), context)
    pdf = folder / f"{COMPARED_EXAMPLE}--comparison.pdf"
    pdf.write_bytes(pdf_bytes)
    png = folder / f"{COMPARED_EXAMPLE}--comparison.png"
    _first_page_png(pdftoppm, pdf, png)
    print(f"wrote {pdf.name} and its first page", file=sys.stderr)
    return {
        "scenario": scenario_file.name,
        "scenario_sha256": hashlib.sha256(scenario_file.read_bytes()).hexdigest(),
        "pdf": pdf.name,
        "png": png.name,
        "pdf_sha256": hashlib.sha256(pdf_bytes).hexdigest(),
        "pages": _pages(pdf_bytes),
        "command": (
            f"pia-wizard report examples/{COMPARED_EXAMPLE}.pia.json --compare "
            f"docs/samples/{scenario_file.name} -o docs/samples/{pdf.name}"
        ),
    }


def _editable_samples(folder: Path, library: Library) -> dict[str, dict[str, object]]:
    """The editable copies (Word, Markdown) of one example, and each Word file's first page as
    LibreOffice lays it out, where LibreOffice is installed."""
    from pia_wizard.core.load.assessment_io import load_assessment_file
    from pia_wizard.report.editable import editable_bytes

    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    made: dict[str, dict[str, object]] = {}
    loaded = load_assessment_file(ROOT / "examples" / f"{EDITABLE_EXAMPLE}.pia.json", library)
    for sample in EDITABLE_SAMPLES:
        report, reply_by = _sample_report(loaded, sample.template, library)
        entry: dict[str, object] = {}
        for kind, suffix in (("docx", ".docx"), ("markdown", ".md")):
            data = editable_bytes(report.context, kind)
            (folder / f"{sample.stem}{suffix}").write_bytes(data)
            entry[kind] = f"{sample.stem}{suffix}"
            entry[f"{kind}_sha256"] = hashlib.sha256(data).hexdigest()
            entry[f"{kind}_command"] = sample.command(reply_by, suffix=suffix)
        entry["docx_png"] = None
        if soffice and pdftoppm:
            png = folder / f"{sample.stem}--docx.png"
            _word_first_page_png(soffice, pdftoppm, folder / f"{sample.stem}.docx", png)
            entry["docx_png"] = png.name
        made[sample.stem] = entry
        print(f"wrote {sample.stem}.docx and .md", file=sys.stderr)
    if not soffice:
        print(
            "samples: LibreOffice (soffice) is missing, so the Word samples have no picture", file=sys.stderr
        )
    return made


def _word_first_page_png(soffice: str, pdftoppm: str, docx: Path, png: Path) -> None:
    """The Word file's first page as LibreOffice lays it out (its own profile, so no lock is shared)."""
    with tempfile.TemporaryDirectory(prefix="pia-samples-") as temp:
        profile = (Path(temp) / "profile").as_uri()
        subprocess.run(  # noqa: S603 - a fixed program found on PATH, with our own file names
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                temp,
                str(docx),
            ],
            check=True,
            capture_output=True,
        )
        _first_page_png(pdftoppm, Path(temp) / f"{docx.stem}.pdf", png)


def _first_page_png(pdftoppm: str, pdf: Path, png: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="pia-samples-") as temp:
        stem = Path(temp) / "page"
        subprocess.run(  # noqa: S603 - a fixed program found on PATH, with our own file names
            [pdftoppm, "-png", "-r", str(PNG_DPI), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
            check=True,
        )
        shutil.move(f"{stem}.png", png)


def _pages(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def index(
    made: dict[str, dict[str, object]],
    editable: dict[str, dict[str, object]] | None = None,
    comparison: dict[str, object] | None = None,
    german: dict[str, dict[str, object]] | None = None,
) -> str:
    """docs/samples/README.md: every sample's first page, linking to its PDF."""
    from pia_wizard.report.options import TEMPLATES as SPECS

    lines = [
        "# Sample reports",
        "",
        "Made from two fictional examples with each of the four templates by "
        f"`{COMMAND}` (`make samples`); see [docs/reports.md](../reports.md). Do not edit: a test says when "
        "they are stale.",
        "",
    ]
    for example in EXAMPLES:
        lines += [f"## `examples/{example}.pia.json`", ""]
        for template in TEMPLATES:
            entry = made[f"{example}--{template}"]
            spec = SPECS[template]
            lines += [
                f"### {spec.title} (`--template {template}`), {entry['pages']} pages",
                "",
                f"[![First page of the {spec.title.lower()}]({entry['png']})]({entry['pdf']})",
                "",
            ]
    if editable:
        lines += [
            f"## Editable copies of `examples/{EDITABLE_EXAMPLE}.pia.json`",
            "",
            "The same reports as Word and Markdown files to edit (`-o OUT.docx`, `-o OUT.md`); the PDF is "
            "the record. The pictures show each Word file's first page as LibreOffice lays it out.",
            "",
        ]
        for template in TEMPLATES:
            entry = editable[f"{EDITABLE_EXAMPLE}--{template}"]
            spec = SPECS[template]
            lines += [f"### {spec.title}: [Word]({entry['docx']}) · [Markdown]({entry['markdown']})", ""]
            if entry.get("docx_png"):
                lines += [f"![First page of the Word {spec.title.lower()}]({entry['docx_png']})", ""]
    if comparison:
        lines += [
            f"## Comparison: `examples/{COMPARED_EXAMPLE}.pia.json` and a scenario of it",
            "",
            f"The example beside its scenario “{SCENARIO_NAME}” ([{comparison['scenario']}]"
            f"({comparison['scenario']}), made from one of the example's own counterfactuals): what changed "
            f"and what it did to each verdict (`{comparison['command']}`), {comparison['pages']} pages.",
            "",
            f"[![First page of the comparison report]({comparison['png']})]({comparison['pdf']})",
            "",
        ]
    if german:
        lines += [
            f"## In German: `examples/{GERMAN_EXAMPLE}.pia.json` (`--language de`)",
            "",
            "The same kind of report in German: questions, rules, findings and the report's own words come "
            "from the German translations (`questionnaires/i18n/de/`, `pia_wizard/locale/de/`), each "
            "recorded with the hash of the English it translates (`pia-wizard translations --language de` "
            "lists any that are missing or stale). What the example's author typed (its title, place and "
            "notes) stays as typed, in English. Each German report says that it is a translation, that the "
            "English prevails, and that German federal and state law is not assessed.",
            "",
        ]
        for template in GERMAN_TEMPLATES:
            entry = german[f"{GERMAN_EXAMPLE}--{template}"]
            spec = SPECS[template]
            lines += [
                f"### {spec.title} in German, {entry['pages']} pages",
                "",
                f"[![First page of the German {spec.title.lower()}]({entry['png']})]({entry['pdf']})",
                "",
            ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
