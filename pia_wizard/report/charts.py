"""Charts as plain data: the shapes of an inline SVG, laid out here and drawn by a template macro
(the verdict strips); the step charts and the tests overview are tables whose cells carry the same
colours, marks and words, because a table wraps every title whole where a box of fixed size cut it.

No plotting library: a chart is a title (the SVG's `<title>`, its alternative text in a tagged PDF), a
size, and rectangles and texts with coordinates. Colours are constants here; every text is escaped by
the template like any other text, so nothing a user typed can become markup. Each colour comes with a
word or a mark, and the current rung of a verdict strip has a heavy outline, so a chart still reads
when printed in black and white. Nothing is cut to fit: the strips' words are short, and the rest are tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pia_wizard.core.models.messages import SOURCE_LANGUAGE, Messages
from pia_wizard.report.wording import NP_, STATUS_MARK, STEP_STATUS, VERDICTS, words

WIDTH = 600
FONT = 11
EM = 0.62  # the width of an average DejaVu Sans character, in font sizes

VERDICT_COLOURS: dict[str, tuple[str, str]] = {  # fill, text
    "red_line": ("#7a1020", "#ffffff"),
    "fails": ("#c62828", "#ffffff"),
    "insufficient_information": ("#e59a00", "#000000"),
    "conditional": ("#f3d250", "#000000"),
    "passes": ("#2e7d32", "#ffffff"),
    "not_applicable": ("#6f6f6f", "#ffffff"),
}
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    "pass": ("#2e7d32", "#ffffff"),
    "fail": ("#c62828", "#ffffff"),
    "undetermined": ("#e59a00", "#000000"),
    "conditional": ("#f3d250", "#000000"),
    "not_applicable": ("#d9d9d9", "#000000"),
    "not_in_force": ("#d9d9d9", "#000000"),
    "not_reached": ("#eeeeee", "#555555"),
}
IDLE = ("#f2f2f2", "#6b6b6b")
# Short enough to fit a sixth of the strip, a line break where one is needed; the full words are in the
# text beside it. Their own context ("verdict strip") keeps them apart from the verdict names in running text.
STRIP_LABELS: dict[str, tuple[str, str]] = {
    "red_line": NP_("verdict strip", "Red line"),
    "fails": NP_("verdict strip", "Fails"),
    "insufficient_information": NP_("verdict strip", "Insufficient\ninformation"),
    "conditional": NP_("verdict strip", "Conditional"),
    "passes": NP_("verdict strip", "Passes"),
    "not_applicable": NP_("verdict strip", "Not\napplicable"),
}
ENGLISH = SOURCE_LANGUAGE
STRIP_FIT = 12  # characters per line that fit a rung at 12 px


def _strip_label(said: Messages, rung: str) -> tuple[str, ...]:
    return tuple(said.pgettext(*STRIP_LABELS[rung]).split("\n"))


def _rect(
    x: float, y: float, w: float, h: float, fill: str, stroke: str = "none", sw: float = 0.8
) -> dict[str, Any]:
    return {
        "kind": "rect",
        "x": round(x, 1),
        "y": round(y, 1),
        "w": round(w, 1),
        "h": round(h, 1),
        "fill": fill,
        "stroke": stroke,
        "sw": sw,
    }


def _text(
    x: float,
    y: float,
    text: str,
    fill: str = "#000000",
    *,
    size: int = FONT,
    bold: bool = False,
    anchor: str = "middle",
) -> dict[str, Any]:
    return {
        "kind": "text",
        "x": round(x, 1),
        "y": round(y, 1),
        "text": text,
        "fill": fill,
        "size": size,
        "weight": "bold" if bold else "normal",
        "anchor": anchor,
    }


def verdict_strip(title: str, verdict: str, language: str = ENGLISH) -> dict[str, Any]:
    """The verdict ladder from red line to passes (and not applicable), this rulebook's rung filled."""
    said = words(language)
    order = tuple(VERDICTS)
    cell = WIDTH / len(order)
    height = 32
    shapes: list[dict[str, Any]] = []
    for index, rung in enumerate(order):
        current = rung == verdict
        fill, ink = VERDICT_COLOURS[rung] if current else IDLE
        x = index * cell
        if current:
            shapes.append(_rect(x + 2, 2, cell - 4, height - 4, fill, "#000000", 3))
        else:
            shapes.append(_rect(x + 2, 2, cell - 4, height - 4, fill, "#cfcfcf"))
        lines = _strip_label(said, rung)
        # A word longer than English's longest ("Insufficient") gets a smaller size to stay in its box.
        size = 12 if max(len(line) for line in lines) <= STRIP_FIT else 10
        first = height / 2 + size * 0.36 - (len(lines) - 1) * (size + 1) / 2
        for number, line in enumerate(lines):
            shapes.append(
                _text(x + cell / 2, first + number * (size + 1), line, ink, size=size, bold=current)
            )
    label = said.gettext(VERDICTS.get(verdict, (verdict, ""))[0])
    shown = said.gettext("Verdict under {title}: {label}").format(title=title, label=label)
    return {"title": shown, "width": WIDTH, "height": height, "shapes": shapes}


def _status_cell(status: str, said: Messages | None = None) -> dict[str, Any]:
    fill, ink = STATUS_COLOURS.get(status, IDLE)
    label = STEP_STATUS.get(status, status)
    return {
        "status": status,
        "mark": STATUS_MARK.get(status, ""),
        "label": said.gettext(label) if said else label,
        "fill": fill,
        "ink": ink,
    }


def step_chart(
    title: str, tests: Sequence[Mapping[str, Any]], language: str = ENGLISH
) -> dict[str, Any] | None:
    """One column per test (legality, necessity, proportionality …), one cell per step, in order: a
    table, so that every test's title is printed whole however many columns there are."""
    if not tests:
        return None
    said = words(language)
    columns = []
    summary: list[str] = []
    for test in tests:
        steps = [
            {**_status_cell(step["status"], said), "id": step["id"], "decisive": step["decisive"]}
            for step in test["steps"]
        ]
        columns.append({**_status_cell(test["status"], said), "title": test["title"], "steps": steps})
        status = said.gettext(STEP_STATUS.get(test["status"], test["status"]))
        listed = ", ".join(f"{s['id']} {s['label']}" for s in steps)
        summary.append(f"{test['title']}: {status}" + (f" ({listed})" if listed else ""))
    return {
        "title": said.gettext("Test steps under {title}.").format(title=title) + " " + "; ".join(summary),
        "columns": columns,
        "rows": max(len(t["steps"]) for t in tests),
    }


def tests_overview(rulebooks: Sequence[Mapping[str, Any]], language: str = ENGLISH) -> dict[str, Any] | None:
    """The tests under each rulebook at a glance, as rows of a table (not an SVG: a table wraps every
    title whole, where boxes of a fixed size had to cut them). Each result carries its colour and a
    mark and word, so it reads in black and white too."""
    said = words(language)
    rows = []
    for rulebook in rulebooks:
        if not rulebook["tests"]:
            continue
        tests = [{**_status_cell(test["status"], said), "title": test["title"]} for test in rulebook["tests"]]
        rows.append({"rulebook": rulebook["title"], "tests": tests})
    return {"rows": rows} if rows else None
