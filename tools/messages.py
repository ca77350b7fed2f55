"""Extract a message domain's English sentences into its .pot and bring each language's .po up to date.

    python tools/messages.py engine            # re-extract engine.pot, update every de/… engine.po
    python tools/messages.py reports --init fr # also start a French catalog of the reports domain
    python tools/messages.py engine --check    # exit 1 if engine.pot is out of step with the code

Babel's own extraction (babel.messages.extract) reads the Python (and Jinja2) sources of the domain
for gettext, ngettext, pgettext, `_` and `N_` calls. Updating a .po works like msgmerge: a sentence
whose English changed keeps its old translation marked fuzzy — stale: the program shows the English
until a translator confirms the new German and removes the flag — and a sentence no longer in the code
is dropped. The .pot is rewritten only when its messages change, so its creation date stays put.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from collections.abc import Iterable
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir, extract_from_file
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE_DIR = ROOT / "pia_wizard" / "locale"
WIDTH = 100

# Where each domain's sentences are written: folders and files, relative to the repository.
SOURCES: dict[str, tuple[str, ...]] = {
    "engine": ("pia_wizard/core", "pia_wizard/commands", "pia_wizard/cli.py"),
    "reports": ("pia_wizard/report", "report_templates"),
}
METHODS = [
    ("**.py", "python"),
    ("**.j2", "jinja2.ext:babel_extract"),
]
# The report templates are read as the report layer compiles them (report/templates.py).
OPTIONS = {"**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}}
# The reports' own markers besides gettext's: NP_ (a message with a context, report/wording.py) and a
# Formatter's `tr` (report/formatting.py).
KEYWORDS: dict[str, dict] = {
    "engine": DEFAULT_KEYWORDS,
    "reports": {**DEFAULT_KEYWORDS, "NP_": ((1, "c"), 2), "tr": None},
}
COMMENT_TAGS = ("Translators:",)  # a note to translators above a message reaches the .po


def _wanted_folder(path: str) -> bool:
    """Babel's own filter skips every folder starting with "_", which would skip report_templates/_base."""
    name = Path(path).name
    return not name.startswith(".") and name != "__pycache__"


def extract(domain: str) -> Catalog:
    """The domain's messages as they are in the code now, with where each is written."""
    catalog = Catalog(project="pia-wizard", domain=domain, charset="utf-8", fuzzy=False)
    for relative in SOURCES[domain]:
        path = ROOT / relative
        if path.is_dir():
            found: Iterable[tuple] = (
                (str(Path(relative) / name), *rest)
                for name, *rest in extract_from_dir(
                    path,
                    method_map=METHODS,
                    options_map=OPTIONS,
                    keywords=KEYWORDS[domain],
                    comment_tags=COMMENT_TAGS,
                    strip_comment_tags=True,
                    directory_filter=_wanted_folder,
                )
            )
        else:
            found = (
                (relative, *rest)
                for rest in extract_from_file(
                    "python",
                    path,
                    keywords=KEYWORDS[domain],
                    comment_tags=COMMENT_TAGS,
                    strip_comment_tags=True,
                )
            )
        for filename, lineno, message, comments, context in found:
            catalog.add(
                message,
                locations=[(filename.replace("\\", "/"), lineno)],
                auto_comments=comments,
                context=context,
            )
    return catalog


def template_path(domain: str) -> Path:
    return LOCALE_DIR / f"{domain}.pot"


def catalog_path(language: str, domain: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def _key(message) -> tuple:  # type: ignore[no-untyped-def]
    return (message.context, message.id)


def message_ids(catalog: Catalog) -> set[tuple]:
    """The (context, English) of every message: what must be translated."""
    return {_key(m) for m in catalog if m.id}


def _entries(catalog: Catalog) -> list[tuple]:
    """What a catalog says, header and dates aside: ids, contexts and locations."""
    return sorted((repr(_key(m)), tuple(sorted(m.locations))) for m in catalog if m.id)


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def write(path: Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, ignore_obsolete=True, include_previous=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def update_template(domain: str) -> tuple[Catalog, bool]:
    """The fresh template; True when the .pot on disk had to be rewritten."""
    fresh = extract(domain)
    path = template_path(domain)
    if path.is_file():
        kept = read(path)
        if _entries(kept) == _entries(fresh):
            return kept, False  # unchanged: its creation date too, so the .po files stay as they are
    fresh.creation_date = dt.datetime.now(dt.UTC)
    write(path, fresh)
    return fresh, True


def update_language(domain: str, language: str, template: Catalog) -> Path:
    """Bring one language's catalog in step with the template (start it if there is none)."""
    path = catalog_path(language, domain)
    if path.is_file():
        catalog = read(path, language)
    else:
        catalog = Catalog(locale=Locale.parse(language), domain=domain, project="pia-wizard", fuzzy=False)
    catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
    write(path, catalog)
    return path


def languages(domain: str) -> list[str]:
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{domain}.po"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("domain", choices=sorted(SOURCES))
    parser.add_argument("--init", action="append", default=[], metavar="LANG", help="start this language")
    parser.add_argument("--check", action="store_true", help="only check that the .pot is up to date")
    args = parser.parse_args(argv)
    if args.check:
        path = template_path(args.domain)
        if not path.is_file() or message_ids(read(path)) != message_ids(extract(args.domain)):
            print(f"{path.relative_to(ROOT)}: out of date; run `make messages`", file=sys.stderr)
            return 1
        return 0
    template, changed = update_template(args.domain)
    done = " (rewritten)" if changed else ""
    print(f"{template_path(args.domain).relative_to(ROOT)}: {len(template)} messages{done}")
    for language in sorted({*languages(args.domain), *args.init}):
        path = update_language(args.domain, language, template)
        catalog = read(path, language)
        fuzzy = sum(1 for m in catalog if m.id and m.fuzzy)
        untranslated = sum(1 for m in catalog if m.id and not m.string)
        print(f"{path.relative_to(ROOT)}: {fuzzy} stale, {untranslated} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
