"""Atomic writes: old or new content, never half; ordinary permissions; no stray temp files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from donation_checker.atomic import atomic_path, write_bytes_atomic


def test_new_file_gets_the_umask_permissions_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_bytes_atomic(tmp_path / "report.pdf", b"%PDF")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.pdf").stat().st_mode) == 0o644


def test_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "case.json"
    target.write_text("old")
    target.chmod(0o640)
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_failure_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "rules.toml"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rules.toml"]


def test_a_killed_writers_old_temporary_file_is_swept_but_a_fresh_one_is_kept(
    tmp_path: Path,
) -> None:
    target = tmp_path / "case.dccase"
    stale = tmp_path / ".case.dccase.0123456789ab.tmp"
    fresh = tmp_path / ".case.dccase.ba9876543210.tmp"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    old = stale.stat().st_mtime - 3600
    os.utime(stale, (old, old))
    write_bytes_atomic(target, b"whole")
    assert not stale.exists()
    assert fresh.exists()  # may belong to a save still running elsewhere
    assert target.read_bytes() == b"whole"
