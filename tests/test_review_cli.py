"""`pia-wizard review` and the review in `score` and `validate`, on a copy of a shipped example."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import ROOT

from pia_wizard.cli import main

STADIUM = ROOT / "examples" / "stadium-entry-consent.pia.json"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "stadium.pia.json"
    shutil.copy(STADIUM, path)
    return path


def _score(path: Path, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    assert main(["score", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_approve_records_a_step_and_score_says_it_is_current_until_an_answer_changes(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _score(copy, capsys)["review"] | {"digest": ""} == {
        "status": "draft",
        "current": False,
        "digest": "",
        "open_comments": 0,
        "last": None,
        "signature": "none",
        "signer": None,
        "self_signed": False,
    }
    before = copy.read_bytes()
    args = [
        "review",
        str(copy),
        "--approve",
        "--by",
        "R. Okafor",
        "--comment",
        "Checked",
        "--date",
        "2026-03-01",
    ]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Approved by R. Okafor on 1 March 2026." in out
    assert "anyone who can edit the assessment file can write any name" in out
    assert copy.with_name(copy.name + ".bak").read_bytes() == before  # saved atomically, .bak kept
    step = json.loads(copy.read_text(encoding="utf-8"))["review"]["steps"][-1]
    assert step | {"digest": ""} == {
        "status": "approved",
        "by": "R. Okafor",
        "date": "2026-03-01",
        "comment": "Checked",
        "digest": "",
    }
    review = _score(copy, capsys)["review"]
    assert review["status"] == "approved" and review["current"] is True
    assert review["digest"] == step["digest"]
    assert main(["validate", str(copy)]) == 0
    assert "approval" not in capsys.readouterr().out

    data = json.loads(copy.read_text(encoding="utf-8"))
    question = next(q for q, a in data["answers"].items() if isinstance(a.get("value"), bool))
    data["answers"][question]["value"] = not data["answers"][question]["value"]
    copy.write_text(json.dumps(data), encoding="utf-8")
    review = _score(copy, capsys)["review"]
    assert review["status"] == "approved" and review["current"] is False
    assert main(["score", str(copy)]) == 0
    text = capsys.readouterr().out
    assert "No longer current" in text and "Approved by" not in text
    assert main(["validate", str(copy)]) == 0
    assert "/review/steps/0: warning: the approval by R. Okafor on 1 March 2026 is no longer current" in (
        capsys.readouterr().out
    )


@pytest.mark.parametrize(
    ("flag", "status"),
    [
        ("--submit", "in_review"),
        ("--request-changes", "changes_requested"),
        ("--reject", "rejected"),
        ("--draft", "draft"),
    ],
)
def test_the_other_statuses(copy: Path, capsys: pytest.CaptureFixture[str], flag: str, status: str) -> None:
    assert main(["review", str(copy), flag, "--by", "R. Okafor"]) == 0
    capsys.readouterr()
    review = _score(copy, capsys)["review"]
    assert review["status"] == status and review["current"] is True
    assert review["last"]["by"] == "R. Okafor"


def test_bad_input_exits_2_with_a_clear_message_and_leaves_the_file(
    copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = copy.read_bytes()
    assert main(["review", str(copy), "--approve"]) == 2
    assert "--by NAME is needed" in capsys.readouterr().err
    assert main(["review", str(copy), "--approve", "--by", "   "]) == 2
    assert main(["review", str(copy), "--approve", "--by", "R", "--date", "1/3/2026"]) == 2
    assert "is not a date in the form YYYY-MM-DD" in capsys.readouterr().err
    assert main(["review", str(tmp_path / "missing.pia.json"), "--approve", "--by", "R"]) == 2
    assert (
        main(
            [
                "review",
                str(ROOT / "tests/fixtures/v1/police-lfr-van-football--factsheet.pdf"),
                "--approve",
                "--by",
                "R",
            ]
        )
        == 2
    )
    assert "a report is never rewritten" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["review", str(copy), "--approve", "--reject", "--by", "R"])
    assert exit_.value.code == 2
    assert copy.read_bytes() == before


def test_open_comments_block_approval_from_the_command_line(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(copy.read_text(encoding="utf-8"))
    question = next(iter(data["answers"]))
    data["review"] = {"comments": [{"question": question, "text": "Source?", "by": "R. Okafor"}]}
    copy.write_text(json.dumps(data), encoding="utf-8")
    before = copy.read_bytes()
    assert main(["review", str(copy), "--approve", "--by", "R. Okafor"]) == 2
    err = capsys.readouterr().err
    assert "cannot record the review step: a review comment on an answer is still open" in err
    assert copy.read_bytes() == before
    assert main(["review", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "Comments on answers (1 open):" in out and "[open]" in out and question not in out
    data["review"]["comments"][0]["resolved"] = True
    copy.write_text(json.dumps(data), encoding="utf-8")
    assert main(["review", str(copy), "--approve", "--by", "R. Okafor"]) == 0
