"""What the benchmark scripts share: the machine, medians, and figures a runner can collect.

A figure is printed for the reader as one line, and when the environment names a results file
(`PIA_BENCH_RESULTS`, set by benchmarks/run_all.py) it is also appended there as one JSON line, so
that the runner can list every figure against its target and write docs/performance.md.
"""

from __future__ import annotations

import json
import os
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS_VAR = "PIA_BENCH_RESULTS"


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def figure(
    key: str,
    label: str,
    value: float,
    unit: str,
    *,
    command: str,
    target: float | None = None,
    detail: str = "",
) -> None:
    """Print one figure (with its target, if it has one) and record it for the runner."""
    met = None if target is None else value <= target
    shown = f"{value:.2f}" if unit in ("×", "ms") and value < 100 else f"{value:.0f}"
    if unit == "s":
        shown = f"{value:.2f}"
    against = "" if target is None else f"   target ≤ {target:g} {unit}: {'met' if met else 'MISSED'}"
    print(f"{label:<52} {shown:>8} {unit}{against}" + (f"   ({detail})" if detail else ""), flush=True)
    results = os.environ.get(RESULTS_VAR)
    if results:
        record = {
            "key": key,
            "label": label,
            "value": value,
            "unit": unit,
            "target": target,
            "met": met,
            "detail": detail,
            "command": command,
        }
        with open(results, "a", encoding="utf-8") as out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def peak_rss_kib(pid: int | str = "self") -> int | None:
    """VmHWM of a process (its own peak resident memory) in KiB, where /proc has it."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


def largest_example() -> Path:
    """The shipped example with the most answers (the same one bench_report.py picks)."""

    def answers(path: Path) -> tuple[int, str]:
        data = json.loads(path.read_text(encoding="utf-8"))
        return len(data.get("answers", {})), path.name

    return max(sorted((ROOT / "examples").glob("*.pia.json")), key=answers)


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for a measured GUI process: offscreen, with settings and data of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIA_WIZARD_")}
    env["QT_QPA_PLATFORM"] = "offscreen"  # the figures are for the offscreen platform
    # An installed program has its bytecode compiled (pip does it; a checkout writes it on first run).
    # Where PYTHONDONTWRITEBYTECODE is set, as on this machine, every start would compile the app's
    # ~50 modules again (~0.1 s): keep the bytecode in a folder of the benchmark instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    for name in ("config", "data", "cache"):
        (home / name).mkdir(parents=True, exist_ok=True)
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_DATA_HOME"] = str(home / "data")
    env["XDG_CACHE_HOME"] = str(home / "cache")
    env.update(extra)
    return env
