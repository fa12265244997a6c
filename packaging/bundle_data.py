"""What the application bundle carries besides code, derived from pyproject.toml's package
data so the bundle and the installed package can never ship different data files.

Read by the PyInstaller spec (packaging/donation-checker.spec) and by tests/core/test_bundle.py.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The cell reader runs as a script in a process of its own (donation_checker/importer/reader.py):
# the bundle carries its source beside the compiled module.
SCRIPTS = ["donation_checker/importer/cellworker.py"]


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, folder inside the bundle) for every package data file and script."""
    setuptools = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    folders = setuptools.get("package-dir", {})
    pairs = []
    for package, patterns in setuptools.get("package-data", {}).items():
        source = root / folders.get(package, package.replace(".", "/"))
        target = package.replace(".", "/")
        for pattern in patterns:
            pairs += [(str(path), target) for path in sorted(source.glob(pattern))]
    pairs += [(str(root / script), str(Path(script).parent)) for script in SCRIPTS]
    return pairs
