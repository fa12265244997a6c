"""Editing the offer in the window: lines, validation at the cell, undo/redo, paste, live verdict."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.helpers import load_inventory, wait_assessment


def type_into(qtbot: Any, window: Any, row: int, field: str, text: str) -> None:
    """Type into a cell of the lines table as a user would: select, type, press Enter."""
    panel = window.offer_panel
    window.tabs.setCurrentWidget(panel)
    index = panel.model.index(row, panel.model.column_of(field))
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    editors = [w for w in panel.view.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1, "one cell editor is open"
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on Return through a queued call.
    qtbot.waitUntil(lambda: panel.view.state() != panel.view.State.EditingState, timeout=2000)


def add_typed_line(qtbot: Any, window: Any, values: dict[str, str]) -> int:
    qtbot.mouseClick(window.offer_panel.add_button, Qt.MouseButton.LeftButton)
    row = window.offer_panel.model.rowCount() - 1
    for field, text in values.items():
        type_into(qtbot, window, row, field, text)
    return row


LINE = {"category": "Pick-up", "make": "Toyota", "model": "Land Cruiser 79", "quantity": "6"}


def test_typed_line_is_validated_at_the_cell(qtbot: Any, window: Any) -> None:
    row = add_typed_line(qtbot, window, {**LINE, "quantity": "six"})
    model = window.offer_panel.model
    cell = model.index(row, model.column_of("quantity"))
    assert cell.data() == "six"
    assert "not" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.valid_lines() == ()  # a bad required cell leaves the line out
    type_into(qtbot, window, row, "quantity", "1 200")
    assert cell.data(Qt.ItemDataRole.ToolTipRole) is None
    ((_, line),) = model.valid_lines()
    assert line.quantity == 1200 and line.model == "Land Cruiser 79"
    # An unreadable optional value is "not stated", not zero.
    type_into(qtbot, window, row, "odometer_km", "about ten")
    ((_, line),) = model.valid_lines()
    assert line.odometer_km is None
    # "1 cell to check" with the English catalogue's plural forms installed, the source text
    # ("1 cells to check") without: the count is what matters here.
    assert re.search(r"\b1 cells? to check\b", window.offer_panel.status.text())


def test_undo_redo_add_edit_duplicate_delete(qtbot: Any, window: Any) -> None:
    model = window.offer_panel.model
    stack = window.session.undo_stack
    row = add_typed_line(qtbot, window, LINE)
    type_into(qtbot, window, row, "quantity", "9")
    assert model.rows()[0]["quantity"] == "9"
    window.act_undo.trigger()
    assert model.rows()[0]["quantity"] == "6"
    window.act_redo.trigger()
    assert model.rows()[0]["quantity"] == "9"

    window.offer_panel.view.selectRow(0)
    window.offer_panel.duplicate_lines()
    assert model.rowCount() == 2 and model.rows()[1] == model.rows()[0]
    window.offer_panel.view.selectRow(0)
    window.offer_panel.delete_lines()
    assert model.rowCount() == 1
    stack.undo()
    assert model.rowCount() == 2
    stack.undo()
    assert model.rowCount() == 1
    while stack.canUndo():
        stack.undo()
    assert model.rowCount() == 0
    while stack.canRedo():
        stack.redo()
    assert model.rowCount() == 1 and model.rows()[0]["quantity"] == "9"


def test_paste_block_from_excel_is_one_undo_step(qtbot: Any, window: Any) -> None:
    model = window.offer_panel.model
    block = 'Pick-up\tToyota\tHilux\nTruck\tIveco\t"Trakker\nAD380"\n'
    QApplication.clipboard().setText(block)
    qtbot.mouseClick(window.offer_panel.paste_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 2
    assert model.rows()[1]["model"] == "Trakker\nAD380"
    window.session.undo_stack.undo()
    assert model.rowCount() == 0


def test_paste_with_header_row_maps_columns(qtbot: Any, window: Any) -> None:
    model = window.offer_panel.model
    window.offer_panel.view.paste(
        "Marque\tModèle\tQuantité\tCatégorie\nToyota\tHilux\t3\tPick-up\n"
    )
    assert model.rows() == [
        {"make": "Toyota", "model": "Hilux", "quantity": "3", "category": "Pick-up"}
    ]


def test_import_offer_lines_and_header(qtbot: Any, window: Any, offer_file: Path) -> None:
    with qtbot.waitSignal(window.flow.imported, timeout=30_000):
        window.import_offer(str(offer_file))
    model = window.offer_panel.model
    assert model.rowCount() == 2
    assert window.session.header.donor == "Partner Q"
    assert window.offer_panel._editors["donor"].text() == "Partner Q"
    window.session.undo_stack.undo()  # importing lines is undoable too
    assert model.rowCount() == 0


def test_verdict_follows_the_offer(qtbot: Any, window: Any, inventory_file: Path) -> None:
    load_inventory(qtbot, window, inventory_file)
    assert wait_assessment(qtbot, window) is None
    assert "offer" in window.session.assessment_error.lower()
    add_typed_line(qtbot, window, LINE)
    first = wait_assessment(qtbot, window)
    assert first is not None, window.session.assessment_error
    badge = window.assessment_panel.badge.text()
    assert badge and badge != "No verdict yet"
    # A large lot of an unknown make in an unknown category must change the picture.
    add_typed_line(
        qtbot,
        window,
        {"category": "Tracked vehicle", "make": "Hagglunds", "model": "Bv206", "quantity": "300"},
    )
    second = wait_assessment(qtbot, window)
    assert second is not None and second is not first
    assert (second.verdict, second.score) != (first.verdict, first.score)
    assert window.assessment_panel.finding_model.rowCount() > 0


def test_stale_assessment_results_are_discarded(
    qtbot: Any, window: Any, inventory_file: Path
) -> None:
    load_inventory(qtbot, window, inventory_file)
    session = window.session
    add_typed_line(qtbot, window, LINE)
    for q in ("7", "8", "9"):  # edits faster than the debounce: one result, for the last edit
        session.lines.setData(session.lines.index(0, session.lines.column_of("quantity")), q)
    result = wait_assessment(qtbot, window)
    assert result is not None
    assert [line.label for line in result.lines] == ["Toyota Land Cruiser 79 × 9"]
