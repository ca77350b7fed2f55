"""The one entry point, `pia-wizard`.

It imports almost nothing before it knows the command: headless commands never import Qt, and the
window's imports are paid only by `gui`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pia_wizard import __version__

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2

SCHEMA_KINDS = ("questionnaire", "rulebook", "facts", "sources", "glossary", "assessment", "migrations")


REVIEW_FLAGS = (
    ("--submit", "in_review", "send it for review"),
    ("--request-changes", "changes_requested", "ask for changes"),
    ("--approve", "approved", "approve it as it is now (not while comments on answers are open)"),
    ("--reject", "rejected", "reject it"),
    ("--draft", "draft", "take it back to draft"),
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pia-wizard",
        description="Assess a proposed biometric surveillance deployment.",
    )
    parser.add_argument("--version", action="version", version=f"pia-wizard {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the wizard window (the default)")
    gui.add_argument("file", nargs="?", type=Path, help="an assessment file to open")

    validate = commands.add_parser(
        "validate", help="check questionnaire, rulebook, sources, glossary, assessment and schema files"
    )
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders")
    validate.add_argument(
        "--trust",
        action="append",
        default=[],
        type=Path,
        metavar="CERT.pem",
        help="a certificate you trust (PEM or DER): a signed report is checked against it (repeatable)",
    )

    translations = commands.add_parser(
        "translations",
        help="list the content texts a language has not translated (or --update its files)",
    )
    translations.add_argument(
        "folder", nargs="?", type=Path, help="a questionnaires folder (default: the shipped one)"
    )
    translations.add_argument("--language", metavar="CODE", help="only this language (e.g. de)")
    translations.add_argument(
        "--update",
        action="store_true",
        help="rewrite the language's files in FOLDER/i18n/CODE/: an entry for every text, under its English",
    )

    score = commands.add_parser("score", help="evaluate an assessment under the rulebooks")
    score.add_argument("file", type=Path, help="an assessment file (*.pia.json)")
    score.add_argument("--rulebook", action="append", default=[], metavar="ID", help="only this rulebook")
    score.add_argument("--date", help="evaluation date YYYY-MM-DD (default: the assessment's date)")
    score.add_argument("--json", action="store_true", help="print the documented JSON structure")
    score.add_argument(
        "--language",
        default="en",
        metavar="CODE",
        help="language of the text output and of the worded fields of --json (en, de; default: en)",
    )

    report = commands.add_parser(
        "report", help="write a PDF report (or a Word, Markdown or HTML copy) of an assessment"
    )
    report.add_argument("file", type=Path, help="an assessment file (*.pia.json)")
    report.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT.pdf",
        help="the report to write: a PDF, or an editable copy for a name ending in .docx (Word) or .md",
    )
    report.add_argument(
        "--format",
        choices=("pdf", "docx", "md"),
        help="the format of -o whatever its name ends in (default: from its suffix, else pdf)",
    )
    report.add_argument("--html", type=Path, metavar="OUT.html", help="write the report as HTML too")
    report.add_argument(
        "--sign",
        type=Path,
        metavar="KEY.p12",
        help="sign the PDF with this key (PKCS#12); the passphrase comes from PIA_WIZARD_PASSPHRASE, "
        "else the terminal, else standard input",
    )
    report.add_argument(
        "--template",
        default="briefing",
        metavar="NAME",
        help="briefing (default), submission, factsheet or information-request",
    )
    report.add_argument(
        "--language",
        "--lang",
        dest="language",
        default="en",
        metavar="CODE",
        help="language of the report (en, de; default: en); --lang is the same",
    )
    report.add_argument("--draft", action="store_true", help="mark every page as a draft")
    report.add_argument(
        "--omit",
        action="append",
        default=[],
        metavar="WHAT",
        help="leave out notes, quotes, identity, annex, embedded or files (repeatable or comma-separated)",
    )
    report.add_argument("--date", help="evaluation date YYYY-MM-DD (default: the assessment's date)")
    report.add_argument(
        "--prepared-for",
        default="",
        metavar="TEXT",
        help="to whom a report is addressed, printed as 'Prepared for' (default: the assessment's audience)",
    )
    report.add_argument("--recipient", default="", help="information-request letter: to whom")
    report.add_argument("--reference", default="", help="information-request letter: your reference")
    report.add_argument("--reply-by", metavar="YYYY-MM-DD", help="information-request letter: reply-by date")
    report.add_argument("--legal-basis", default="", help="information-request letter: legal basis")
    report.add_argument(
        "--compare",
        type=Path,
        metavar="B",
        help="instead, the comparison report: what changed from FILE to B and what it did to each verdict",
    )

    compare = commands.add_parser(
        "compare", help="compare two assessments (or report PDFs): differing answers, verdicts, gaps"
    )
    compare.add_argument("a", type=Path, metavar="A", help="an assessment file or report PDF (before)")
    compare.add_argument("b", type=Path, metavar="B", help="an assessment file or report PDF (after)")
    compare.add_argument("--date", help="judge both as of YYYY-MM-DD (default: each its own date)")
    compare.add_argument("--json", action="store_true", help="print the documented JSON structure")

    review = commands.add_parser(
        "review", help="record a review step (approve, reject, …) in an assessment, or show the review"
    )
    review.add_argument("file", type=Path, help="an assessment file (*.pia.json); saved with a .bak")
    steps = review.add_mutually_exclusive_group()
    for flag, status, meaning in REVIEW_FLAGS:
        steps.add_argument(flag, dest="status", action="store_const", const=status, help=meaning)
    review.add_argument("--by", default="", metavar="NAME", help="the reviewer's name (typed, not checked)")
    review.add_argument("--comment", default="", metavar="TEXT", help="why, in a sentence")
    review.add_argument("--date", help="the step's date YYYY-MM-DD (default: today)")
    review.add_argument(
        "--sign",
        type=Path,
        metavar="KEY.p12",
        help="sign the step with this key (PKCS#12), so a later change to it shows; the passphrase comes "
        "from PIA_WIZARD_PASSPHRASE, the terminal or standard input",
    )

    migrate = commands.add_parser(
        "migrate", help="rewrite an assessment written for an older questionnaire version at today's"
    )
    migrate.add_argument(
        "file", type=Path, help="an assessment file (*.pia.json); the old one is kept as .bak"
    )

    keys = commands.add_parser("keys", help="make a key to sign reports with")
    key_commands = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    new_key = key_commands.add_parser(
        "new", help="a new key and self-signed certificate, protected by a passphrase (PKCS#12)"
    )
    new_key.add_argument("--name", required=True, help="the person or organisation that will sign")
    new_key.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="PATH",
        help="where to write the key (default: keys/ in your data folder); the certificate goes beside it",
    )

    schema = commands.add_parser("schema", help="print the JSON Schema of a file kind")
    schema.add_argument("kind", choices=SCHEMA_KINDS)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    args = _parser().parse_args(argv)
    if args.command in (None, "gui"):
        from pia_wizard.ui.launch import run_gui

        return run_gui(getattr(args, "file", None))
    if args.command == "validate":
        from pia_wizard.commands.validate import run_validate

        return run_validate(args.paths, args.trust)
    if args.command == "translations":
        from pia_wizard.commands.translations import run_translations

        return run_translations(args.folder, args.language, args.update)
    if args.command == "score":
        from pia_wizard.commands.score import run_score

        return run_score(args.file, args.rulebook, args.date, args.json, args.language)
    if args.command == "compare":
        from pia_wizard.commands.compare import run_compare

        return run_compare(args.a, args.b, args.date, args.json)
    if args.command == "report" and args.compare is not None:
        from pia_wizard.commands.compare import run_compare_report

        return run_compare_report(
            args.file, args.compare, args.output, args.html, args.date, args.draft, args.language
        )
    if args.command == "report":
        from pia_wizard.commands.report import run_report

        return run_report(
            args.file,
            args.output,
            template=args.template,
            language=args.language,
            draft=args.draft,
            omit=args.omit,
            html=args.html,
            date=args.date,
            recipient=args.recipient,
            reference=args.reference,
            reply_by=args.reply_by,
            legal_basis=args.legal_basis,
            prepared_for=args.prepared_for,
            output_format=args.format,
            sign=args.sign,
        )
    if args.command == "keys":
        from pia_wizard.commands.keys import run_keys_new

        return run_keys_new(args.name, args.output)
    if args.command == "review":
        from pia_wizard.commands.review import run_review

        if args.status is not None and not args.by.strip():
            print("review: --by NAME is needed to record a step (the reviewer's name)", file=sys.stderr)
            return EXIT_BAD_INPUT
        if args.sign is not None and args.status is None:
            print("review: --sign signs a step: give its status too (for example --approve)", file=sys.stderr)
            return EXIT_BAD_INPUT
        return run_review(args.file, args.status, args.by, args.comment, args.date, sign=args.sign)
    if args.command == "migrate":
        from pia_wizard.commands.migrate import run_migrate

        return run_migrate(args.file)
    if args.command == "schema":
        from pia_wizard.core.files.schema_export import schema_text

        sys.stdout.write(schema_text(args.kind))
        return EXIT_OK
    raise AssertionError(f"unhandled command {args.command!r}")  # argparse rejects the rest


if __name__ == "__main__":
    sys.exit(main())
