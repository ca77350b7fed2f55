"""Read YAML and JSON into plain data while remembering where each value came from.

The position map lets a schema error found later (by pydantic or by the cross-reference checks) be
reported at the YAML line and column of the offending value. The readers also refuse what a plain
`yaml.safe_load` / `json.loads` would accept silently: duplicate keys, NaN and infinity, YAML aliases
(the "billion laughs" expansion), absurd nesting and oversize files — each before memory can grow.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pia_wizard.core.files.atomic_file import FileTooLargeError, read_limited
from pia_wizard.core.files.problems import LoadError, Problem, json_pointer

MAX_DEPTH = 64
MAX_YAML_BYTES = 5 * 1024 * 1024

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Document:
    """Plain data read from a file. For YAML it keeps the composed node tree, from which the 1-based
    (line, column) of any value or key is found when a problem is reported — positions cost nothing
    for the files that load cleanly, which is nearly all of them."""

    file: str
    data: Any
    kind: str  # "yaml" or "json"
    root: Any = field(default=None, compare=False, repr=False)

    def position(self, path: Path_, *, at_key: bool = False) -> tuple[int, int] | None:
        """Where the value (or, with `at_key`, the key) at `path` starts; None if the path is not there."""
        node, key_node = self.root, None
        if node is None:
            return None
        import yaml  # a YAML document: PyYAML made its node tree, so it is loaded already

        for part in path:
            key_node = None
            if isinstance(node, yaml.MappingNode):
                match = next(
                    (
                        (k, v)
                        for k, v in node.value
                        if isinstance(k, yaml.ScalarNode) and k.value == str(part)
                    ),
                    None,
                )
                if match is None:
                    return None
                key_node, node = match
            elif (
                isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value)
            ):
                node = node.value[part]
            else:
                return None
        mark = (key_node if at_key and key_node is not None else node).start_mark
        return mark.line + 1, mark.column + 1

    def problem(self, path: Path_, message: str, *, at_key: bool = False) -> Problem:
        """A problem at `path`, placed at the nearest position known (YAML) or as a pointer (JSON)."""
        if self.kind == "json":
            return Problem(self.file, message, pointer=json_pointer(path))
        where = self.position(path, at_key=at_key) if at_key else None
        probe = path
        while where is None:
            where = self.position(probe)
            if not probe:
                break
            probe = probe[:-1]
        line, column = where or (1, 1)
        return Problem(self.file, message, line=line, column=column)


def read_text(path: Path, limit: int) -> str:
    """A file's UTF-8 text, at most `limit` bytes; any failure a LoadError that names the file."""
    try:
        raw = read_limited(path, limit)
    except FileTooLargeError as exc:
        raise LoadError.single(path, str(exc)) from exc
    except FileNotFoundError as exc:
        raise LoadError.single(path, "file not found") from exc
    except IsADirectoryError as exc:
        raise LoadError.single(path, "is a folder, not a file") from exc
    except PermissionError as exc:
        raise LoadError.single(path, "no permission to read this file") from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError.single(
            path, "not UTF-8 text (save the file as UTF-8)", line=line, column=column
        ) from exc


# ----------------------------------------------------------------------------------------- YAML


def read_yaml(path: Path, *, limit: int = MAX_YAML_BYTES, display_name: str | None = None) -> Document:
    """Parse one YAML document into plain data with positions; raise LoadError on any problem.
    (PyYAML is imported on first use: see `yaml_reader.py`.)"""
    from pia_wizard.core.files.yaml_reader import read_yaml as read

    return read(path, limit=limit, display_name=display_name)


def parse_yaml(text: str, name: str) -> Document:
    """Parse YAML text (already read) into a Document."""
    from pia_wizard.core.files.yaml_reader import parse_yaml as parse

    return parse(text, name)


# ----------------------------------------------------------------------------------------- JSON


class _Bad:
    """Placeholder left in parsed JSON where a value must be reported with its pointer."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


def read_json(path: Path, *, limit: int, display_name: str | None = None) -> Document:
    """Parse strict JSON: duplicate keys, NaN, infinity and deep nesting are problems."""
    name = display_name or str(path)
    return parse_json(read_text(path, limit), name)


def parse_json(text: str, name: str) -> Document:
    """Parse JSON text (already read) into a Document whose problems are reported as pointers."""

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                result[key] = _Bad(f"duplicate key '{key}'")
            else:
                result[key] = value
        return result

    def bad_constant(token: str) -> _Bad:
        return _Bad(f"{token} is not allowed (numbers must be finite)")

    def finite_float(token: str) -> float | _Bad:
        value = float(token)
        return value if math.isfinite(value) else _Bad(f"the number {token} is too large")

    try:
        data = json.loads(
            text, object_pairs_hook=pairs_hook, parse_constant=bad_constant, parse_float=finite_float
        )
    except json.JSONDecodeError as exc:
        raise LoadError.single(name, f"invalid JSON: {exc.msg}", line=exc.lineno, column=exc.colno) from exc
    except RecursionError as exc:
        raise LoadError.single(name, f"invalid JSON: nested more than {MAX_DEPTH} levels deep") from exc
    problems = [
        Problem(name, message, pointer=json_pointer(where)) for where, message in _json_problems(data, (), 0)
    ]
    if problems:
        raise LoadError(problems)
    return Document(name, data, "json")


def _json_problems(value: Any, path: Path_, depth: int) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, _Bad):
        yield path, value.message
        return
    if depth > MAX_DEPTH:
        yield path, f"nested more than {MAX_DEPTH} levels deep"
        return
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _json_problems(item, (*path, key), depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_problems(item, (*path, index), depth + 1)
