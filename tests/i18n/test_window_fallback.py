"""The window shows a text's translation where it is current, and the English marked where it is not."""

from __future__ import annotations

import shutil
from pathlib import Path

from pia_wizard.core.load.library import check_files, collect_files
from pia_wizard.core.load.translations import skeleton
from pia_wizard.core.models.translation import source_hash
from pia_wizard.ui.text import Texts
from tests.helpers import FIXTURES


def test_untranslated_text_is_shown_in_english_and_marked(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "sources.yaml", tmp_path / "sources.yaml")
    shutil.copy(FIXTURES / "mini.yaml", tmp_path / "mini.yaml")
    library, _ = check_files([tmp_path / "sources.yaml", tmp_path / "mini.yaml"])
    model = library.questionnaires["mini"].questionnaire
    text = skeleton(model, "questionnaire", "mini", "de", {})
    text = text.replace(
        f'"sections/s_a/title":\n    source: "{source_hash("First")}"\n    text: ""',
        f'"sections/s_a/title":\n    source: "{source_hash("First")}"\n    text: "Erster Teil"',
    )
    translation = tmp_path / "i18n" / "de" / "mini.yaml"
    translation.parent.mkdir(parents=True)
    translation.write_text(text, encoding="utf-8")
    library, report = check_files(list(collect_files([tmp_path])))
    assert not report.problems
    compiled = library.questionnaires["mini"]
    german = Texts(compiled, "de")
    assert german(compiled.sections["s_a"].title) == "Erster Teil"
    assert german(compiled.sections["s_b"].title) == "[EN] Only for b"
    assert german.label("q_yes") == "[EN] Yes or no"
    # English is never marked; nor is a language the file itself carries inline.
    assert Texts(compiled, "en")(compiled.sections["s_b"].title) == "Only for b"
    assert Texts(compiled, "fr").label("q_choice") == "Choisir"
