"""The sources a report cites, each with its pinpoint and verification tag, collected as they are cited."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pia_wizard.core.models.messages import SOURCE_LANGUAGE
from pia_wizard.core.models.sources import SourcesFile
from pia_wizard.report.wording import TAGS, words


class Citations:
    """Looks sources up and remembers which were cited, for the source table in the annex."""

    def __init__(self, sources: SourcesFile | None, language: str = SOURCE_LANGUAGE) -> None:
        self._t = words(language).gettext
        self._table = {s.id: s for s in sources.sources} if sources else {}
        self.language = language
        self.cited: list[str] = []

    def cite(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """Each source as plain data (id, short and full citation, tag), remembered as cited."""
        found = []
        for source_id in ids:
            if source_id not in self.cited:
                self.cited.append(source_id)
            found.append(self.describe(source_id))
        return found

    def describe(self, source_id: str) -> dict[str, Any]:
        source = self._table.get(source_id)
        if source is None:
            return {
                "id": source_id,
                "title": source_id,
                "pinpoint": "",
                "address": "",
                "tag": "?",
                "tag_label": self._t(TAGS["?"]),
                "short": source_id,
                "brief": source_id,
                "name": source_id,
                "note": "",
            }
        address = source.address or ""
        if not address.startswith(("https://", "http://")):
            address = ""
        short = f"{source.title}, {source.pinpoint}" if source.pinpoint else source.title
        # "EU AI Act — prohibition of …" + "Art. 5(1)(h)" → "EU AI Act, Art. 5(1)(h)": for notes and inline.
        instrument = source.title.split(" — ")[0].strip()
        brief = f"{instrument}, {source.pinpoint}" if source.pinpoint else instrument
        if source.short and self.language in source.short:
            # In a translated report the source's translated short name ("Art. 9 Abs. 1 DSGVO") is the
            # brief citation: the English title and pinpoint ("GDPR, Art. 9(1)") would stand in German.
            brief = source.name(self.language)
        return {
            "brief": brief,
            # the readable short name, where a reader would see an id
            "name": source.name(self.language) if source.short else brief,
            "id": source.id,
            "title": source.title,
            "pinpoint": source.pinpoint,
            "address": address,
            "tag": source.tag,
            "tag_label": self._t(TAGS[source.tag]),
            "short": short,
            "note": source.note,
        }

    def table(self) -> list[dict[str, Any]]:
        """Every cited source, in id order."""
        return [self.describe(source_id) for source_id in sorted(self.cited, key=str.lower)]
