"""Helpers shared by the GUI tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def load_inventory(qtbot: Any, window: Any, path: Path) -> Any:
    with qtbot.waitSignal(window.flow.imported, timeout=30_000) as blocker:
        window.open_inventory(str(path))
    return blocker.args[2]


def wait_assessment(qtbot: Any, window: Any, timeout: int = 30_000) -> Any:
    """Wait until the live assessment has settled, then return it (or None)."""
    qtbot.waitUntil(lambda: not window.session.is_busy(), timeout=timeout)
    return window.session.assessment


def drop_file(window: Any, path: Path) -> None:
    """Drop a file on the window as the user would from a file manager."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
