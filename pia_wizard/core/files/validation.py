"""Validate a Document against a model and turn pydantic's errors into positioned problems."""

from __future__ import annotations

import difflib
import json
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from pia_wizard.core.files.documents import Document, Path_
from pia_wizard.core.files.problems import LoadError, Problem
from pia_wizard.core.models.base import PATTERN_MEANINGS

M = TypeVar("M", bound=BaseModel)


def validate_document(document: Document, model: type[M]) -> M:
    """The model built from the document's data, or LoadError naming each problem's place."""
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        raise LoadError(problems_from_validation(document, exc)) from exc


def problems_from_validation(document: Document, error: ValidationError) -> list[Problem]:
    details = error.errors(include_url=False)
    failing_paths = [_data_path(document.data, e["loc"]) for e in details]
    # One place can fail several alternatives of a union ("a number" / "a date"): say it once.
    grouped: dict[Path_, list[Any]] = {}
    for detail, path in zip(details, failing_paths, strict=True):
        if detail["type"] == "too_short" and any(p != path and p[: len(path)] == path for p in failing_paths):
            continue  # pydantic adds "too short" to a list whose only member failed: noise
        grouped.setdefault(path, []).append(detail)
    missing_by_parent: dict[Path_, list[str]] = {}
    for path, group in grouped.items():
        if any(detail["type"] == "missing" for detail in group):
            missing_by_parent.setdefault(path[:-1], []).append(str(path[-1]))
    problems: list[Problem] = []
    # A JSON problem is placed by its pointer, which already names the place: no "answers.q1: " again.
    say_where = document.kind != "json"
    for path, group in grouped.items():
        messages = list(dict.fromkeys(_message(detail, path, say_where=say_where) for detail in group))
        if group[0]["type"] == "extra_forbidden" and path:
            close = difflib.get_close_matches(str(path[-1]), missing_by_parent.get(path[:-1], []), n=1)
            if close:
                messages[0] += f" (did you mean '{close[0]}'?)"
        message = messages[0] if len(messages) == 1 else _either(path if say_where else (), messages)
        at_key = all(detail["type"] == "extra_forbidden" for detail in group)
        problems.append(document.problem(path, message, at_key=at_key))
    problems.sort(key=_file_order)
    return problems


def _either(path: Path_, messages: list[str]) -> str:
    prefix = f"{_where(path)}: "
    parts = [m.removeprefix(prefix) for m in messages]
    return prefix + "; or ".join(parts) if path else "; or ".join(parts)


def _file_order(problem: Problem) -> tuple[int, int, str]:
    return (problem.line or 0, problem.column or 0, problem.pointer or "")


def _data_path(data: Any, loc: tuple[int | str, ...]) -> Path_:
    """Walk pydantic's location through the data; skip union tags (`<name>`) and model names."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(part, str) and (part.startswith("<") or part[:1].isupper() or "[" in part):
            continue
        elif isinstance(node, dict) and isinstance(part, str):
            path.append(part)  # a missing key: point at it by name (its parent's position is used)
            node = None
        else:
            break
    return tuple(path)


def _where(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _message(detail: Any, path: Path_, *, say_where: bool = True) -> str:
    kind = detail["type"]
    loc = detail["loc"]
    name = str(loc[-1]) if loc else ""
    where = _where(path) if say_where else ""
    if kind == "missing":
        parent = _where(path[:-1])
        return f"missing required key '{name}'" + (f" in {parent}" if parent else "")
    if kind == "extra_forbidden":
        return f"unknown key '{name}'" + (f" in {_where(path[:-1])}" if len(path) > 1 else "")
    message = _plain(kind, detail)
    if message is None:
        message = str(detail["msg"])
        message = message.removeprefix("Value error, ")
        found = detail.get("input")
        if kind.startswith("invalid_") and isinstance(found, dict) and "type" in found:
            message = f"{message} (found type: {found['type']!r})"
    return f"{where}: {message}" if where else message


# What a key of these models holds, for "expected an object" errors (a bare value where an answer goes).
OBJECT_HINTS = {
    "Answer": 'an answer is written as an object: {"value": …}, or {"unknown": true} when it is not known',
    "Evidence": 'a piece of evidence is written as an object: {"title": …, "confidence": 0-4, …}',
    "Note": 'a note is written as an object: {"text": …}',
}


def _plain(kind: str, detail: Any) -> str | None:
    """pydantic's wording ("Input should be a valid dictionary or instance of Answer", a regular
    expression) said in plain English; None where pydantic's own words are clear enough."""
    found = shown(detail.get("input"))
    context = detail.get("ctx") or {}
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        hint = OBJECT_HINTS.get(str(context.get("class_name", "")), "expected an object ({…} with keys)")
        return f"{hint}, not {found}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false (without quotes), not {found}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number (without quotes), not {found}"
    if kind.startswith(("date_", "datetime_")):
        return f"{found} is not a date in the form YYYY-MM-DD (for example 2026-03-31)"
    if kind == "string_pattern_mismatch":
        meaning = PATTERN_MEANINGS.get(str(context.get("pattern", "")))
        return f"{found} is not {meaning}" if meaning else None
    if kind == "string_type":
        return f"expected text in quotes, not {found}"
    if kind == "literal_error" and "expected" in context:
        return f"expected {context['expected']}, not {found}"
    if kind == "string_too_long" and "max_length" in context:
        return f"longer than the {context['max_length']} characters allowed"
    bounds = {"less_than_equal": ("at most", "le"), "greater_than_equal": ("at least", "ge")}
    if kind in bounds and bounds[kind][1] in context:
        words, key = bounds[kind]
        return f"expected {words} {context[key]}, not {found}"
    return None


def shown(value: Any, limit: int = 80) -> str:
    """A value as it is written in the file (JSON), shortened: "police", ["a", "b"], true, null."""
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
