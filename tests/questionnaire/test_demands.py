"""Each demand of the campaigns against biometric mass surveillance (S1–S9 of issue 3) is testable:
the questions a rule needs exist and can be reached. The rule-engine issue turns them into rules."""

from __future__ import annotations

from types import MappingProxyType

import pytest
from helpers import ROOT

from pia_wizard.core.load.loading import load_questionnaire
from pia_wizard.core.models.assessment import Answer
from pia_wizard.core.rules.visibility import AnswerView

COMPILED = load_questionnaire(ROOT / "questionnaires" / "biometric-deployment.yaml")

DEMANDS: dict[str, tuple[str, ...]] = {
    # S1: remote biometric identification in publicly accessible spaces, real-time and post. The
    # rulebooks derive it from 1:N identification (q202), no active involvement (q203), the timing
    # (q204: live, later or both, so post use is caught too), a place any member of the public can
    # enter (q205), what records the images (q222) and the feature analysed (q206: face, gait, voice…).
    "S1": ("q202", "q203", "q204", "q205", "q222", "q206"),
    # S2: by private as well as public actors: who runs the system (q201) covers councils, police,
    # companies acting for the police, and private companies for their own purposes; q210 adds the
    # open-area test the Council of Europe applies to private use (COE-6).
    "S2": ("q201", "q210"),
    # S3: the AI Act exceptions and their conditions: the three objectives (q501), the Annex II offence
    # and maximum sentence (q601, q602), the specific threat (q604), the specifically targeted
    # individual and the harm weighing (q603, q605; G1), the national law and its limits (q801, q802;
    # G9, G2), prior independent authorisation (q803, q804; G5, G6), notification (q806; G8), the
    # FRIA (q1201; G3), registration (q1211; G4), no solely automated decision (q1115; G7), and for
    # post use the offence link and untargeted searches (q606, q607; PR2, PR3).
    "S3": (
        "q501", "q601", "q602", "q603", "q604", "q605", "q606", "q607",
        "q801", "q802", "q803", "q804", "q806", "q1201", "q1211", "q1115",
    ),
    # S4: emotion recognition: whether the system reads emotions or intentions (q202), whether for
    # medical or safety reasons (q219), in which settings (q211: workplace, education), and whether
    # people are told (q1011; AIA 50(3)).
    "S4": ("q202", "q219", "q211", "q1011"),
    # S5: discriminatory biometric categorisation: which characteristics are inferred (q215), the
    # ancillary-function exemption (q216) and the dataset-labelling carve-out (q217).
    "S5": ("q202", "q215", "q216", "q217"),
    # S6: legality (specific provision, published, who/where limits, what the law fixes: q701–q706),
    # legitimate aim (q501, q502, q503, q505), necessity (q901, q902, q903, q904, q909, q911, q912)
    # and proportionality (scale: g401, q1001, q1002; retention: q1003; consequences: q1114).
    "S6": (
        "q701", "q702", "q703", "q704", "q705", "q706",
        "q501", "q502", "q503", "q505",
        "q901", "q902", "q903", "q904", "q909", "q911", "q912",
        "g401", "q1001", "q1002", "q1003", "q1114",
    ),
    # S7: an installed capability counts even when "switched off": is a feature installed but said to
    # be off (q207), which one (q213), and can the operator switch it on by itself (q214).
    "S7": ("q207", "q213", "q214"),
    # S8: public money spent on such systems: whether public money pays (q721), how much (q722), how
    # the system was obtained (q723: procurement, grant, donation), and council approval (q717).
    "S8": ("q721", "q722", "q723", "q717"),
    # S9: private providers compiling and sharing "suspicious persons" databases without oversight:
    # who is on the list (q313: 'suspicious persons'), where the images come from (q303: shared
    # between private companies, vendor databases), who else adds to or receives the list (q310),
    # independent checks of the list (q311), and who else can see alerts or ask for searches (q1008).
    "S9": ("q313", "q303", "q310", "q311", "q1008"),
}  # fmt: skip


# Follow-ups wait until what they follow is known (`follows`): these answers open the ones above —
# police live and later use in the EU against suspects and a threat, authorised before each use, with
# public money, a shared list and a feature switched off, sorting and emotion reading among its uses.
OPENING = {
    "q101": "eu", "q201": "police", "q202": ("identify", "categorise", "emotion"), "q204": "both",
    "q501": ("suspects", "threat"), "q803": "before_each_use", "q721": True, "q310": ("police",),
    "q207": True,
}  # fmt: skip


@pytest.mark.parametrize("demand", sorted(DEMANDS))
def test_each_demand_maps_to_questions_that_exist_and_can_be_reached(demand: str) -> None:
    ids = DEMANDS[demand]
    assert ids
    missing = [qid for qid in ids if qid not in COMPILED.entries]
    assert missing == []
    # With nothing answered every `show_if` is unknown, so every part is shown except the follow-ups,
    # which the opening answers bring in: nothing is unreachable.
    view = AnswerView(COMPILED, MappingProxyType({}))
    opened = AnswerView(COMPILED, MappingProxyType({q: Answer(value=v) for q, v in OPENING.items()}))
    unreachable = [q for q in ids if not view.question_visible(q) and not opened.question_visible(q)]
    assert unreachable == []
    assert all(view.question_visible(q) for q in ids if COMPILED.question(q).follows is None)


def test_all_nine_demands_are_covered() -> None:
    assert sorted(DEMANDS) == [f"S{n}" for n in range(1, 10)]
