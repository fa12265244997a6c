"""Saving is atomic: a process killed with SIGKILL at a random moment while it saves a case file
(the GUI's autosave), a rule set or a PDF leaves the previous version or the new one, never a
torn file, and the file always loads. The killing is done by tests/core/crash_child.py.

CI kills a few dozen times. The long form (docs/robustness.md) kills 500 times per kind:

    DC_LONG_RUN=1 python -m pytest tests/core/test_crash_safety.py -m slow -p no:cacheprovider
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
KINDS = ("case", "rules", "pdf")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX")


def kill_run(kind: str, folder: Path, kills: int, seed: int) -> dict[str, object]:
    child = subprocess.run(
        [sys.executable, "-m", "tests.core.crash_child", kind, str(folder), str(kills), str(seed)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.returncode == 0, child.stderr[-2000:]
    result: dict[str, object] = json.loads(child.stdout.strip().splitlines()[-1])
    return result


def check(result: dict[str, object], kills: int, *, both: bool = False) -> None:
    assert result["failures"] == [], result["failures"]
    versions = result["old_or_new"]
    assert isinstance(versions, dict) and sum(versions.values()) == kills
    if both:  # kills landed both before and after a save completed
        assert set(versions) == {"A", "B"}, versions


@pytest.mark.parametrize("kind", KINDS)
def test_a_killed_save_leaves_the_old_or_the_new_file(kind: str, tmp_path: Path) -> None:
    result = kill_run(kind, tmp_path, 15, seed=2026)
    check(result, 15)


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("DC_LONG_RUN"), reason="long form: set DC_LONG_RUN=1")
@pytest.mark.parametrize("kind", KINDS)
def test_hundreds_of_kills_lose_nothing(kind: str, tmp_path: Path) -> None:
    kills = int(os.environ.get("DC_KILLS", "500"))
    result = kill_run(kind, tmp_path, kills, seed=int(os.environ.get("DC_SEED", "1")))
    print(json.dumps(result))
    check(result, kills, both=True)
