"""Test set-up shared by the whole suite.

Qt needs a platform before any QApplication exists: CI has no display, and without this the whole
pytest process aborts with no summary line.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import atexit
import shutil
import tempfile

# The shipped-library cache (core/library_cache.py) goes to a folder of this run, never the user's;
# xdist workers and the subprocesses tests start inherit it from the process that made it.
if "PIA_WIZARD_CACHE_DIR" not in os.environ:
    _cache = tempfile.mkdtemp(prefix="pia-test-cache-")
    os.environ["PIA_WIZARD_CACHE_DIR"] = _cache
    atexit.register(shutil.rmtree, _cache, ignore_errors=True)

from hypothesis import HealthCheck, settings

# One profile for CI (which sets CI=true) and for local runs, so both behave alike: no deadlines
# (a loaded 2-core machine must not flake), derandomized so a failure reproduces everywhere.
settings.register_profile(
    "pia",
    deadline=None,
    derandomize=True,
    max_examples=150,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
# For a long local search (not CI): PIA_HYPOTHESIS_PROFILE=long pytest tests/core/test_fuzz_loaders.py
settings.register_profile("long", parent=settings.get_profile("pia"), derandomize=False, max_examples=3000)
settings.load_profile(os.environ.get("PIA_HYPOTHESIS_PROFILE", "pia"))

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))  # `from helpers import …` in every test folder
sys.path.insert(0, str(Path(__file__).parent / "rules"))  # the rule-case harness
