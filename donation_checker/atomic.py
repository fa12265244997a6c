"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success fsync it and rename it over `target`.

    The temporary file lives in the same directory so os.replace() is a same-filesystem rename.
    On any exception the temporary file is removed and `target` is untouched.
    """
    target = Path(target)
    _sweep_stale_temps(target)
    tmp = _create_temp(target)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


STALE_AFTER_SECONDS = 600


def _sweep_stale_temps(target: Path) -> None:
    """Remove temporary files a killed writer left beside target (older than ten minutes, so
    a save still running in another process is never touched)."""
    now = time.time()
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > STALE_AFTER_SECONDS:
                leftover.unlink()


def _create_temp(target: Path) -> Path:
    """An exclusive new file beside target. Unlike mkstemp (0600) it gets the permissions the
    user's umask gives any new file, or the permissions of the file it replaces."""
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666
    for _ in range(100):
        tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except FileExistsError:
            continue
        os.close(fd)
        if target.exists():
            os.chmod(tmp, mode)  # an existing file keeps its own permissions, umask aside
        return tmp
    raise FileExistsError(f"cannot create a temporary file beside {target}")


def write_bytes_atomic(target: str | os.PathLike[str], data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text_atomic(target: str | os.PathLike[str], text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))


def write_with(target: str | os.PathLike[str], writer: Callable[[IO[bytes]], None]) -> None:
    """Call writer(fileobj) on a temporary file, then move it into place atomically."""
    with atomic_path(target) as tmp, open(tmp, "wb") as fh:
        writer(fh)


def _fsync_dir(directory: Path) -> None:
    # So the rename itself survives a power cut. Windows cannot open a directory: skip there.
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
