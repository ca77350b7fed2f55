"""The answers a finding lists are the file's answers: a group's question gives each item's own."""

from __future__ import annotations

import json

from helpers import ROOT

from pia_wizard.core.evaluation.evaluate import evaluate
from pia_wizard.core.evaluation.results import ItemAnswerRef
from pia_wizard.core.load.assessment_io import load_assessment_file
from pia_wizard.core.load.library import shipped_library


def test_a_sites_question_lists_each_sites_answer_unknown_included(tmp_path) -> None:
    library = shipped_library()
    data = json.loads((ROOT / "examples" / "council-cctv-antisocial-behaviour.pia.json").read_text("utf-8"))
    sites = data["answers"]["g401"]["value"]
    sites[0]["q416"], sites[1]["q416"] = {"unknown": True}, {"value": False}
    path = tmp_path / "council.pia.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_assessment_file(path, library)
    judged = evaluate(loaded.questionnaire, [library.rulebooks["human-rights"]], loaded.assessment)
    refs = [a for f in judged.rulebooks[0].findings for a in f.answers if a.question == "q416"]
    assert refs
    for ref in refs:
        assert ref.items == (ItemAnswerRef(state="unknown"), ItemAnswerRef(state="value", value=False))
    dumped = judged.model_dump(mode="json")
    assert {"state": "unknown", "value": None} in [
        i for b in dumped["rulebooks"] for f in b["findings"] for a in f["answers"] for i in a["items"]
    ]
