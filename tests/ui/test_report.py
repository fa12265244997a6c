"""Report area: preview, Save PDF and Excel export with the file dialogs faked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from tests.ui.helpers import load_inventory, wait_assessment

LINES = [
    {"category": "Pick-up", "make": "Toyota", "model": "Land Cruiser 79", "quantity": "6"},
    {"category": "Pick-up", "make": "Isuzu", "model": "D-Max", "quantity": "4"},
]


@pytest.fixture
def assessed(qtbot: Any, window: Any, inventory_file: Path) -> Any:
    load_inventory(qtbot, window, inventory_file)
    window.session.lines.replace_all(LINES, "lines")
    assert wait_assessment(qtbot, window) is not None, window.session.assessment_error
    return window


def test_save_pdf_through_the_menu(
    qtbot: Any, assessed: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "report"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    with qtbot.waitSignal(assessed.report_panel.message, timeout=60_000) as blocker:
        assessed.act_pdf.trigger()
    pdf = target.with_suffix(".pdf")
    assert "Report saved" in blocker.args[0]
    assert pdf.read_bytes().startswith(b"%PDF")


def test_cancelled_file_dialog_writes_nothing(
    assessed: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert assessed.report_panel.save_pdf() is None
    assert list(tmp_path.glob("*.pdf")) == []


def test_export_excel(
    qtbot: Any, assessed: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "assessment.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    with qtbot.waitSignal(assessed.report_panel.message, timeout=60_000):
        assessed.act_excel.trigger()
    assert target.read_bytes()[:2] == b"PK"


def test_preview_is_built_when_the_tab_is_shown(qtbot: Any, assessed: Any) -> None:
    panel = assessed.report_panel
    assessed.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.pdf_bytes is not None, timeout=60_000)
    assert panel.pdf_bytes.startswith(b"%PDF")
    assert panel.stack.currentIndex() == 1


def test_unwritable_target_is_explained(
    qtbot: Any, assessed: Any, dialogs: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "missing-folder" / "r.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    with qtbot.waitSignal(assessed.runner.idle, timeout=60_000):
        assessed.report_panel.save_pdf()
    qtbot.waitUntil(lambda: bool(dialogs.warnings), timeout=5000)
    assert dialogs.warnings[-1][0] == "Not saved"


def test_an_export_onto_the_inventory_is_refused_and_the_inventory_kept(
    qtbot: Any,
    assessed: Any,
    dialogs: Any,
    inventory_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = inventory_file.read_bytes()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(inventory_file), ""))
    )
    told = len(dialogs.warnings)
    assessed.act_excel.trigger()
    qtbot.waitUntil(lambda: len(dialogs.warnings) > told, timeout=60_000)
    _title, text = dialogs.warnings[-1]
    assert "inventory.xlsx" in text and "destroy" in text
    assert inventory_file.read_bytes() == before
