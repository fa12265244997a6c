"""The currency preference ("ISO codes" or "CFA francs as FCFA") holds everywhere the window
writes an amount: its own tabs, the PDF report and the Excel export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from tests.ui.helpers import load_inventory, wait_assessment
from tests.workbook_text import workbook_text

SAMPLES = Path(__file__).resolve().parents[2] / "sample_inventories"


@pytest.mark.parametrize(
    ("style", "shown", "absent"), [("local", "FCFA", "XOF"), ("code", "XOF", "FCFA")]
)
def test_the_currency_preference_holds_on_screen_and_in_every_report(
    qtbot: Any,
    window: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    style: str,
    shown: str,
    absent: str,
) -> None:
    window.settings.currency_mode = style
    window.apply_preferences(False)
    # The French inventory writes its budget and fuel price in "FCFA"; the offer prices in EUR.
    load_inventory(qtbot, window, SAMPLES / "inventaire_fama_2025.xlsx")
    with qtbot.waitSignal(window.flow.imported, timeout=30_000):
        window.import_offer(str(SAMPLES / "offre_mixte.xlsx"))
    a = wait_assessment(qtbot, window)
    assert a is not None and a.lifecycle is not None

    panel = window.assessment_panel
    cost_tab = panel.tabs.tabText(list(panel.models).index("cost"))
    assert shown in cost_tab and absent not in cost_tab

    pdf, xlsx = tmp_path / "report.pdf", tmp_path / "report.xlsx"
    targets = iter([str(pdf), str(xlsx)])
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *args: (next(targets), "")),
    )
    report = window.report_panel
    report.save_pdf()
    report.export_excel()
    qtbot.waitUntil(lambda: pdf.exists() and xlsx.exists(), timeout=60_000)
    qtbot.waitUntil(lambda: window.runner.active_count() == 0, timeout=60_000)

    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert shown in text and absent not in text
    cells = workbook_text(xlsx)
    assert shown in cells and absent not in cells
