"""A passphrase for a signing key: from `PIA_WIZARD_PASSPHRASE` when set, else typed at the terminal
(not echoed), else one line of standard input (a pipe, a script). It is returned as bytes to the one
call that needs it and never stored, printed or logged."""

from __future__ import annotations

import getpass
import os
import sys

ENVIRONMENT = "PIA_WIZARD_PASSPHRASE"


class NoPassphrase(Exception):
    """No passphrase could be had, in words for a person."""


def read_passphrase(prompt: str, *, confirm: bool = False) -> bytes:
    """The passphrase, from the environment, the terminal or standard input (in that order). `confirm`:
    at a terminal, asked twice (a new key), since a typing slip would lock the key for good."""
    from_environment = os.environ.get(ENVIRONMENT)
    if from_environment:
        return from_environment.encode("utf-8")
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(f"{prompt}: ")
        if confirm and getpass.getpass("The same passphrase again: ") != first:
            raise NoPassphrase("the two passphrases differ: nothing was written")
        text = first
    else:
        line = sys.stdin.readline() if sys.stdin is not None else ""
        text = line.removesuffix("\n").removesuffix("\r")
    if not text:
        raise NoPassphrase(
            f"no passphrase: set {ENVIRONMENT}, type it at the terminal, or give it on standard input"
        )
    return text.encode("utf-8")
