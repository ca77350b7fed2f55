"""What a screen reader meets, read over AT-SPI as Orca reads it: the real window on the xcb platform
under Xvfb, with its own session D-Bus and AT-SPI registry (tests/ui/atspi_probe.py reads the tree
with the system Python's pyatspi and presses a radio button through the AT-SPI action interface).

Needs the Debian packages xvfb, dbus-x11, at-spi2-core and python3-pyatspi (`make test` installs them
as root); without them the test skips and says which is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "police-lfr-van-football.pia.json"
PROBE = Path(__file__).with_name("atspi_probe.py")
SYSTEM_PYTHON = "/usr/bin/python3"
# The country question: the example says EU; the probe presses "In the United Kingdom", which turns
# the EU-law verdict from RED LINE to DOES NOT APPLY.
PRESS = "answer:q101:uk"


def _missing() -> str:
    for tool, package in (("xvfb-run", "xvfb"), ("dbus-run-session", "dbus-x11 (dbus)")):
        if shutil.which(tool) is None:
            return f"needs {tool} (Debian package {package})"
    if not Path("/usr/share/dbus-1/services/org.a11y.Bus.service").exists():
        return "needs the AT-SPI bus (Debian package at-spi2-core)"
    if not Path(SYSTEM_PYTHON).exists():
        return f"needs {SYSTEM_PYTHON} with pyatspi (Debian package python3-pyatspi)"
    found = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
    if found.returncode:
        return "needs pyatspi for the system Python (Debian package python3-pyatspi)"
    return ""


@pytest.fixture(scope="module")
def heard(tmp_path_factory: pytest.TempPathFactory) -> dict:
    reason = _missing()
    if reason:
        pytest.skip(reason)
    if not EXAMPLE.exists():
        pytest.skip(f"the example {EXAMPLE.name} does not exist yet")
    folder = tmp_path_factory.mktemp("atspi")
    copy = folder / "lfr.pia.json"  # a copy: examples open read-only, and this one must be edited
    shutil.copyfile(EXAMPLE, copy)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(XDG_CONFIG_HOME=str(folder / "config"), XDG_DATA_HOME=str(folder / "data"))
    window = [str(Path(sys.executable).with_name("pia-wizard")), "gui", str(copy)]
    if not Path(window[0]).exists():
        window = [sys.executable, "-m", "pia_wizard", "gui", str(copy)]
    out = folder / "heard.json"
    command = ["xvfb-run", "-a", "dbus-run-session", "--", SYSTEM_PYTHON, str(PROBE), "--press", PRESS]
    failures = []
    for _attempt in range(2):  # `xvfb-run -a` can lose a race for a display number to another run
        result = subprocess.run(
            [*command, "--out", str(out), "--", *window],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if result.returncode == 0:
            break
        failures.append(f"exit {result.returncode}: {result.stderr[-3000:]}")
    assert result.returncode == 0, "\n\n".join(failures)
    return json.loads(out.read_text(encoding="utf-8"))


def _where(obj: dict) -> str:
    return f"{obj['role']} {obj['id'].rsplit('.', 1)[-1]!r}"


pytestmark = pytest.mark.slow


def test_every_focusable_object_on_screen_has_a_name(heard: dict) -> None:
    objects = heard["objects"]
    focusable = [o for o in objects if {"focusable", "showing"} <= set(o["states"])]
    assert len(focusable) > 50  # the page of the example, the verdicts, the section list
    nameless = [_where(o) for o in focusable if not o["name"].strip()]
    assert nameless == []


def test_every_question_card_is_a_group_named_by_its_question(heard: dict) -> None:
    objects = heard["objects"]
    cards = [o for o in objects if o["id"].endswith(".questionCard") and "showing" in o["states"]]
    assert len(cards) >= 5
    for index, card in ((objects.index(c), c) for c in cards):
        headings = [o["name"] for o in objects if o["parent"] == index and o["role"] == "label"]
        assert card["role"] == "panel", _where(card)
        assert card["name"] and card["name"] in headings, (card["name"], headings)


def test_radio_buttons_form_groups_named_by_their_question(heard: dict) -> None:
    objects = heard["objects"]
    radios = [o for o in objects if o["role"] == "radio button" and "showing" in o["states"]]
    assert len(radios) >= 6
    for radio in radios:
        group = objects[radio["parent"]]
        members = [o for o in objects if o["parent"] == radio["parent"] and o["role"] == "radio button"]
        assert group["role"] == "panel" and group["name"], _where(radio)
        assert radio["name"].startswith(f"{group['name']}: "), (radio["name"], group["name"])
        assert len(members) >= 2


def test_combo_boxes_and_calendar_buttons_say_their_question(heard: dict) -> None:
    objects = heard["objects"]
    combos = [o for o in objects if o["role"] == "combo box" and "answer:" in o["id"]]
    assert combos
    for combo in combos:  # Qt names a combo box by its value on Linux: the group says the question
        group = objects[combo["parent"]]
        labels = [t for r in combo["relations"] if r["type"] == "labelled-by" for t in r["targets"]]
        assert group["role"] == "panel" and group["name"] in labels, (group["name"], labels)
    calendars = [o for o in objects if ".calendar:" in o["id"]]
    assert len(calendars) == 2
    assert len({c["name"] for c in calendars}) == 2 and all("—" in c["name"] for c in calendars)


def test_at_most_one_object_claims_the_focus(heard: dict) -> None:
    focused = [_where(o) for o in heard["objects"] if "focused" in o["states"]]
    assert len(focused) <= 1, focused


def test_a_changed_verdict_is_announced_once_in_words(heard: dict) -> None:
    assert len(heard["announcements"]) == 1, heard["announcements"]
    said = heard["announcements"][0]
    assert "now DOES NOT APPLY, was RED LINE" in said, said
    assert "_" not in said and "eu-law" not in said
    # The questions did not change their names: nothing on the page is renamed (the section list
    # counts the answers again, and the verdict pane changes; the page's own controls do not).
    renamed_on_page = [i for i in heard["renames"] if ".page:" in i]
    assert renamed_on_page == []


def test_disclosure_toggles_are_expandable_buttons(heard: dict) -> None:
    """ "Help" and "Note and evidence" open a panel: a screen reader says "button, collapsed", not
    "check box, not checked"."""
    toggles = [
        o
        for o in heard["objects"]
        if any(f".{kind}:" in o["id"] for kind in ("helpButton", "noteButton")) and "showing" in o["states"]
    ]
    assert len(toggles) >= 5
    for toggle in toggles:
        assert toggle["role"] == "push button", _where(toggle)
        assert "expandable" in toggle["states"], (_where(toggle), toggle["states"])
        assert ("expanded" in toggle["states"]) != ("collapsed" in toggle["states"]), toggle["states"]
