"""Qt's translation marker for modules that must not import Qt (the date rules, the export worker).

`pyside6-lupdate` finds a string by the name of the call around it, `QT_TRANSLATE_NOOP(context, text)`,
whatever defines that name; at run time the text is returned as it is and the window translates it
where it shows it (`translate(context, text)`).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """`text`, unchanged: only marked for extraction into the context's catalog."""
    return text
