"""The outline as Markdown (CommonMark with pipe tables) for publishing systems and for diffs.

Every piece of text is escaped: markup, links, images and HTML typed into an assessment show as the
characters typed, whatever renders the file. Numbered paragraphs of a submission are numbered in the
text ("12."), so the numbers survive a paste into any system.
"""

from __future__ import annotations

import re

from pia_wizard.report.editable import Heading, Items, Outline, Para, Run, Table

# Backslash-escaped anywhere: everything CommonMark or a pipe table could read as markup.
SPECIAL = re.compile(r"([\\`*_\[\]<>|&!~])")
# Escaped at the start of a line only: headings, quotes, list markers, thematic breaks, setext lines.
LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def escape(text: str) -> str:
    """One line of text as Markdown that shows exactly these characters."""
    text = SPECIAL.sub(r"\\\1", text)
    return LINE_START.sub(_line_start, text)


def _line_start(match: re.Match[str]) -> str:
    lead, mark = match.group(1), match.group(2)
    return lead + (mark + "\\" if mark[0].isdigit() else "\\" + mark)


def inline(runs: tuple[Run, ...]) -> str:
    """Runs as one paragraph's text; a line break inside the text stays one (a backslash at its end)."""
    out = []
    for run in runs:
        lines = [escape(line) for line in run.text.split("\n")]
        text = "\\\n".join(lines)
        if run.bold and text.strip():
            lead, core, trail = _split_space(text)
            text = f"{lead}**{core}**{trail}"
        out.append(text)
    return "".join(out)


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    start = text.index(core)
    return text[:start], core, text[start + len(core) :]


def cell(text: str) -> str:
    """A table cell: one line (a pipe table has no other), its lines joined by " / "."""
    return " / ".join(escape(line.strip()) for line in text.split("\n") if line.strip())


def markdown_text(outline: Outline, generator: str) -> str:
    """The .md file's text."""
    lines: list[str] = []
    paragraph_number = 0
    previous = None
    for block in outline.blocks:
        if isinstance(block, Heading):
            level = max(block.level, 0) + 1
            lines += ["#" * level + " " + escape(block.text), ""]
        elif isinstance(block, Para):
            text = inline(block.runs)
            if block.kind == "numbered":
                paragraph_number += 1
                text = f"{paragraph_number}\\. {text}"  # a number in the text, not a list restarting at 1
            lines += [text, ""]
        elif isinstance(block, Items):
            if lines[-2:-1] and isinstance(previous, Items):  # two lists in a row would merge into one
                lines += ["<!-- -->", ""]
            for number, item in enumerate(block.items, start=1):
                marker = f"{number}." if block.numbered else "-"
                body = inline(item).replace("\\\n", "\\\n" + " " * (len(marker) + 1))
                lines.append(f"{marker} {body}")
            lines.append("")
        elif isinstance(block, Table):
            header = block.header if any(block.header) else tuple(" " for _ in block.header)
            lines.append("| " + " | ".join(escape(h) for h in header) + " |")
            lines.append("|" + "|".join("---" for _ in header) + "|")
            lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in block.rows]
            lines.append("")
            if block.caption:
                lines += [f"*{escape(block.caption)}*", ""]
        previous = block
    lines.append(escape(f"Made by {generator} for {outline.created}."))
    return "\n".join(lines).rstrip("\n") + "\n"
