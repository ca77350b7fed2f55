"""Re-open a report PDF: check its fingerprint and re-evaluate the embedded assessment with today's
rulebooks, saying "same verdicts" or which verdict changed and why (a newer rulebook, say).

The fingerprint holds when the SHA-256 of the embedded `assessment.pia.json` is the one the report
recorded beside it (`verdicts.json`) and the one printed on its first page. What this proves: the
embedded assessment is the one the report's verdicts and annex were made from. It proves nothing about
who made the PDF or whether it was altered afterwards: the fingerprint is not a signature, and anyone
who can edit a PDF can change the data, the record and the printed text together. A signed report's
signature is checked too (`pia_wizard.report.signing`): by whom, self-signed or vouched for by a trust
anchor the reader named, and whether the report was altered or updated after it was signed; altered
signed bytes are a problem.

`pia-wizard validate`, `score` and the window (File › Open) all come through `check_report_file`.
Reading PDFs needs pypdf (imported only here, only when called).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pia_wizard.core.answers.questionnaire_versions import QuestionnaireMigration
from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.files.atomic_file import FileTooLargeError, read_limited
from pia_wizard.core.files.problems import LoadError
from pia_wizard.core.load.library import Library, migrated_assessment
from pia_wizard.core.load.loading import parse_assessment_document
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.rules.compiled import CompiledQuestionnaire
from pia_wizard.report.render import ASSESSMENT_ATTACHMENT, VERDICTS_ATTACHMENT, rulebooks_for
from pia_wizard.report.signing import SignatureCheck, check_signature
from pia_wizard.report.wording import VERDICTS

REPORT_SUFFIX = ".pdf"
MAX_REPORT_BYTES = 64 * 1024 * 1024  # an assessment may hold 20 MB; the pages and fonts come on top
PRINTED = re.compile(r"SHA-256\s+([0-9a-f]{16})")  # the cover's "Fingerprint SHA-256 0123456789abcdef…"


def is_report_path(path: Path) -> bool:
    return path.suffix.lower() == REPORT_SUFFIX


@dataclass
class ReportCheck:
    """The outcome of re-opening a report.

    `problems` empty means the fingerprint holds and the assessment loads with today's questionnaire;
    `assessment` is set whenever the embedded assessment loads, even when the fingerprint does not hold
    (so `score` and the window can still show it, saying so).
    """

    name: str = "report.pdf"
    fingerprint: str = ""  # SHA-256 of the embedded assessment's bytes
    recorded: str | None = None  # the fingerprint the report recorded in verdicts.json
    printed: str | None = None  # the start of the fingerprint printed on the first page
    fingerprint_problem: str = ""
    evaluated_on: dt.date | None = None  # the date the report judged the assessment at
    assessment: Assessment | None = None
    compiled: CompiledQuestionnaire | None = None
    problems: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # verdicts that differ under today's rulebooks
    migration: QuestionnaireMigration | None = None  # the report answered an older questionnaire version
    signature: SignatureCheck = field(default_factory=SignatureCheck)  # unsigned unless it says otherwise

    @property
    def fingerprint_holds(self) -> bool:
        return bool(self.fingerprint) and not self.fingerprint_problem

    @property
    def same_verdicts(self) -> bool:
        return not self.problems and not self.changes

    def fingerprint_line(self) -> str:
        """One sentence on the fingerprint, for a person."""
        if not self.fingerprint:
            return "no embedded assessment, so no fingerprint to check"
        if self.fingerprint_problem:
            return f"the fingerprint does NOT hold: {self.fingerprint_problem}"
        return (
            f"fingerprint SHA-256 {self.fingerprint} holds: the embedded assessment is the one the "
            "report was made from"
        )

    def summary(self) -> list[str]:
        if self.problems:
            return [*self.problems, *(f"{self.name}: {line}" for line in self.signature_lines())]
        when = f" (judged as of {self.evaluated_on.isoformat()})" if self.evaluated_on else ""
        migrated = [self.migration.headline()] if self.migration is not None else []
        return [
            *self.signature_lines(),
            self.fingerprint_line(),
            *migrated,
            *(self.changes or [f"same verdicts with today's rulebooks{when}"]),
        ]

    def signature_lines(self) -> list[str]:
        """The signature in sentences, those already among the problems left out."""
        return [line for line in self.signature.lines() if f"{self.name}: {line}" not in self.problems]


def embedded_files(pdf: bytes) -> tuple[dict[str, bytes], str]:
    """The files embedded in a PDF, by name (the first of each name), and its first page's text."""
    try:
        from pypdf import PdfReader
    except ImportError as exc:  # pragma: no cover - pypdf is installed with the project
        raise LoadError.single("report", "reading a report PDF needs the pypdf package") from exc
    reader = PdfReader(io.BytesIO(pdf))
    files = {name: contents[0] for name, contents in reader.attachments.items() if contents}
    first = reader.pages[0].extract_text() if files and len(reader.pages) else ""
    return files, first or ""


def check_report_file(
    path: Path, library: Library, *, reevaluate: bool = True, anchors: list[Any] | None = None
) -> ReportCheck:
    """Read a report PDF from disk (refusing one larger than MAX_REPORT_BYTES) and check it."""
    try:
        pdf = read_limited(path, MAX_REPORT_BYTES)
    except FileTooLargeError as exc:
        reason = str(exc)
    except FileNotFoundError:
        reason = "file not found"
    except IsADirectoryError:
        reason = "is a folder, not a file"
    except PermissionError:
        reason = "no permission to read this file"
    except OSError as exc:
        reason = f"cannot read the file: {exc.strerror or exc}"
    else:
        return check_report(pdf, library, str(path), reevaluate=reevaluate, anchors=anchors)
    return ReportCheck(name=str(path), problems=[f"{path}: {reason}"])


def check_report(
    pdf: bytes,
    library: Library,
    name: str = "report.pdf",
    *,
    reevaluate: bool = True,
    anchors: list[Any] | None = None,
) -> ReportCheck:
    """Check the signature, if any (against the trust anchors given), and the embedded assessment
    against the recorded and printed fingerprint, load it with today's questionnaire, and (when the
    fingerprint holds) re-evaluate it with today's rulebooks at the date the report judged it."""
    check = ReportCheck(name=name)
    check.signature = check_signature(pdf, anchors)
    if check.signature.problems or check.signature.altered:
        check.problems.extend(f"{name}: {line}" for line in check.signature.lines()[-1:])
    try:
        files, first_page = embedded_files(pdf)
    except Exception as exc:  # noqa: BLE001 - any unreadable PDF is reported, not raised
        check.problems.append(f"{name}: cannot read the PDF ({exc})")
        return check
    data = files.get(ASSESSMENT_ATTACHMENT)
    if data is None:
        check.problems.append(
            f"{name}: no embedded assessment (it was left out of this report, or this is not a "
            "pia-wizard report)"
        )
        return check
    check.fingerprint = hashlib.sha256(data).hexdigest()
    recorded = _json(files.get(VERDICTS_ATTACHMENT))
    if isinstance(recorded.get("assessment_sha256"), str):
        check.recorded = recorded["assessment_sha256"]
    # The cover and the footer print it; user text on the cover could print another, so any will do.
    printed = PRINTED.findall(first_page)
    check.printed = check.fingerprint[:16] if check.fingerprint[:16] in printed else next(iter(printed), None)
    check.evaluated_on = _date(recorded.get("evaluated_on"))
    check.fingerprint_problem = _fingerprint_problem(check)
    if check.fingerprint_problem:
        check.problems.append(f"{name}: {check.fingerprint_line()}")
    try:
        document = parse_assessment_document(data.decode("utf-8"), f"{name}:{ASSESSMENT_ATTACHMENT}")
        check.assessment, check.compiled, check.migration = migrated_assessment(document, library)
    except LoadError as exc:
        check.problems.extend(str(p) for p in exc.problems)
        return check
    except UnicodeDecodeError as exc:
        check.problems.append(f"{name}:{ASSESSMENT_ATTACHMENT}: not UTF-8 text ({exc.reason})")
        return check
    if reevaluate and not check.problems:
        _reevaluate(check, check.assessment, check.compiled, recorded, library)
    return check


def _fingerprint_problem(check: ReportCheck) -> str:
    if check.recorded is not None and check.recorded != check.fingerprint:
        return (
            f"the embedded assessment hashes to {check.fingerprint}, but the report recorded "
            f"{check.recorded}: the embedded data or the report were changed after the report was made"
        )
    if check.printed is not None and not check.fingerprint.startswith(check.printed):
        return (
            f"the embedded assessment hashes to {check.fingerprint}, but the report's first page prints "
            f"{check.printed}…: the embedded data or the report were changed after the report was made"
        )
    if check.recorded is None and check.printed is None:
        return "the report neither records nor prints a fingerprint to check the embedded assessment against"
    return ""


def _reevaluate(
    check: ReportCheck,
    assessment: Assessment,
    compiled: CompiledQuestionnaire,
    recorded: dict[str, Any],
    library: Library,
) -> None:
    books = rulebooks_for(library, compiled)
    try:
        evaluation = evaluate(
            compiled, books, assessment, check.evaluated_on, sources=library.sources, explore=False
        )
    except ValueError as exc:  # no date recorded and none in the assessment
        check.problems.append(f"{check.name}: cannot re-evaluate: {exc}")
        return
    check.evaluated_on = evaluation.date
    before = {r.get("id"): r for r in recorded.get("rulebooks", []) if isinstance(r, dict)}
    versions = {b.id: b.version for b in books}
    for result in evaluation.rulebooks:
        old = before.get(result.id)
        if old is None:
            check.changes.append(
                f"{result.title}: not in the report; today it gives {_label(result.verdict)}"
            )
        elif old.get("verdict") != result.verdict:
            if old.get("version") != versions[result.id]:
                why = f"rulebook version {old.get('version')} → {versions[result.id]}"
            elif check.migration is not None:
                why = (
                    f"same rulebook version; questionnaire version {check.migration.from_version} → "
                    f"{check.migration.to_version}, or the engine, changed"
                )
            else:
                why = "same rulebook version: the questionnaire or the engine changed"
            check.changes.append(
                f"{result.title}: {_label(str(old.get('verdict')))} in the report, "
                f"{_label(result.verdict)} today ({why})"
            )
    for rulebook_id in sorted(set(before) - set(versions), key=str):
        check.changes.append(f"{rulebook_id}: in the report, but no longer shipped")


def _json(data: bytes | None) -> dict[str, Any]:
    try:
        value = json.loads(data) if data else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _date(text: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _label(verdict: str) -> str:
    return VERDICTS.get(verdict, (verdict, ""))[0]
