"""Facts about this copy of the program for Help › About and the start-up notice: version, licence,
the rules' date, where it is installed. Qt-free, so the tests read them without a window.

An installed copy ages while the law moves on: its rules rest on sources compiled up to a date
(`rules_as_of` of each rulebook). Six months after that date the window says so once per start.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from pia_wizard import __version__
from pia_wizard.core.files.resources import questionnaires_dir
from pia_wizard.core.load.library import Library
from pia_wizard.core.models.base import long_date

LICENCE = "GNU General Public License, version 3 or later"
LICENCE_SPDX = "GPL-3.0-or-later"
STALE_AFTER_MONTHS = 6


def version() -> str:
    return __version__


def rules_as_of(library: Library) -> dt.date | None:
    """The oldest date the shipped rules rest on (as the reports print it), None without rulebooks."""
    dates = [rulebook.rules_as_of for rulebook in library.rulebooks.values()]
    return min(dates) if dates else None


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months later (the month's last day when it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def rules_are_old(as_of: dt.date | None, today: dt.date) -> bool:
    """True when today is more than six months after the rules' date."""
    return as_of is not None and today > months_after(as_of, STALE_AFTER_MONTHS)


def old_rules_notice(as_of: dt.date) -> str:
    """The start-up notice, in plain words."""
    return (
        f"The rules in this copy rest on legal sources up to {long_date(as_of)}, more than six months ago. "
        "Laws, court rulings and guidance may have changed since: look for a newer version of pia-wizard."
    )


def frozen() -> bool:
    """True in the self-contained build (PyInstaller), False when run from a Python environment."""
    return bool(getattr(sys, "frozen", False))


def program_folder() -> Path:
    """Where this copy of the program is: the bundle's folder, or the checkout / installed package."""
    if frozen():
        return Path(sys.executable).resolve().parent
    return questionnaires_dir().parent


def cache_folder() -> Path | None:
    from pia_wizard.core.files.library_cache import cache_dir

    return cache_dir()
