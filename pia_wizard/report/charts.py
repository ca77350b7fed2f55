"""Charts as plain data: the shapes of an inline SVG, laid out here and drawn by a template macro.

No plotting library: a chart is a title (the SVG's `<title>`, its alternative text in a tagged PDF), a
size, and rectangles and texts with coordinates. Colours are constants here; every text is escaped by
the template like any other text, so nothing a user typed can become markup. Each colour comes with a
word or a mark, and the current rung of a verdict strip has a heavy outline, so a chart still reads
when printed in black and white. Text widths are estimated (DejaVu Sans is wide), never measured.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pia_wizard.report.wording import STATUS_MARK, STEP_STATUS, VERDICTS

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
# Short enough to fit a sixth of the strip; the full words are in the text beside it.
STRIP_LABELS: dict[str, tuple[str, ...]] = {
    "red_line": ("Red line",),
    "fails": ("Fails",),
    "insufficient_information": ("Insufficient", "information"),
    "conditional": ("Conditional",),
    "passes": ("Passes",),
    "not_applicable": ("Not", "applicable"),
}


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


def fit(text: str, width: float, size: float = FONT) -> str:
    """The text cut with an ellipsis so that it fits `width`."""
    room = max(1, int(width / (EM * size)))
    return text if len(text) <= room else text[: max(1, room - 1)].rstrip() + "…"


def wrap(text: str, width: float, lines: int = 2, size: float = FONT) -> list[str]:
    """The text in at most `lines` lines of `width`, broken between words, the last cut if need be."""
    room = max(1, int(width / (EM * size)))
    result: list[str] = []
    words = text.split()
    while words and len(result) < lines:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= room:
            line += " " + words.pop(0)
        result.append(line)
    if words:
        result[-1] = result[-1] + " " + " ".join(words)
    return [fit(line, width, size) for line in result]


def verdict_strip(title: str, verdict: str) -> dict[str, Any]:
    """The verdict ladder from red line to passes (and not applicable), this rulebook's rung filled."""
    order = tuple(VERDICTS)
    cell = WIDTH / len(order)
    height, size = 32, 12
    shapes: list[dict[str, Any]] = []
    for index, rung in enumerate(order):
        current = rung == verdict
        fill, ink = VERDICT_COLOURS[rung] if current else IDLE
        x = index * cell
        if current:
            shapes.append(_rect(x + 2, 2, cell - 4, height - 4, fill, "#000000", 3))
        else:
            shapes.append(_rect(x + 2, 2, cell - 4, height - 4, fill, "#cfcfcf"))
        lines = STRIP_LABELS[rung]
        first = height / 2 + size * 0.36 - (len(lines) - 1) * (size + 1) / 2
        for number, line in enumerate(lines):
            shapes.append(
                _text(x + cell / 2, first + number * (size + 1), line, ink, size=size, bold=current)
            )
    label = VERDICTS.get(verdict, (verdict, ""))[0]
    return {"title": f"Verdict under {title}: {label}", "width": WIDTH, "height": height, "shapes": shapes}


def step_chart(title: str, tests: Sequence[Mapping[str, Any]]) -> dict[str, Any] | None:
    """One column per test (legality, necessity, proportionality …), one box per step, in order."""
    if not tests:
        return None
    column = WIDTH / len(tests)
    box_h, gap, head = 20, 4, 50
    rows = max(len(t["steps"]) for t in tests)
    height = head + rows * (box_h + gap) + 2
    shapes: list[dict[str, Any]] = []
    summary: list[str] = []
    for index, test in enumerate(tests):
        x = index * column
        fill, ink = STATUS_COLOURS.get(test["status"], IDLE)
        shapes.append(_rect(x + 2, 1, column - 4, head - 6, fill, "#000000"))
        for number, line in enumerate(wrap(test["title"], column - 10, size=FONT + 1)):
            shapes.append(_text(x + column / 2, 14 + number * 12, line, ink, bold=True))
        status = f"{STATUS_MARK.get(test['status'], '')} {STEP_STATUS.get(test['status'], test['status'])}"
        shapes.append(_text(x + column / 2, 39, fit(status.strip(), column - 10, 10), ink, size=10))
        steps = []
        for row, step in enumerate(test["steps"]):
            y = head + row * (box_h + gap)
            fill, ink = STATUS_COLOURS.get(step["status"], IDLE)
            border = "#000000" if step["decisive"] else "#9a9a9a"
            shapes.append(_rect(x + 8, y, column - 16, box_h, fill, border))
            mark = STATUS_MARK.get(step["status"], "")
            shapes.append(_text(x + column / 2, y + 14, fit(f"{mark} {step['id']}", column - 24), ink))
            steps.append(f"{step['id']} {STEP_STATUS.get(step['status'], step['status'])}")
        words = STEP_STATUS.get(test["status"], test["status"])
        summary.append(f"{test['title']}: {words}" + (f" ({', '.join(steps)})" if steps else ""))
    return {
        "title": f"Test steps under {title}. " + "; ".join(summary),
        "width": WIDTH,
        "height": height,
        "shapes": shapes,
    }


def tests_overview(rulebooks: Sequence[Mapping[str, Any]]) -> dict[str, Any] | None:
    """One row per rulebook, one box per test with its status: the step-by-step tests at a glance."""
    rows = [r for r in rulebooks if r["tests"]]
    if not rows:
        return None
    label_w, row_h, gap = 150, 30, 5
    height = len(rows) * (row_h + gap)
    shapes: list[dict[str, Any]] = []
    summary: list[str] = []
    for index, rulebook in enumerate(rows):
        y = index * (row_h + gap)
        lines = wrap(rulebook["title"], label_w - 8, size=10)
        first = y + row_h / 2 + 4 - (len(lines) - 1) * 6
        for number, line in enumerate(lines):
            shapes.append(_text(0, first + number * 12, line, "#000000", size=10, bold=True, anchor="start"))
        tests = rulebook["tests"]
        cell = (WIDTH - label_w) / len(tests)
        parts = []
        for column, test in enumerate(tests):
            x = label_w + column * cell
            fill, ink = STATUS_COLOURS.get(test["status"], IDLE)
            shapes.append(_rect(x + 2, y + 1, cell - 4, row_h - 2, fill, "#000000"))
            mark = STATUS_MARK.get(test["status"], "")
            lines = wrap(f"{mark} {test['title']}", cell - 8, size=10)
            first = y + row_h / 2 + 4 - (len(lines) - 1) * 6
            for number, line in enumerate(lines):
                shapes.append(_text(x + cell / 2, first + number * 12, line, ink, size=10))
            parts.append(f"{test['title']} {STEP_STATUS.get(test['status'], test['status'])}")
        summary.append(f"{rulebook['title']}: {', '.join(parts)}")
    return {
        "title": "The tests under each rulebook. " + "; ".join(summary),
        "width": WIDTH,
        "height": height,
        "shapes": shapes,
    }
