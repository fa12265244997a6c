"""`donation-checker-gui --screenshot` renders the window offscreen with files loaded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("tab", ["assessment", "offer"])
def test_screenshot_of_a_loaded_case(
    tab: str, tmp_path: Path, inventory_file: Path, offer_file: Path
) -> None:
    out = tmp_path / f"{tab}.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DONATION_CHECKER_HOME": str(tmp_path)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "donation_checker_gui.app",
            "--screenshot",
            str(out),
            "--inventory",
            str(inventory_file),
            "--offer",
            str(offer_file),
            "--tab",
            tab,
            "--size",
            "1200x760",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 760)
    assert "Traceback" not in done.stderr
