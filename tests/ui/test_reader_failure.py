"""A workbook that makes the cell reader fail inside its limits (past the guard, the reader's
process runs out of memory or dies) is a refusal in the window: the window stays up, and the
case at hand (its inventory, its offer) is untouched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from donation_checker.importer import reader
from tests.core.bad_inputs import build_field as F
from tests.ui.helpers import load_inventory, wait_assessment


def _case(qtbot: Any, window: Any, inventory_file: Path, offer_file: Path) -> tuple[Any, Any]:
    inventory = load_inventory(qtbot, window, inventory_file)
    with qtbot.waitSignal(window.flow.imported, timeout=30_000):
        window.import_offer(str(offer_file))
    lines = [vars(line) for _, line in window.session.lines.valid_lines()]
    assert window.session.inventory is inventory and lines
    wait_assessment(qtbot, window)  # the live assessment settles before the window is closed
    return inventory, lines


def _refused(qtbot: Any, window: Any, dialogs: Any, path: Path) -> str:
    told = len(dialogs.warnings)
    window.open_inventory(str(path))
    qtbot.waitUntil(lambda: len(dialogs.warnings) > told, timeout=30_000)  # the user is told
    qtbot.waitUntil(lambda: not window.flow.busy(), timeout=30_000)
    return str(dialogs.warnings[-1][1])


def test_a_reader_failure_is_a_refusal_and_the_case_is_intact(
    qtbot: Any, window: Any, dialogs: Any, tmp_path: Path, inventory_file: Path, offer_file: Path
) -> None:
    inventory, lines = _case(qtbot, window, inventory_file, offer_file)
    hostile = F.g_cell_outside_its_row(tmp_path / "terrain.xlsx")
    text = _refused(qtbot, window, dialogs, hostile)
    assert "terrain.xlsx" in text and "Parc" in text and "reader" in text
    assert window.isVisible()
    assert window.session.inventory is inventory
    assert [vars(line) for _, line in window.session.lines.valid_lines()] == lines
    # The window goes on working: the next workbook imports.
    assert load_inventory(qtbot, window, inventory_file) is not None
    wait_assessment(qtbot, window)


def test_a_reader_that_dies_is_a_refusal_in_the_window(
    qtbot: Any,
    window: Any,
    dialogs: Any,
    tmp_path: Path,
    inventory_file: Path,
    offer_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inventory, lines = _case(qtbot, window, inventory_file, offer_file)
    reader.shutdown()
    stand_in = tmp_path / "dies.py"
    stand_in.write_text("import os\nos.abort()\n", encoding="utf-8")
    monkeypatch.setattr(reader, "SCRIPT", stand_in)
    text = _refused(qtbot, window, dialogs, inventory_file)
    assert "inventory.xlsx" in text and "reader" in text
    assert window.isVisible() and window.session.inventory is inventory
    assert [vars(line) for _, line in window.session.lines.valid_lines()] == lines
    wait_assessment(qtbot, window)
