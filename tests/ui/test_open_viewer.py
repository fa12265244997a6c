"""'Open in the PDF viewer': the report goes to the desktop's viewer through a private file (a
folder of the user's own, a file only the user may read), and a viewer that cannot be opened
is said in the window, never only on the console."""

from __future__ import annotations

import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from tests.ui.helpers import load_inventory, wait_assessment

LINES = [{"category": "Pick-up", "make": "Toyota", "model": "Land Cruiser 79", "quantity": "6"}]
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


@pytest.fixture
def panel(
    qtbot: Any, window: Any, inventory_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Any:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    load_inventory(qtbot, window, inventory_file)
    window.session.lines.replace_all(LINES, "lines")
    assert wait_assessment(qtbot, window) is not None, window.session.assessment_error
    report = window.report_panel
    window.tabs.setCurrentWidget(report)
    qtbot.waitUntil(lambda: report.pdf_bytes is not None, timeout=60_000)
    return report


def _viewer(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[Path]:
    opened: list[Path] = []

    def open_url(url: QUrl) -> bool:
        opened.append(Path(url.toLocalFile()))
        return answer

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return opened


@POSIX
def test_the_report_opens_from_a_private_folder_as_a_private_file(
    qtbot: Any, panel: Any, dialogs: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = _viewer(monkeypatch, True)
    with qtbot.waitSignal(panel.message, timeout=5000) as said:
        assert panel.open_external() is True
    (pdf,) = opened
    assert pdf.read_bytes() == panel.pdf_bytes
    folder = pdf.parent
    assert folder.parent == tmp_path / "tmp" and folder.name.startswith("donation-checker-")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    assert str(pdf) in said.args[0] and dialogs.warnings == []
    # A second opening leaves the first file (a viewer may still show it) and stays private.
    panel.open_external()
    assert opened[1] != pdf and opened[1].parent == folder and pdf.exists()
    assert stat.S_IMODE(opened[1].stat().st_mode) == 0o600


def test_a_viewer_that_cannot_be_opened_is_said_in_the_window(
    qtbot: Any, panel: Any, dialogs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = _viewer(monkeypatch, False)
    with qtbot.waitSignal(panel.message, timeout=5000) as said:
        assert panel.open_external() is False
    assert len(opened) == 1
    assert dialogs.warnings, "the failure must be shown, not only printed"
    title, text = dialogs.warnings[-1]
    assert title == "Report not opened"
    assert "No PDF viewer could open the report" in text and str(opened[0]) in text
    assert said.args[0] == text


def test_a_temporary_folder_that_cannot_be_written_is_said_in_the_window(
    qtbot: Any, panel: Any, dialogs: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = _viewer(monkeypatch, True)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    assert panel.open_external() is False
    assert opened == []
    title, text = dialogs.warnings[-1]
    assert title == "Report not opened" and "temporary folder" in text
