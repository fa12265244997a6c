"""`donation-checker --version` and `--help` start light: as whole processes they import none of
the heavy libraries (pandas, numpy, openpyxl, reportlab, calamine, Qt), so the officer's first
command answers at once. The start-up times against `python -c "import argparse"` are measured
by benchmarks/run.py (target ≤ 3×); here the imports themselves are checked, which does not
depend on the machine's load."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from donation_checker import __version__

ROOT = Path(__file__).parents[2]
HEAVY = (
    "pandas",
    "numpy",
    "openpyxl",
    "reportlab",
    "python_calamine",
    "PySide6",
    "defusedxml",
    # the register's database layer loads only for a command that opens a register
    "sqlalchemy",
    "alembic",
    "psycopg",
    "docx",
)


def _run(*args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run the command line as a process of its own; return it and every module it imported."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "donation_checker.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""},
    )
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    return proc, modules


@pytest.mark.parametrize(
    "args",
    [
        ("--version",),
        ("--help",),
        ("assess", "--help"),
        ("check-inventory", "--help", "--lang", "fr"),
        ("register", "--help"),
        ("register", "portfolio", "--help", "--lang", "fr"),
    ],
)
def test_version_and_help_import_nothing_heavy(args: tuple[str, ...]) -> None:
    proc, modules = _run(*args)
    assert proc.returncode == 0, proc.stderr[-2000:]
    # The import list was read: the command line's own modules are in it.
    assert {"argparse", "donation_checker", "donation_checker.errors"} <= modules
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert heavy == [], f"{' '.join(args)} imported {heavy[:10]}"
    assert not any(m.startswith("donation_checker.importer") for m in modules)


def test_version_and_help_say_what_they_said_before() -> None:
    version, _ = _run("--version")
    assert version.stdout.strip() == f"donation-checker {__version__}"
    english, _ = _run("--help")
    assert "check-inventory" in english.stdout and "assess" in english.stdout
    assert "fleet" in english.stdout
    french, _ = _run("assess", "--help", "--lang", "fr")
    assert "rapport d’évaluation en PDF" in french.stdout


def test_a_command_still_imports_what_it_needs(tmp_path: Path) -> None:
    """The light start moved imports, it did not lose any: a real command runs to the end."""
    proc, modules = _run(
        "check-inventory", str(ROOT / "sample_inventories" / "inventaire_fama_2025.xlsx")
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "pandas" in modules and "donation_checker.importer" in modules
