"""Shared test settings: Qt runs offscreen; user data and the user's own folder of rules go to
temporary folders, so a developer's own files never change a test."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Properties are checked for what they promise, not for speed: under a loaded machine a first
# call (a lazy import) can pass any per-example deadline, and the benchmarks measure speed.
# A failure prints the blob that replays it (@reproduce_failure).
settings.register_profile("project", deadline=None, print_blob=True)
settings.load_profile("project")


@pytest.fixture(autouse=True)
def _private_user_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DONATION_CHECKER_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.setenv("DONATION_CHECKER_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
