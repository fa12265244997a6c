"""Where the product keeps its logs and recovery files, and the rotating log itself."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

APP_DIR_NAME = "donation-checker"


def user_data_dir() -> Path:
    """The per-user data folder (created on demand): XDG on Linux, AppData on Windows."""
    override = os.environ.get("DONATION_CHECKER_HOME")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = (
            Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / APP_DIR_NAME
        )
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    else:
        base = (
            Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / APP_DIR_NAME
        )
    base.mkdir(parents=True, exist_ok=True)
    return base


def log_path() -> Path:
    return user_data_dir() / "donation-checker.log"


def setup_logging(level: int = logging.INFO) -> Path:
    """Attach one rotating file handler to the root logger (idempotent); return the log path."""
    path = log_path()
    root = logging.getLogger()
    for handler in root.handlers:
        if (
            isinstance(handler, logging.handlers.RotatingFileHandler)
            and Path(handler.baseFilename) == path
        ):
            return path
    # backupCount must be >= 1 or rollover never happens (bpo-29105).
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    return path
