"""Write a pseudo-language catalog of the window: every string accented and about 40 % longer.

A German word is often much longer than its English one ("Datenschutz-Folgenabschätzung"). Rendering
the window in a pseudo-language shows, before any translator has worked, where a longer text is
clipped or overflows, and any string that stays plain English is one not going through Qt's
translation. Usage (from the top of the checkout):

    .venv/bin/python tools/pseudo_translate.py OUT_FOLDER [LANG]

writes OUT_FOLDER/pia_wizard_LANG.ts and .qm (LANG "xx" unless given), from pia_wizard_de.ts's
entries (which `make translations` keeps in step with the source). Place holders (%1, %n), keyboard
mnemonics (&), HTML tags and Qt's date patterns are kept as they are.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_TS = ROOT / "pia_wizard" / "ui" / "i18n" / "pia_wizard_de.ts"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"
ACCENTS = str.maketrans("aeiouycnszAEIOUYCNSZ", "àéîõüýçñšžÀÉÎÕÜÝÇÑŠŽ")
# Kept as written: place holders, HTML tags and entities, and a mnemonic's "&" with its letter.
KEEP = re.compile(r"%[0-9n]|<[^>]*>|&[a-z]+;|&&|&")
LONGER = 0.4
UNTOUCHED_CONTEXTS = {"Date"}  # Qt's date format letters, not words


def pseudo(text: str) -> str:
    """ "Save" → "[Šàvé ·····]": accented, with padding to about 40 % more characters."""
    parts: list[str] = []
    last = 0
    for match in KEEP.finditer(text):
        parts.append(text[last : match.start()].translate(ACCENTS))
        parts.append(match.group())
        last = match.end()
    parts.append(text[last:].translate(ACCENTS))
    padding = "·" * max(1, round(len(text) * LONGER) - 2)
    return "[" + "".join(parts) + " " + padding + "]"


def pseudo_catalog(source: Path, target: Path, language: str) -> None:
    """Write `target` (.ts) with every message of `source` in the pseudo-language, and build its .qm."""
    tree = ET.parse(source)  # noqa: S314 - our own catalog from the checkout
    root = tree.getroot()
    root.set("language", language)
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            original = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                continue
            translation.attrib.pop("type", None)
            shown = original if name in UNTOUCHED_CONTEXTS else pseudo(original)
            forms = translation.findall("numerusform")
            if forms:
                for form in forms:
                    form.text = shown
            else:
                translation.text = shown
    target.parent.mkdir(parents=True, exist_ok=True)
    tree.write(target, encoding="utf-8", xml_declaration=True)
    subprocess.run(  # noqa: S603 - the venv's own lrelease, with our own file names
        [str(LRELEASE), "-silent", str(target), "-qm", str(target.with_suffix(".qm"))], check=True
    )


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2:
        print(__doc__, file=sys.stderr)
        return 2
    language = argv[1] if len(argv) > 1 else "xx"
    target = Path(argv[0]) / f"pia_wizard_{language}.ts"
    pseudo_catalog(SOURCE_TS, target, language)
    print(f"wrote {target} and {target.with_suffix('.qm')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
