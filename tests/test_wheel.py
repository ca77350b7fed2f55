"""The installed wheel finds its data through importlib.resources, from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT


@pytest.mark.slow
def test_wheel_installs_and_validates_shipped_questionnaires_outside_the_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = dist.glob("pia_wizard-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "pia_wizard/_data/questionnaires/biometric-deployment.yaml" in names
    assert "pia_wizard/_data/questionnaires/schema/assessment.schema.json" in names
    assert "pia_wizard/_data/examples/police-lfr-van-football.pia.json" in names
    assert "pia_wizard/_data/report_templates/briefing/template.html.j2" in names
    assert "pia_wizard/ui/icons/pia-wizard-16.png" in names  # the window's icon (ui/app_icon.py)
    assert "pia_wizard/locale/de/LC_MESSAGES/engine.po" in names  # read as it is (core/models/messages.py)
    assert "pia_wizard/ui/i18n/pia_wizard_de.qm" in names  # the window in German (ui/language.py)
    assert not any(name.startswith(("tests/", "questionnaires/")) for name in names)

    # A fresh venv that sees this interpreter's dependencies (no network) but not the checkout.
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    python = target / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    dependencies = Path(sysconfig.get_paths()["purelib"])
    (site / "deps.pth").write_text(str(dependencies) + "\n", encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--quiet",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import pia_wizard, pia_wizard.core.files.resources as r; print(pia_wizard.__file__); "
            "print(r.questionnaires_dir())",
        ],
        capture_output=True,
        text=True,
        cwd=outside,
        env=env,
        check=True,
    ).stdout.split()
    assert where[0].startswith(str(site)), where
    assert where[1].startswith(str(site)) and where[1].endswith("pia_wizard/_data/questionnaires"), where
    assert not where[1].startswith(str(ROOT))

    result = subprocess.run(
        [str(python), "-m", "pia_wizard", "validate", where[1]],
        capture_output=True,
        text=True,
        cwd=outside,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stderr
