"""Every table model passes pytest-qt's model tester; sorting and filtering are correct."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from donation_checker_gui.offer_model import OfferLinesModel
from donation_checker_gui.table_models import FrameModel
from tests.ui.helpers import load_inventory, wait_assessment


def sample_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "make": ["Toyota", "nissan", None, "Iveco"],
            "quantity": [12, 3, None, 40],
            "serial": ["007", "NA", "None", None],
        },
        dtype=object,
    )


def test_frame_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = FrameModel(sample_frame())
    qtmodeltester.check(model)
    model.set_filter("o")
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_frame_model_sorts_unknown_last_and_keeps_codes(qtbot: Any) -> None:
    model = FrameModel(sample_frame())
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 1).data() for r in range(4)] == ["3", "12", "40", ""]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 1).data() for r in range(4)] == ["40", "12", "3", ""]
    model.sort(0, Qt.SortOrder.AscendingOrder)  # case-insensitive text order
    assert [model.index(r, 0).data() for r in range(3)] == ["Iveco", "nissan", "Toyota"]
    codes = {model.index(r, 2).data() for r in range(4)}
    assert {"007", "NA", "None", ""} == codes  # text codes are never read as missing


def test_frame_model_filter(qtbot: Any) -> None:
    model = FrameModel(sample_frame())
    model.set_filter("TOY")
    assert model.rowCount() == 1 and model.index(0, 0).data() == "Toyota"
    model.set_filter("")
    assert model.rowCount() == 4


def test_offer_lines_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = OfferLinesModel(QUndoStack())
    model.add_line({"category": "Pick-up", "make": "Toyota", "model": "Hilux", "quantity": "x"})
    model.add_line({})
    qtmodeltester.check(model)


def test_window_models_pass_the_model_tester(
    qtbot: Any, qtmodeltester: Any, window: Any, inventory_file: Path
) -> None:
    load_inventory(qtbot, window, inventory_file)
    window.session.lines.replace_all(
        [{"category": "Pick-up", "make": "Toyota", "model": "Land Cruiser 79", "quantity": "6"}],
        "lines",
    )
    assert wait_assessment(qtbot, window) is not None
    panel = window.assessment_panel
    models = [
        window.inventory_panel.table_model,
        window.inventory_panel.issue_model,
        window.inventory_panel.tables_model,
        window.rules_panel.rules_model,
        panel.finding_model,
        *panel.models.values(),
    ]
    for model in models:
        qtmodeltester.check(model)


def test_selecting_a_finding_shows_its_inventory_rows(
    qtbot: Any, window: Any, inventory_file: Path
) -> None:
    load_inventory(qtbot, window, inventory_file)
    window.session.lines.replace_all(
        [{"category": "Pick-up", "make": "Toyota", "model": "Land Cruiser 79", "quantity": "6"}],
        "lines",
    )
    a = wait_assessment(qtbot, window)
    assert a is not None
    panel = window.assessment_panel
    window.tabs.setCurrentWidget(panel)
    tree = panel.finding_model
    with_rows = None
    for f in range(tree.rowCount()):
        family = tree.item(f, 0)
        for r in range(family.rowCount()):
            finding = family.child(r, 0).data(Qt.ItemDataRole.UserRole + 10)
            if any(ev.rows for ev in finding.evidence):
                with_rows = (family.child(r, 0).index(), finding)
                break
        if with_rows:
            break
    assert with_rows is not None, "some finding cites inventory rows"
    index, finding = with_rows
    panel.finding_view.setCurrentIndex(index)
    assert finding.rule_id in panel.details.toPlainText()
    rows = panel.models["evidence"].frame
    wanted = {(r.sheet, r.row) for ev in finding.evidence for r in ev.rows}
    assert set(zip(rows["_sheet"], rows["_row"], strict=True)) == wanted


def test_fitted_columns_show_their_header_and_first_rows_whole(qtbot: Any) -> None:
    """Each column is as wide as its header and the text of its first rows (up to the cap);
    the text of later rows does not count, so a large table is sized as fast as a small one."""
    from donation_checker_gui.inventory_panel import FIT_SAMPLE_ROWS, fit_columns, make_table_view

    frame = pd.DataFrame(
        {
            "make": ["Toyota Land Cruiser Hardtop", *["Ural"] * (FIT_SAMPLE_ROWS + 10)],
            "quantity": [1, *[2] * (FIT_SAMPLE_ROWS + 10)],
            "location": [*["Gao"] * FIT_SAMPLE_ROWS, "A very long place name " * 20, *[""] * 10],
        },
        dtype=object,
    )
    model = FrameModel(frame)
    view = make_table_view(model, "test")
    qtbot.addWidget(view)
    fit_columns(view, cap=400)
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    make_width = view.columnWidth(0)
    assert make_width > metrics.horizontalAdvance("Toyota Land Cruiser Hardtop")
    assert make_width <= 400
    assert view.columnWidth(1) >= header.sectionSizeHint(1)
    # The long place name lies past the sampled rows: it does not widen the column.
    assert view.columnWidth(2) < metrics.horizontalAdvance("A very long place name " * 2)
