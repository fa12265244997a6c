"""Importing inventories through the real window: progress, report, errors, column mapping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.helpers import load_inventory


def test_import_inventory_fills_tables_and_report(
    qtbot: Any, window: Any, inventory_file: Path
) -> None:
    inventory = load_inventory(qtbot, window, inventory_file)
    panel = window.inventory_panel
    assert window.session.inventory is inventory
    assert panel.table_model.rowCount() == 5  # the "lots" row is rejected
    assert panel.table_choice.count() >= 2  # fleet and maintenance at least
    issues = panel.issue_model.frame
    rejected = issues[issues["row"] == 7]
    assert len(rejected) == 1 and rejected.iloc[0]["column"] == "E"
    assert (
        "not a whole number" in rejected.iloc[0]["problem"]
        or "not a number" in rejected.iloc[0]["problem"]
    )
    assert "5 rows imported" in panel.summary.text() or "rows imported" in panel.summary.text()
    assert not panel.progress.isVisible()


def test_filter_and_sort_inventory_table(qtbot: Any, window: Any, inventory_file: Path) -> None:
    load_inventory(qtbot, window, inventory_file)
    panel = window.inventory_panel
    qtbot.keyClicks(panel.filter, "toyota")
    assert panel.table_model.rowCount() == 3
    assert "3 of 5" in panel.count.text()
    panel.filter.clear()
    quantity = panel.table_model.columns.index("quantity")
    panel.table_view.sortByColumn(
        quantity, panel.table_view.horizontalHeader().sortIndicatorOrder()
    )
    values = [panel.table_model.index(r, quantity).data() for r in range(5)]
    numbers = [int(v) for v in values]
    assert numbers in (sorted(numbers), sorted(numbers, reverse=True))


def test_unusable_file_shows_the_reason(
    qtbot: Any, window: Any, dialogs: Any, tmp_path: Path
) -> None:
    bad = tmp_path / "report.xlsx"
    bad.write_bytes(b"%PDF-1.4 not a workbook")
    with qtbot.waitSignal(window.flow.failed, timeout=10_000):
        window.open_inventory(str(bad))
    assert dialogs.warnings, "the user must be told"
    _title, text = dialogs.warnings[-1]
    assert "PDF" in text and "report.xlsx" in text
    assert window.session.inventory is None
    assert window.inventory_panel.open_button.isEnabled()


def test_mapping_dialog_completes_an_unknown_layout(
    qtbot: Any, window: Any, unknown_headers_file: Path
) -> None:
    with qtbot.waitSignal(window.flow.needs_mapping, timeout=15_000):
        window.open_inventory(str(unknown_headers_file))
    dialog = window.mapping_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.header_row.setValue(3)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    for field, column in (("category", 0), ("make", 1), ("model", 2)):
        dialog.set_field(field, column)
    assert not ok.isEnabled()  # quantity still missing
    assert "Quantity" in dialog.problem.text()
    dialog.set_field("quantity", 3)
    assert ok.isEnabled()
    assert dialog.result_model.rowCount() == 2
    with qtbot.waitSignal(window.flow.imported, timeout=15_000):
        qtbot.mouseClick(ok, qtbot_button())
    assert len(window.session.inventory.fleet) == 2

    # The same layout again: the remembered mapping is used without asking.
    with qtbot.waitSignal(window.flow.imported, timeout=15_000):
        window.open_inventory(str(unknown_headers_file))
    assert window.mapping_dialog is None


def qtbot_button() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_cancel_stops_the_import(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from tests.ui.conftest import FLEET_HEADERS, FLEET_ROWS, write_workbook

    big = write_workbook(tmp_path / "big.xlsx", {"Fleet": [FLEET_HEADERS] + FLEET_ROWS[:5] * 400})
    with qtbot.waitSignals([window.flow.cancelled], timeout=30_000, raising=False) as blocker:
        window.open_inventory(str(big))
        window.inventory_panel.cancel_button.click()
    # A tiny file may finish before the cancel is seen; either way nothing is half-loaded.
    qtbot.waitUntil(lambda: not window.flow.busy(), timeout=30_000)
    if blocker.signal_triggered:
        assert window.session.inventory is None
    else:
        assert len(window.session.inventory.fleet) == 2000


def test_mapping_preview_shows_formulas_without_a_saved_value(tmp_path: Path) -> None:
    """The preview reads cells as the import does: a formula written by a program that does not
    calculate shows its text, not a blank the user would take for an empty cell."""
    from donation_checker.importer.cells import CellFault
    from donation_checker_gui.import_flow import preview_grids
    from tests.core.workbooks import write_rows

    path = write_rows(
        tmp_path / "formules.xlsx",
        {"Parc": [["Marque", "Modèle", "Quantité"], ["Toyota", "Hilux", "=SUM(1,2)"]]},
    )
    (grid,) = preview_grids(path)
    cell = grid.rows[1][2]
    assert isinstance(cell, CellFault) and str(cell) == "=SUM(1,2)"


def test_a_missing_required_column_is_named_by_its_french_label_in_a_french_window(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    from tests.ui.conftest import write_workbook

    no_quantity = write_workbook(
        tmp_path / "parc.xlsx",
        {
            "Parc": [
                ["Catégorie", "Marque", "Modèle", "Année", "Carburant"],
                ["Pick-up", "Toyota", "Land Cruiser 79", 2020, "gazole"],
                ["Camion", "Renault", "Kerax", 2018, "gazole"],
            ]
        },
    )
    window.settings.language = "fr"
    window.apply_preferences(True)
    try:
        with qtbot.waitSignal(window.flow.needs_mapping, timeout=15_000):
            window.open_inventory(str(no_quantity))
        dialog = window.mapping_dialog
        assert dialog is not None
        text = dialog.why.text()
        assert "obligatoires\u00a0: Quantité." in text, text
        assert "reconnues\u00a0: Catégorie, Carburant, Marque, Modèle et Année." in text, text
        assert "quantity" not in text and "--map" not in text, text
        assert "Quantité" in dialog.problem.text()
    finally:
        from donation_checker_gui.i18n import install_language

        install_language("en")


def test_the_french_window_reports_problems_and_ignored_columns_in_french(tmp_path: Path) -> None:
    from donation_checker.importer import import_inventory
    from donation_checker_gui.inventory_panel import issue_frame, tables_frame
    from tests.core.french_texts import problems
    from tests.ui.conftest import write_workbook

    path = write_workbook(
        tmp_path / "parc.xlsx",
        {
            "Parc": [
                ["Catégorie", "Marque", "Modèle", "Quantité", "Année", "Remarques du chef"],
                ["Pick-up", "?", "Land Cruiser 79", "deux", 2020, "x"],
                ["Camion", "Renault", "Kerax", 4, 2018, "y"],
            ]
        },
    )
    report = import_inventory(path).report
    assert report is not None
    texts = [*issue_frame(report, "fr")["problem"], *tables_frame(report, "fr")["ignored"]]
    assert any("«\u00a0deux\u00a0»" in t for t in texts), texts
    assert any("(«\u00a0Remarques du chef\u00a0»)" in t for t in texts), texts
    bad = {t: problems(t, report) for t in texts if problems(t, report)}
    assert not bad, bad
