"""`pia-wizard report FILE -o OUT.pdf [--template NAME] [--lang CODE] [--draft] [--omit WHAT]...
[--html OUT.html] [--prepared-for TEXT] [--format pdf|docx|md]`.

The council briefing unless another template is named. `--html` writes the same report as a web page
(self-contained: its styles are inline), which is also the way out where WeasyPrint's system libraries
are missing: print it from a browser. `-o OUT.docx` (Word) and `-o OUT.md` (Markdown) write an
editable copy instead of the PDF, from the same words, without WeasyPrint; `--format` chooses the
format whatever the name ends in. `--sign KEY.p12` signs the PDF (PAdES, appended as an incremental
update, `pia_wizard.report.signing`); the key is opened before anything is made, so a wrong passphrase
writes no file. Exit 0 when every file asked for was written, 1 when the PDF could not be made or a file
not written, 2 on bad input (a key that cannot be opened included).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from pia_wizard.core.files.atomic_file import SaveError, write_atomic
from pia_wizard.core.files.problems import LoadError
from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import shipped_library

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


def _date(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{option}: {text!r} is not a date in the form YYYY-MM-DD") from None


def _signer(key: Path) -> object:
    """pyHanko's signer for the key file, its passphrase asked for once; ValueError says what is wrong."""
    from pia_wizard.commands.passphrase import NoPassphrase, read_passphrase
    from pia_wizard.report.signing import SigningError, load_signer, read_key

    try:
        data = read_key(key)
        return load_signer(data, read_passphrase(f"Passphrase for {key.name}"), str(key))
    except (NoPassphrase, SigningError) as exc:
        raise ValueError(str(exc)) from None


def _signed(pdf: bytes, signer: object) -> bytes | None:
    """The PDF signed, or None (said on stderr) when signing fails: then no file is written."""
    from pia_wizard.report.signing import sign_pdf

    try:
        return sign_pdf(pdf, signer)
    except Exception as exc:  # noqa: BLE001 - pyHanko's failures are reported, and nothing is written
        print(f"report: the PDF could not be signed: {exc}", file=sys.stderr)
        return None


def _signer_name(signer: object) -> str:
    from pia_wizard.report.signing import signer_name

    return signer_name(signer)


def run_report(
    path: Path,
    output: Path | None,
    *,
    template: str = "briefing",
    language: str = "en",
    draft: bool = False,
    omit: Sequence[str] = (),
    html: Path | None = None,
    date: str | None = None,
    recipient: str = "",
    reference: str = "",
    reply_by: str | None = None,
    legal_basis: str = "",
    prepared_for: str = "",
    output_format: str | None = None,
    sign: Path | None = None,
) -> int:
    from pia_wizard.report.options import LetterDetails, OptionsError, ReportOptions
    from pia_wizard.report.render import ReportError, prepare_report, print_report

    if output is None and html is None:
        print("report: give -o OUT.pdf, --html OUT.html, or both", file=sys.stderr)
        return EXIT_BAD_INPUT
    omissions = frozenset(part.strip() for item in omit for part in item.split(",") if part.strip())
    try:
        when = _date(date, "--date")
        letter = LetterDetails(recipient, reference, _date(reply_by, "--reply-by"), legal_basis)
        options = ReportOptions(template, language, draft, omissions, letter, prepared_for)
    except (OptionsError, ValueError) as exc:
        print(f"report: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    signer = None
    if sign is not None:
        from pia_wizard.report.editable import editable_format

        suffix = output.suffix if output is not None else ""
        chosen = {"pdf": ".pdf", "docx": ".docx", "md": ".md"}.get(output_format or "", suffix)
        if output is None or editable_format(chosen) is not None:
            print("report: --sign signs a PDF: give -o OUT.pdf", file=sys.stderr)
            return EXIT_BAD_INPUT
        try:
            signer = _signer(sign)
        except ValueError as exc:
            print(f"report: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
    try:
        library = shipped_library()
        loaded = load_assessment_file(path, library)
    except LoadError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    for warning in loaded.warnings:  # answers kept but not used: said, the report is still made
        print(warning, file=sys.stderr)
    try:
        report = prepare_report(loaded.assessment, loaded.questionnaire, library, options, date=when)
    except ValueError as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT

    editable = None
    if output is not None:
        from pia_wizard.report.editable import editable_format

        chosen = {"pdf": ".pdf", "docx": ".docx", "md": ".md"}.get(output_format or "", output.suffix)
        editable = editable_format(chosen)
    printed = None
    failed = False
    if output is not None and editable is not None:
        from pia_wizard.report.editable import editable_bytes

        try:
            write_atomic(output, editable_bytes(report.context, editable), keep_backup=False)
        except SaveError as exc:
            print(f"report: {exc}", file=sys.stderr)
            return EXIT_FAILURE
        print(
            f"wrote {output} (an editable copy; assessment fingerprint SHA-256 {report.fingerprint})",
            file=sys.stderr,
        )
        output = None
    if output is not None:
        try:
            printed = print_report(report)
        except ReportError as exc:
            print(f"report: {exc}", file=sys.stderr)
            failed = True
    try:
        if html is not None:  # the HTML that was printed, shortened like the PDF if it had to be
            write_atomic(html, (printed.html if printed else report.html).encode("utf-8"), keep_backup=False)
            print(f"wrote {html}", file=sys.stderr)
        if output is not None and printed is not None:
            pdf = printed.pdf if signer is None else _signed(printed.pdf, signer)
            if pdf is None:
                return EXIT_FAILURE
            write_atomic(output, pdf, keep_backup=False)
            signed = f"signed by {_signer_name(signer)}; " if signer is not None else ""
            fingerprint = f"assessment fingerprint SHA-256 {report.fingerprint}"
            print(f"wrote {output} ({signed}{fingerprint})", file=sys.stderr)
    except SaveError as exc:
        print(f"report: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_FAILURE if failed else EXIT_OK
