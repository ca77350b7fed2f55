"""Re-open a report PDF: check its fingerprint and re-evaluate the embedded assessment with today's
rulebooks, saying "same verdicts" or which verdict changed and why (a newer rulebook, say).

What this proves: the embedded assessment is the one the report's verdicts and annex were made from
(its SHA-256 is the fingerprint the report printed and recorded). It proves nothing about who made the
PDF or whether it was altered afterwards: the fingerprint is not a signature.

Reading PDFs needs pypdf (imported only here, only when called).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from dataclasses import dataclass, field
from typing import Any

from pia_wizard.core.evaluate import evaluate
from pia_wizard.core.library import Library, assessment_from_document
from pia_wizard.core.loading import parse_assessment_document
from pia_wizard.core.models.assessment import Assessment
from pia_wizard.core.problems import LoadError
from pia_wizard.report.render import ASSESSMENT_ATTACHMENT, VERDICTS_ATTACHMENT, rulebooks_for
from pia_wizard.report.wording import VERDICTS


@dataclass
class ReportCheck:
    """The outcome of re-opening a report; `problems` empty means the fingerprint holds."""

    fingerprint: str = ""
    assessment: Assessment | None = None
    problems: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # verdicts that differ under today's rulebooks

    @property
    def same_verdicts(self) -> bool:
        return not self.problems and not self.changes

    def summary(self) -> list[str]:
        if self.problems:
            return self.problems
        lines = [f"fingerprint SHA-256 {self.fingerprint}: matches the embedded assessment"]
        lines.extend(self.changes or ["same verdicts with today's rulebooks"])
        return lines


def embedded_files(pdf: bytes) -> dict[str, bytes]:
    """The files embedded in a PDF, by name (the first of each name)."""
    try:
        from pypdf import PdfReader
    except ImportError as exc:  # pragma: no cover - pypdf is installed with the project
        raise LoadError.single("report", "reading a report PDF needs the pypdf package") from exc
    reader = PdfReader(io.BytesIO(pdf))
    return {name: contents[0] for name, contents in reader.attachments.items() if contents}


def check_report(pdf: bytes, library: Library, name: str = "report.pdf") -> ReportCheck:
    """Check the embedded assessment against the recorded fingerprint and re-evaluate it."""
    check = ReportCheck()
    try:
        files = embedded_files(pdf)
    except Exception as exc:  # noqa: BLE001 - any unreadable PDF is reported, not raised
        check.problems.append(f"{name}: cannot read the PDF ({exc})")
        return check
    data = files.get(ASSESSMENT_ATTACHMENT)
    if data is None:
        check.problems.append(f"{name}: no embedded assessment (it was left out, or this is not a report)")
        return check
    check.fingerprint = hashlib.sha256(data).hexdigest()
    recorded = _json(files.get(VERDICTS_ATTACHMENT))
    if recorded.get("assessment_sha256") not in (None, check.fingerprint):
        check.problems.append(
            f"{name}: the embedded assessment hashes to {check.fingerprint}, but the report recorded "
            f"{recorded['assessment_sha256']}: the data were changed after the report was made"
        )
        return check
    try:
        document = parse_assessment_document(data.decode("utf-8"), f"{name}:{ASSESSMENT_ATTACHMENT}")
        check.assessment, compiled = assessment_from_document(document, library)
    except (LoadError, UnicodeDecodeError) as exc:
        check.problems.append(str(exc))
        return check
    when = _date(recorded.get("evaluated_on"))
    books = rulebooks_for(library, compiled)
    evaluation = evaluate(compiled, books, check.assessment, when, sources=library.sources, explore=False)
    before = {r.get("id"): r for r in recorded.get("rulebooks", []) if isinstance(r, dict)}
    versions = {b.id: b.version for b in books}
    for result in evaluation.rulebooks:
        old = before.get(result.id)
        if old is None:
            check.changes.append(
                f"{result.title}: not in the report; today it gives {_label(result.verdict)}"
            )
        elif old.get("verdict") != result.verdict:
            why = (
                f"rulebook version {old.get('version')} → {versions[result.id]}"
                if old.get("version") != versions[result.id]
                else "same rulebook version: the questionnaire or the engine changed"
            )
            check.changes.append(
                f"{result.title}: {_label(str(old.get('verdict')))} in the report, "
                f"{_label(result.verdict)} today ({why})"
            )
    for rulebook_id in sorted(set(before) - set(versions)):
        check.changes.append(f"{rulebook_id}: in the report, but no longer shipped")
    return check


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
