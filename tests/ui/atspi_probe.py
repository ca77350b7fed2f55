"""Reads the window's accessible tree as a screen reader does, over AT-SPI, and prints it as JSON.

Run by tests/ui/test_atspi.py with the system Python (pyatspi is a Debian package, python3-pyatspi,
not a wheel) inside `xvfb-run -a dbus-run-session --`, so the window, the session bus and the AT-SPI
registry are this run's own. Usage:

    atspi_probe.py --press ACCESSIBLE_ID_END --out RESULT.json -- COMMAND...

It starts COMMAND (the window, on the xcb platform with accessibility on), waits until the page shows
question cards, walks the tree, then presses the object whose accessible id (Qt: the chain of object
names) ends with ACCESSIBLE_ID_END through the AT-SPI action interface, as Orca's user would, and
records the announcements and renames that follow. Writes {"objects", "announcements", "renames"} to
RESULT.json (stdout is shared with the AT-SPI registry, which prints to it).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

APP_NAME = "pia-wizard"
START_SECONDS = 240  # a loaded 2-core machine building the rulebook cache: the window can be slow
QUIET_SECONDS = 3  # after the first announcement, wait this long for a second (there should be none)
EVENT_SECONDS = 30  # give up waiting for any announcement after this long


def _app():  # type: ignore[no-untyped-def]
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.name == APP_NAME:
            return app
    return None


def _accessible_id(obj) -> str:  # type: ignore[no-untyped-def]
    try:
        return obj.accessibleId or ""
    except (AttributeError, GLib.Error):  # older AT-SPI without the property
        return ""


def walk(root) -> list[dict]:  # type: ignore[no-untyped-def]
    """Every object under root, each with its parent's index in the list (-1 for root)."""
    found: list[dict] = []

    def visit(obj, parent: int) -> None:  # type: ignore[no-untyped-def]
        try:
            states = sorted(pyatspi.stateToString(s) for s in obj.getState().getStates())
            relations = [
                {
                    "type": str(r.getRelationType().value_nick),
                    "targets": [r.getTarget(i).name for i in range(r.getNTargets())],
                }
                for r in obj.getRelationSet()
            ]
            entry = {
                "role": obj.getRoleName(),
                "name": obj.name or "",
                "description": obj.description or "",
                "states": states,
                "relations": relations,
                "id": _accessible_id(obj),
                "parent": parent,
            }
            count = obj.childCount
        except GLib.Error:  # an object that went away while we read it
            return
        found.append(entry)
        me = len(found) - 1
        for index in range(count):
            child = obj.getChildAtIndex(index)
            if child is not None:
                visit(child, me)

    visit(root, -1)
    return found


def find(root, id_end: str):  # type: ignore[no-untyped-def]
    return pyatspi.findDescendant(root, lambda o: _accessible_id(o).endswith(id_end))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--press", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
    child = subprocess.Popen(args.command, env=env)
    try:
        deadline = time.monotonic() + START_SECONDS
        app = target = None
        while time.monotonic() < deadline and target is None:
            time.sleep(0.5)
            if child.poll() is not None:
                print(f"the window exited early with {child.returncode}", file=sys.stderr)
                return 2
            app = _app()
            if app is not None:
                target = find(app, args.press)
        if app is None or target is None:
            print(f"no object whose id ends with {args.press!r} within {START_SECONDS} s", file=sys.stderr)
            return 2
        time.sleep(1)  # let the first evaluation settle
        objects = walk(app)

        announcements: list[str] = []
        renames: list[str] = []
        loop = GLib.MainLoop()

        def heard(event) -> None:  # type: ignore[no-untyped-def]
            if event.type.startswith("object:announcement"):
                announcements.append(str(event.any_data))
                if len(announcements) == 1:
                    GLib.timeout_add_seconds(QUIET_SECONDS, loop.quit)
            else:
                renames.append(_accessible_id(event.source))

        pyatspi.Registry.registerEventListener(heard, "object:announcement")
        pyatspi.Registry.registerEventListener(heard, "object:property-change:accessible-name")
        GLib.timeout_add_seconds(EVENT_SECONDS, loop.quit)
        target.queryAction().doAction(0)
        loop.run()
        with open(args.out, "w", encoding="utf-8") as out:
            json.dump({"objects": objects, "announcements": announcements, "renames": renames}, out)
        return 0
    finally:
        child.terminate()
        try:
            child.wait(timeout=20)
        except subprocess.TimeoutExpired:
            child.kill()


if __name__ == "__main__":
    sys.exit(main())
