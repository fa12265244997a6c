"""Columns only proposed open the mapping dialog with the proposal selected; an answer is
remembered, can be saved as a file, and other sheets not imported can be mapped."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.core.workbooks import write_rows

DOUBT = [
    ["Category", "Make", "Model", "Quantity", "Warranty period (months)"],
    ["Pick-up", "Toyota", "Hilux", 10, 12],
    ["Truck", "Isuzu", "FVR", 2, 24],
]


def _ok(dialog: Any) -> Any:
    return dialog.buttons.button(dialog.buttons.StandardButton.Ok)


def test_a_proposed_column_opens_the_dialog_with_the_proposal_selected(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_rows(tmp_path / "offer.xlsx", {"Offer": DOUBT})
    with qtbot.waitSignal(window.flow.needs_mapping, timeout=15_000):
        window.import_offer(str(path))
    dialog = window.mapping_dialog
    assert dialog is not None and dialog.isVisible()
    # The offer is already shown, without the doubtful column.
    assert window.session.lines.rowCount() >= 2
    assert dialog.proposed() == {"warranty_months": 4}
    assert dialog.chosen()["warranty_months"] == 4

    saved = tmp_path / "shared-mapping.toml"
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    dialog.save_button.click()
    data = tomllib.loads(saved.read_text(encoding="utf-8"))
    assert data["offer_lines"]["warranty_months"] == "Warranty period (months)"

    with qtbot.waitSignal(window.flow.imported, timeout=15_000):
        qtbot.mouseClick(_ok(dialog), _left())
    assert window.session.offer().lines[0].warranty_months == 12

    # Next time, the remembered answer is used without asking.
    with qtbot.waitSignal(window.flow.imported, timeout=15_000):
        window.import_offer(str(path))
    qtbot.wait(50)
    assert window.mapping_dialog is None


def test_clearing_a_proposal_answers_no(qtbot: Any, window: Any, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "offer.xlsx", {"Offer": DOUBT})
    with qtbot.waitSignal(window.flow.needs_mapping, timeout=15_000):
        window.import_offer(str(path))
    dialog = window.mapping_dialog
    dialog.set_field("warranty_months", None)
    assert dialog.entry()["mapping"]["offer_lines"]["warranty_months"] == "-"
    with qtbot.waitSignal(window.flow.imported, timeout=15_000):
        qtbot.mouseClick(_ok(dialog), _left())
    with qtbot.waitSignal(window.flow.imported, timeout=15_000):
        window.import_offer(str(path))
    qtbot.wait(50)
    assert window.mapping_dialog is None


def test_a_sheet_not_imported_can_be_mapped_from_the_inventory_tab(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    path = write_rows(
        tmp_path / "inv.xlsx",
        {
            "Fleet": [["Category", "Make", "Model", "Quantity"], ["Truck", "Isuzu", "FVR", 3]],
            "Garages": [["Garage", "Where", "Staff"], ["Central", "Capital", 6]],
        },
    )
    with qtbot.waitSignal(window.flow.imported, timeout=15_000):
        window.open_inventory(str(path))
    panel = window.inventory_panel
    assert "Garages" in panel.summary.text()
    assert panel.map_button.isVisible()
    with qtbot.waitSignal(window.flow.needs_mapping, timeout=15_000):
        panel.map_button.click()
    dialog = window.mapping_dialog
    assert dialog.grid().name == "Garages"
    dialog.table_choice.setCurrentIndex(dialog.table_choice.findData("maintenance"))
    dialog.header_row.setValue(1)
    dialog.set_field("workshop", 0)
    dialog.set_field("location", 1)
    dialog.set_field("mechanics", 2)
    assert _ok(dialog).isEnabled()
    with qtbot.waitSignal(window.flow.imported, timeout=15_000):
        qtbot.mouseClick(_ok(dialog), _left())
    inv = window.session.inventory
    assert inv.maintenance is not None and list(inv.maintenance.frame["mechanics"]) == [6]
    assert len(inv.fleet) == 1


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
