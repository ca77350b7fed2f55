"""An assessment just over the 20 MB limit, valid in every other way (the padding sits in notes), is
refused at once, before it is read into memory, with a message that names the file and the limit:
by the loader (peak memory measured in a subprocess), by `pia-wizard validate`, and by the window.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from hardening_support import run_script
from helpers import ROOT, run_cli

from pia_wizard.core.files.atomic_file import MAX_ASSESSMENT_BYTES
from pia_wizard.core.models.base import FREE_TEXT_MAX

EXAMPLE = ROOT / "examples" / "missing-child-judicial-authorisation.pia.json"
WIDE = "\U0001d11e"  # four bytes in UTF-8: a note at the length limit holds 800 kB


def canonical(data: dict) -> bytes:
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def padded_assessment(size: int) -> bytes:
    """A real example whose notes are lengthened (each within the note length limit) to `size` bytes."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    answers = data["answers"]
    for question_id in answers:
        room = size - len(canonical(data))
        if room <= 0:
            break
        if room > 4 * FREE_TEXT_MAX + 200:
            answers[question_id]["note"] = {"text": WIDE * FREE_TEXT_MAX}
        else:
            answers[question_id]["note"] = {"text": ""}
            answers[question_id]["note"]["text"] = "x" * (size - len(canonical(data)))
    blob = canonical(data)
    assert len(blob) == size, "not enough answers to pad"
    return blob


@pytest.fixture(scope="module")
def oversize(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("oversize") / "padded.pia.json"
    path.write_bytes(padded_assessment(MAX_ASSESSMENT_BYTES + 1))
    return path


def test_the_padded_file_is_otherwise_a_valid_assessment(oversize: Path) -> None:
    """Read with the limit lifted, it loads: only its size is wrong with it."""
    from pia_wizard.core.files.documents import read_json
    from pia_wizard.core.load.library import assessment_from_document, shipped_library

    document = read_json(oversize, limit=MAX_ASSESSMENT_BYTES + 1)
    assessment, _compiled = assessment_from_document(document, shipped_library())
    notes = [a.note.text for a in assessment.answers.values() if a.note is not None]
    assert sum(len(n.encode("utf-8")) for n in notes) > MAX_ASSESSMENT_BYTES - 1024 * 1024
    assert max(len(n) for n in notes) <= FREE_TEXT_MAX


# Runs in a fresh interpreter so that its peak memory (VmHWM) is its own. The peak is reset to the
# current size (/proc/self/clear_refs, "5") just before each step, so a step's growth is measured
# exactly, however high the library's loading took the peak before.
MEASURE = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from pia_wizard.core.load.assessment_io import load_assessment_file
    from pia_wizard.core.load.library import shipped_library
    from pia_wizard.core.files.problems import LoadError

    def peak_kib():
        status = Path("/proc/self/status").read_text()
        return next(int(l.split()[1]) for l in status.splitlines() if l.startswith("VmHWM:"))

    def reset_peak():
        try:
            Path("/proc/self/clear_refs").write_text("5")
        except OSError:
            print(json.dumps({"cannot_reset": True}))
            sys.exit(0)

    path = Path(sys.argv[1])
    library = shipped_library()
    reset_peak()
    before = peak_kib()
    started = time.perf_counter()
    try:
        load_assessment_file(path, library)
    except LoadError as exc:
        message = str(exc)
    else:
        message = None
    seconds = time.perf_counter() - started
    refused = peak_kib()
    # The control: actually reading the file would show in the same measurement.
    reset_peak()
    read_before = peak_kib()
    data = path.read_bytes()
    read = peak_kib()
    print(json.dumps({"message": message, "seconds": seconds, "grew_kib": refused - before,
                      "reading_grows_kib": read - read_before, "size": len(data)}))
""")


@pytest.mark.skipif(
    not Path("/proc/self/clear_refs").exists(), reason="needs Linux /proc (VmHWM, clear_refs)"
)
def test_refused_quickly_before_memory_grows(oversize: Path) -> None:
    found = run_script(MEASURE, str(oversize))
    if found.get("cannot_reset"):
        pytest.skip("this system does not let a process reset its peak RSS (/proc/self/clear_refs)")
    message = found["message"]
    assert message is not None, "the oversize assessment was loaded"
    assert str(oversize) in message and "padded.pia.json" in message
    assert "too large" in message and "just over 20 MB" in message and "at most 20 MB" in message
    # Generous: the memory bound below is what tells a refusal from a read; this only catches a parse of
    # the whole file (seconds) or a hang, never a loaded machine (it was 0.5 s).
    assert found["seconds"] < 10, f"refusing took {found['seconds']:.2f} s"
    assert found["grew_kib"] < 2 * 1024, f"memory grew by {found['grew_kib']} KiB while refusing"
    # The measurement can see a read: reading the 20 MB raises the peak by about that much.
    assert found["reading_grows_kib"] > 19 * 1024, found


def test_validate_exits_2_and_names_the_file(oversize: Path) -> None:
    result = run_cli("validate", str(oversize))
    assert result.returncode == 2, result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert f"{oversize}: " in output and "too large to open" in output
    assert "Traceback" not in output


def test_the_window_refuses_it_with_a_message(qtbot, oversize: Path, tmp_path: Path, monkeypatch) -> None:
    from hardening_support import isolate_settings, record_prompts

    isolate_settings(tmp_path, monkeypatch)
    from pia_wizard.core.load.library import shipped_library
    from pia_wizard.ui.main_window import MainWindow

    window = MainWindow(shipped_library(), examples_dir=tmp_path / "no-examples", data_folder=tmp_path)
    qtbot.addWidget(window)
    prompts = record_prompts(window)
    assert not window.open_path(oversize)
    assert window.document is None
    (title, text, details) = prompts.errors[-1]
    assert title == "Cannot open file"
    assert "padded.pia.json" in text + details and "too large to open" in text + details
