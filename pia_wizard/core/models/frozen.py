"""Collections that cannot be changed in place, as pydantic field types.

All edits go through functions that return a new value (see `edits.py`), so validation and undo always
hold: a loaded model never changes under the engine or the window.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, WrapSerializer

K = TypeVar("K")
V = TypeVar("V")


def _freeze(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    return MappingProxyType(dict(value))


def _thaw(value: Mapping[Any, Any], handler: Any) -> Any:
    return handler(dict(value))


# A read-only mapping: validated like a dict, stored as a MappingProxyType, serialised as a dict.
FrozenMap = Annotated[Mapping[K, V], AfterValidator(_freeze), WrapSerializer(_thaw)]
