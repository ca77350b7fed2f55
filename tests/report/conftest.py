"""Report tests import their shared cases as `report_cases`, like the rule tests import `rule_cases`."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
