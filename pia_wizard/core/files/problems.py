"""Load problems that name the file, the place in it and what is wrong.

A councillor who mistyped a key must be able to find it: every problem carries the file and either a
1-based line and column (YAML, JSON syntax) or a JSON pointer (JSON schema errors), and prints as
`FILE:LINE:COL: message` or `FILE:/json/pointer: message`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in one file, at one place (or, as a warning, one thing the reader should know)."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    pointer: str | None = None
    warning: bool = False  # a warning is said, but the file still loads and is used

    def __str__(self) -> str:
        message = f"warning: {self.message}" if self.warning else self.message
        if self.line is not None:
            return f"{self.file}:{self.line}:{self.column or 1}: {message}"
        if self.pointer is not None:
            return f"{self.file}:{self.pointer or '/'}: {message}"
        return f"{self.file}: {message}"


class LoadError(Exception):
    """A file could not be loaded; holds every problem found, in file order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError("LoadError needs at least one problem")
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, file: str | Path, message: str, **where: int | str | None) -> LoadError:
        return cls([Problem(str(file), message, **where)])  # type: ignore[arg-type]


def json_pointer(path: Iterable[str | int]) -> str:
    """RFC 6901 pointer for a path of keys and indices."""
    parts = [str(p).replace("~", "~0").replace("/", "~1") for p in path]
    return "/" + "/".join(parts) if parts else ""
