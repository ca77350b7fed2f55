"""A comparison puts evidence per choice into words (issue 13): where documents name the options they
show, each option's strength is said, not one level for the whole answer."""

from __future__ import annotations

from pia_wizard.core.load.library import shipped_library
from pia_wizard.core.models.assessment import Answer, Evidence
from pia_wizard.core.work.compare import side
from pia_wizard.report.comparison import side_words
from pia_wizard.report.formatting import Formatter


def test_each_options_strength_is_said() -> None:
    compiled = shipped_library().questionnaires["biometric-deployment"]
    fmt = Formatter(compiled, "en")
    court = Evidence(title="Court annex", confidence=4, choices=("more_staff",))
    press = Evidence(title="Press report", confidence=1)
    split = side(Answer(value=("more_staff", "plain_cctv"), evidence=(court, press)))
    words = side_words(fmt, "q909", split, evidence=True)
    assert "(evidence for each choice — " in words
    more_staff = fmt.value("q909", ("more_staff",))
    plain = fmt.value("q909", ("plain_cctv",))
    assert f"{more_staff}: " in words and f"{plain}: " in words
    assert words.index(more_staff) < words.rindex(plain)
    whole = side(
        Answer(value=("more_staff", "plain_cctv"), evidence=(court.model_copy(update={"choices": ()}),))
    )
    assert "for each choice" not in side_words(fmt, "q909", whole, evidence=True)
