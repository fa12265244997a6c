"""The benchmark runs end to end at its smallest size (a smoke test: no timing is asserted)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_smoke_run_measures_every_task(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--smoke", "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    assert "error" not in text, text
    for label in (
        "import_inventory",
        "bare python-calamine",
        "pandas.read_excel",
        "assess",
        "PDF report",
        "bare reportlab table",
        "bare QApplication",
        "window shown",
        "event-loop stall",
        'python -c "import argparse"',
        "donation-checker --version",
        "donation-checker --help",
    ):
        assert label in text, label


def test_register_gui_benchmark_smoke_run_measures_the_stall() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "benchmarks/register_gui_bench.py", "--smoke"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    row = proc.stdout.strip().splitlines()[-1]
    assert row.startswith("| Register area:") and "500 cases" in row, proc.stdout
    assert "longest GUI stall ≤ 100 ms" in row and "(500 rows loaded at the end)" in row, row
