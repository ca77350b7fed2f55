"""Validate a Document against a model and turn pydantic's errors into positioned problems."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from pia_wizard.core.documents import Document, Path_
from pia_wizard.core.problems import LoadError, Problem

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
    for path, group in grouped.items():
        messages = list(dict.fromkeys(_message(detail, path) for detail in group))
        if group[0]["type"] == "extra_forbidden" and path:
            close = difflib.get_close_matches(str(path[-1]), missing_by_parent.get(path[:-1], []), n=1)
            if close:
                messages[0] += f" (did you mean '{close[0]}'?)"
        message = messages[0] if len(messages) == 1 else _either(path, messages)
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


def _message(detail: Any, path: Path_) -> str:
    kind = detail["type"]
    loc = detail["loc"]
    name = str(loc[-1]) if loc else ""
    where = _where(path)
    if kind == "missing":
        parent = _where(path[:-1])
        return f"missing required key '{name}'" + (f" in {parent}" if parent else "")
    if kind == "extra_forbidden":
        return f"unknown key '{name}'" + (f" in {_where(path[:-1])}" if len(path) > 1 else "")
    message = str(detail["msg"])
    message = message.removeprefix("Value error, ")
    found = detail.get("input")
    if kind.startswith("invalid_") and isinstance(found, dict) and "type" in found:
        message = f"{message} (found type: {found['type']!r})"
    if kind == "literal_error" and found is not None:
        message = f"{message} (found {detail['input']!r})"
    return f"{where}: {message}" if where else message
