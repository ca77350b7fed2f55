"""Find the shipped data folders, installed or in a checkout, without relying on the current directory.

In a wheel, `questionnaires/` and `report_templates/` are mapped to `pia_wizard/_data/` and found
through importlib.resources; in an editable checkout they sit beside the package.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_dir(name: str) -> Path:
    """The folder `questionnaires` or `report_templates` of this installation."""
    packaged = resources.files("pia_wizard") / "_data" / name
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(str(resources.files("pia_wizard"))).parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"pia-wizard's '{name}' folder is missing from this installation")


def questionnaires_dir() -> Path:
    return data_dir("questionnaires")
