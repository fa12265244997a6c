"""Assessment case files: the offer, the inventory used (path and SHA-256), the rule set and its
weight overrides, and the officer's notes, in one JSON file. Saves are atomic; an autosave every
30 seconds lets the next start recover the work after a crash."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from donation_checker import __version__
from donation_checker.atomic import write_text_atomic
from donation_checker.logs import user_data_dir

FORMAT = "donation-checker-case"
FORMAT_VERSION = 1
SUFFIX = ".dcase"
AUTOSAVE_MS = 30_000
MAX_CASE_BYTES = 20 * 1024 * 1024


class CaseFileError(ValueError):
    """The file is not a case file this version can read."""


@dataclass(frozen=True)
class CaseData:
    offer_header: dict[str, Any]
    offer_lines: list[dict[str, str]]
    inventory_path: str | None
    inventory_sha256: str | None
    rules_path: str | None
    rules_sha256: str | None
    family_weights: dict[str, float]
    notes: str


def to_json(snapshot: dict[str, Any]) -> str:
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        **snapshot,
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False)


def save_case(path: str | Path, snapshot: dict[str, Any]) -> None:
    write_text_atomic(path, to_json(snapshot))


def load_case(path: str | Path) -> CaseData:
    """Read and check a case file; raises CaseFileError with a reason a user can act on, or
    OSError when the file cannot be read."""
    path = Path(path)
    if path.stat().st_size > MAX_CASE_BYTES:
        raise CaseFileError("too_large")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CaseFileError("not_json") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CaseFileError("not_a_case")
    if not isinstance(data.get("format_version"), int) or data["format_version"] > FORMAT_VERSION:
        raise CaseFileError("newer_version")
    offer = _dict(data.get("offer"))
    lines = [
        {str(k): str(v) for k, v in line.items() if isinstance(v, str | int | float)}
        for line in offer.get("lines", [])
        if isinstance(line, dict)
    ]
    inventory = _dict(data.get("inventory"))
    rules = _dict(data.get("rules"))
    weights = {
        str(k): float(v)
        for k, v in _dict(rules.get("family_weights")).items()
        if isinstance(v, int | float) and not isinstance(v, bool) and v >= 0
    }
    return CaseData(
        offer_header=_dict(offer.get("header")),
        offer_lines=lines,
        inventory_path=_text(inventory.get("path")),
        inventory_sha256=_text(inventory.get("sha256")),
        rules_path=_text(rules.get("path")),
        rules_sha256=_text(rules.get("sha256")),
        family_weights=weights,
        notes=_text(data.get("notes")) or "",
    )


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


# --- autosave and recovery ------------------------------------------------------------------------


def autosave_dir() -> Path:
    folder = user_data_dir() / "autosave"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return False  # cannot probe cheaply: treat the file as left behind
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def orphaned_autosaves() -> list[Path]:
    """Autosaves of instances that are no longer running (crashed or killed), newest first."""
    found = []
    for path in autosave_dir().glob(f"autosave-*{SUFFIX}"):
        try:
            pid = int(path.stem.split("-", 1)[1])
        except (IndexError, ValueError):
            continue
        if not _pid_alive(pid):
            found.append(path)
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


class Autosaver(QObject):
    """Writes the session's snapshot to the user data folder while it has unsaved changes."""

    saved = Signal(str)

    def __init__(
        self,
        snapshot: Any,
        is_modified: Any,
        parent: QObject | None = None,
        interval_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        self._is_modified = is_modified
        self.path = autosave_dir() / f"autosave-{os.getpid()}{SUFFIX}"
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    def save_now(self) -> None:
        if not self._is_modified():
            return
        save_case(self.path, self._snapshot())
        self.saved.emit(str(self.path))

    def discard(self) -> None:
        """After a deliberate save or a clean exit the autosave is no longer needed."""
        self.path.unlink(missing_ok=True)

    def stop(self) -> None:
        self.timer.stop()
