"""YAML read into a Document (plain data and the node tree its positions come from).

Kept apart from `documents.py` so that what only reads JSON, or nothing at all (the window, starting
from the cached library), does not import PyYAML. Refused here, before memory can grow: duplicate keys,
NaN and infinity, anchors and aliases (the "billion laughs" expansion), merge keys, nesting deeper
than MAX_DEPTH and oversize files.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import yaml

from pia_wizard.core.files.documents import MAX_DEPTH, MAX_YAML_BYTES, Document, read_text
from pia_wizard.core.files.problems import LoadError, Problem

try:  # libyaml is much faster; fall back to the pure-Python parser where it is missing.
    from yaml import CSafeLoader as _YamlLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _YamlLoader  # type: ignore[assignment]


def read_yaml(path: Path, *, limit: int = MAX_YAML_BYTES, display_name: str | None = None) -> Document:
    """Parse one YAML document into plain data with positions; raise LoadError on any problem."""
    name = display_name or str(path)
    return parse_yaml(read_text(path, limit), name)


def parse_yaml(text: str, name: str) -> Document:
    """Parse YAML text (already read) into a Document."""
    try:
        node = yaml.compose(text, Loader=_YamlLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(p) for p in (exc.context, exc.problem) if p) or "invalid YAML"
        if mark is None:
            raise LoadError.single(name, f"invalid YAML: {message}") from exc
        raise LoadError.single(
            name, f"invalid YAML: {message}", line=mark.line + 1, column=mark.column + 1
        ) from exc
    except yaml.YAMLError as exc:
        raise LoadError.single(name, f"invalid YAML: {exc}") from exc
    if node is None:
        raise LoadError.single(name, "the file is empty", line=1, column=1)
    builder = _YamlBuilder(name)
    data = builder.build(node, depth=0)
    if builder.problems:
        raise LoadError(builder.problems)
    return Document(name, data, "yaml", node)


_SCALARS = yaml.constructor.SafeConstructor()
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"


class _YamlBuilder:
    """Turns a composed node tree into plain data; rejects aliases, duplicate keys and deep nesting."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def _problem(self, mark: yaml.Mark, message: str) -> None:
        problem = Problem(self.name, message, line=mark.line + 1, column=mark.column + 1)
        if problem not in self.problems:
            self.problems.append(problem)

    def build(self, node: yaml.Node, depth: int, used_at: yaml.Mark | None = None) -> Any:
        if id(node) in self._seen:
            # The composer shares one node between an anchor and its aliases: a second visit is an alias.
            self._problem(
                used_at or node.start_mark,
                "YAML anchors and aliases (&name / *name) are not supported (the anchor defined here "
                "is used again): write the value out, or use a reusable choice list",
            )
            return None
        self._seen.add(id(node))
        if depth > MAX_DEPTH:
            self._problem(node.start_mark, f"nested more than {MAX_DEPTH} levels deep")
            return None
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, depth + 1, item.start_mark) for item in node.value]
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        self._problem(node.start_mark, "unsupported YAML node")  # pragma: no cover
        return None

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _STR_TAG:
            return node.value  # most scalars: no need for the generic constructor
        try:
            value = _SCALARS.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            self._problem(node.start_mark, f"invalid value: {exc.problem}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self._problem(node.start_mark, "NaN and infinity are not allowed")
            return None
        return value

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                self._problem(key_node.start_mark, "YAML merge keys (<<) are not supported")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node.start_mark, "a mapping key must be a plain value")
                continue
            key = self._scalar(key_node)
            if not isinstance(key, str | int | bool) or key is None:
                self._problem(key_node.start_mark, f"invalid mapping key {key_node.value!r}")
                continue
            key = str(key) if not isinstance(key, str) else key
            if key in result:
                self._problem(
                    key_node.start_mark,
                    f"duplicate key '{key}' (first defined on line {first_lines.get(key, 0)})",
                )
                continue
            first_lines[key] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, depth + 1, key_node.start_mark)
        return result
